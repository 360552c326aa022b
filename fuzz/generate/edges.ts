import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { Chooser } from './chooser.ts';

/**
 * An amount near what an account holds, biased to the edges where rounding and bounds bugs live:
 * 1, all of it, half, a random share, and (less often, so reverts are compared too) 0, one more
 * than it holds, and 2^256 − 1.
 */
export function edgeAmount(c: Chooser, held: bigint): bigint {
  return c.weighted<() => bigint>([
    [30, () => (held > 0n ? 1n + c.upTo(held - 1n) : 1n)],
    [14, () => held],
    [10, () => 1n],
    [8, () => held / 2n],
    [6, () => (held > 0n ? held - 1n : 0n)],
    [3, () => 0n],
    [3, () => held + 1n],
    [2, () => MAX_UINT256],
  ])();
}

/** A price around a strike: 0, S − 1, S, S + 1, far above, 2^256 − 1, and random ones either side. */
export function edgePrice(c: Chooser, strike: bigint): bigint {
  return c.weighted<() => bigint>([
    [10, () => strike],
    [8, () => strike - 1n],
    [8, () => strike + 1n],
    [6, () => 0n],
    [12, () => 1n + c.upTo(strike)],
    [12, () => strike + 1n + c.upTo(strike * 3n)],
    [4, () => strike * 1000n],
    [3, () => MAX_UINT256],
  ])();
}
