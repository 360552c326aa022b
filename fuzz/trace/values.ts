import type { Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';

const HEX32 = /^0x[0-9a-fA-F]{64}$/;
const HEX20 = /^0x[0-9a-fA-F]{40}$/;

/** Whether a string is a 20-byte `0x` address. */
export const isHexAddress = (value: string): boolean => HEX20.test(value);
/** Whether a string is a 32-byte `0x` word. */
export const isHex32 = (value: string): boolean => HEX32.test(value);

/** A uint as written in a trace: decimal, or `max`. Returns an error message or the value. */
export function parseUint(text: string): bigint | string {
  if (text === 'max') return MAX_UINT256;
  if (!/^\d+$/.test(text)) return `expected a decimal integer string or "max", got ${JSON.stringify(text)}`;
  const value = BigInt(text);
  if (value > MAX_UINT256) return `${text} does not fit in uint256 (at most 2^256 - 1)`;
  return value;
}

/** A uint as written in a trace: `max` for 2^256 − 1, else decimal. */
export function formatUint(value: bigint): string {
  return value === MAX_UINT256 ? 'max' : value.toString();
}

/**
 * An index id from its trace form: `0x` + 64 hex digits as is, or an ASCII name of at most 32
 * printable characters stored left-aligned and zero-padded, as Solidity's `bytes32("ETH/USD")`.
 */
export function parseIndexId(text: string): Bytes32 | string {
  if (isHex32(text)) return text.toLowerCase() as Bytes32;
  if (text.startsWith('0x')) return `expected 0x followed by 64 hex digits, got ${JSON.stringify(text)}`;
  if (text.length === 0 || text.length > 32 || !/^[\x20-\x7e]+$/.test(text)) {
    return `expected an index name of 1 to 32 printable ASCII characters or a 0x bytes32, got ${JSON.stringify(text)}`;
  }
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `0x${hex.padEnd(64, '0')}` as Bytes32;
}

/** The trace form of an index id: its ASCII name when it is one, else hex. */
export function formatIndexId(id: Bytes32): string {
  const bytes = id.slice(2).match(/../g) ?? [];
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === '00') end--;
  const text = bytes
    .slice(0, end)
    .map((b) => String.fromCharCode(Number.parseInt(b, 16)))
    .join('');
  const roundTrips = end > 0 && /^[\x20-\x7e]+$/.test(text) && !text.startsWith('0x') && parseIndexId(text) === id;
  return roundTrips ? text : id;
}
