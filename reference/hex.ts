import type { Address, Bytes32 } from './primitives.ts';
import { MAX_UINT256 } from './primitives.ts';

const ADDRESS_RE = /^0x[0-9a-f]{40}$/;
const BYTES32_RE = /^0x[0-9a-f]{64}$/;

/** True for a lowercase `0x` address of 20 bytes, the only spelling the model accepts. */
export function isAddress(value: unknown): value is Address {
  return typeof value === 'string' && ADDRESS_RE.test(value);
}

/** True for a lowercase `0x` word of 32 bytes. */
export function isBytes32(value: unknown): value is Bytes32 {
  return typeof value === 'string' && BYTES32_RE.test(value);
}

/** True for a bigint that fits in a uint256. */
export function isUint256(value: unknown): value is bigint {
  return typeof value === 'bigint' && value >= 0n && value <= MAX_UINT256;
}

/** The 32-byte big-endian ABI word of a uint256, as 64 hex digits without `0x`. */
export function uintWord(value: bigint): string {
  return value.toString(16).padStart(64, '0');
}

/** The 32-byte ABI word of an address (left-padded with zeros), as 64 hex digits without `0x`. */
export function addressWord(address: Address): string {
  return address.slice(2).padStart(64, '0');
}

/** The zero word, also `bytes32(0)`. */
export const ZERO_BYTES32: Bytes32 = `0x${'0'.repeat(64)}`;
