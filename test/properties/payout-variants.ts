import type { PayoutMath } from '../../properties/index.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';

/**
 * docs/design.md §2 written out again for the tests, independently of reference/payout.ts:
 * `payoutP(a) = x <= S ? a : floor(a*S/x)`, `payoutN(a) = x <= S ? 0 : floor(a*(x-S)/x)`.
 */
export const specPayout: PayoutMath = {
  payoutP: (a, S, x) => (x <= S ? a : (a * S) / x),
  payoutN: (a, S, x) => (x <= S ? 0n : (a * (x - S)) / x),
};

const ceilDiv = (n: bigint, d: bigint) => (n + d - 1n) / d;

/** Broken variants the properties must catch, each with the property expected to catch it. */
export const brokenPayouts: Record<string, { math: PayoutMath; caughtBy: 'M3' | 'M4' }> = {
  /** P rounds up: the pair still sums to at most a, but the dust is wrong. */
  roundsPUp: {
    math: { ...specPayout, payoutP: (a, S, x) => (x <= S ? a : ceilDiv(a * S, x)) },
    caughtBy: 'M3',
  },
  /** N is a - P (rounds N up): no dust is ever left, though floors must leave some. */
  nIsTheRest: {
    math: { ...specPayout, payoutN: (a, S, x) => a - specPayout.payoutP(a, S, x) },
    caughtBy: 'M3',
  },
  /** `x < S` instead of `x <= S`: identical except at x = S = 0, where it divides by zero. */
  strictStrikeTest: {
    math: {
      payoutP: (a, S, x) => (x < S ? a : (a * S) / x),
      payoutN: (a, S, x) => (x < S ? 0n : (a * (x - S)) / x),
    },
    caughtBy: 'M3',
  },
  /** A 256-bit product that wraps instead of a 512-bit mulDiv. */
  wrapsProduct: {
    math: {
      payoutP: (a, S, x) => (x <= S ? a : ((a * S) & MAX_UINT256) / x),
      payoutN: (a, S, x) => (x <= S ? 0n : ((a * (x - S)) & MAX_UINT256) / x),
    },
    caughtBy: 'M3',
  },
  /** Above the strike the sides are swapped: the sum is right, the shape is not. */
  swapsSidesAboveStrike: {
    math: {
      payoutP: (a, S, x) => (x <= S ? a : (a * (x - S)) / x),
      payoutN: (a, S, x) => (x <= S ? 0n : (a * S) / x),
    },
    caughtBy: 'M4',
  },
};
