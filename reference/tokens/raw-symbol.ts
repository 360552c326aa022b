import { FALLBACK_SYMBOL, MAX_SYMBOL_BYTES } from '../market/claim-naming.ts';

/**
 * What an observer records for a view it could not decode: properties/observed-state.ts's
 * UNREADABLE_NAME, spelled again because reference/ may import only types from outside it
 * (test/reference/weird-tokens.test.ts checks the two agree).
 */
export const UNREADABLE_NAME = '<view reverted>';

/**
 * A token's `symbol()` return data read two ways, hand-rolled so the model needs no ABI library:
 * as an ABI decoder reads a `string` (what an observer of the token sees), and as
 * ClaimTokenNaming's strict rule reads it (what a claim token's name embeds). A bytes32 symbol
 * (MKR), an empty return, a bad offset or a length past the data make the two differ.
 */

const decoder = new TextDecoder();

/** The bytes of `0x…` hex. */
function bytesOf(data: `0x${string}`): Uint8Array {
  const hex = data.slice(2);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function wordAt(bytes: Uint8Array, at: number): bigint {
  let value = 0n;
  for (let i = at; i < at + 32; i++) value = (value << 8n) | BigInt(bytes[i] as number);
  return value;
}

/**
 * Standard ABI decoding of one `string` return value: the head word is an offset from the start;
 * the length word at that offset, then that many bytes, must lie inside the data (padding after
 * them need not); the bytes are UTF-8, invalid sequences read as U+FFFD. Anything out of bounds,
 * or no data at all, is not a string: {@link UNREADABLE_NAME}, as an observer records a view that
 * could not be decoded.
 */
export function decodedSymbol(data: `0x${string}`): string {
  const bytes = bytesOf(data);
  if (bytes.length < 32) return UNREADABLE_NAME;
  const offset = wordAt(bytes, 0);
  if (offset + 32n > BigInt(bytes.length)) return UNREADABLE_NAME;
  const start = Number(offset);
  const length = wordAt(bytes, start);
  if (length === 0n) return '';
  if (BigInt(start) + 32n + length > BigInt(bytes.length)) return UNREADABLE_NAME;
  return decoder.decode(bytes.subarray(start + 32, start + 32 + Number(length)));
}

/**
 * ClaimTokenNaming's reading (DESIGN: a claim's name embeds the collateral's symbol only when it is
 * a well-formed ABI string of 1 to 32 bytes): at least two words, an offset of exactly 32, a length
 * from 1 to 32, and that many bytes present; anything else is {@link FALLBACK_SYMBOL}.
 */
export function claimSymbolFromData(data: `0x${string}`): string {
  const bytes = bytesOf(data);
  if (bytes.length < 64) return FALLBACK_SYMBOL;
  const length = wordAt(bytes, 32);
  if (wordAt(bytes, 0) !== 32n || length === 0n || length > BigInt(MAX_SYMBOL_BYTES)) return FALLBACK_SYMBOL;
  if (bytes.length < 64 + Number(length)) return FALLBACK_SYMBOL;
  return decoder.decode(bytes.subarray(64, 64 + Number(length)));
}
