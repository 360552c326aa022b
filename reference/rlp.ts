/**
 * Recursive Length Prefix encoding, from the Yellow Paper (Appendix B), just enough to derive
 * CREATE addresses: byte strings, lists of items, and integers as minimal big-endian strings.
 */

/** An RLP item: a byte string or a list of items. */
export type RlpItem = Uint8Array | RlpItem[];

/** The minimal big-endian bytes of a non-negative integer; 0 is the empty string. */
export function bigEndian(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError(`RLP integers are non-negative, got ${value}`);
  const hex = value === 0n ? '' : value.toString(16);
  const padded = hex.length % 2 === 1 ? `0${hex}` : hex;
  const out = new Uint8Array(padded.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** RLP(x). */
export function encodeRlp(item: RlpItem): Uint8Array {
  if (item instanceof Uint8Array) {
    // A single byte below 0x80 is its own encoding; everything else carries a length prefix.
    if (item.length === 1 && (item[0] as number) < 0x80) return item;
    return withLength(0x80, item);
  }
  return withLength(0xc0, concat(item.map(encodeRlp)));
}

/** Prefixes `payload` with its length: `offset + len` below 56 bytes, else `offset + 55 + |BE(len)|, BE(len)`. */
function withLength(offset: number, payload: Uint8Array): Uint8Array {
  if (payload.length < 56) return concat([Uint8Array.of(offset + payload.length), payload]);
  const length = bigEndian(BigInt(payload.length));
  return concat([Uint8Array.of(offset + 55 + length.length), length, payload]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
