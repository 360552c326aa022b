import { PANIC_OVERFLOW, revert } from './errors.ts';
import { MAX_UINT256 } from './primitives.ts';

/** Solidity's checked `a + b` on uint256: Panic(0x11) when the sum does not fit. */
export function checkedAdd(a: bigint, b: bigint): bigint {
  const sum = a + b;
  return sum > MAX_UINT256 ? revert('Panic', PANIC_OVERFLOW) : sum;
}

/** OpenZeppelin's `Math.saturatingAdd`: the sum, or max uint256 when it does not fit. */
export function saturatingAdd(a: bigint, b: bigint): bigint {
  const sum = a + b;
  // (Math.min does not take bigints.)
  if (sum > MAX_UINT256) return MAX_UINT256;
  return sum;
}

/** `a - b`, or 0 when b > a. */
export function saturatingSub(a: bigint, b: bigint): bigint {
  return b > a ? 0n : a - b;
}

/** Solidity's checked `a - b` on uint256: Panic(0x11) when b > a. */
export function checkedSub(a: bigint, b: bigint): bigint {
  return b > a ? revert('Panic', PANIC_OVERFLOW) : a - b;
}
