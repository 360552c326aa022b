import { blackScholes } from './black-scholes.ts';

/** What prices the claims: Black–Scholes by default; a test can pass a deliberately broken one. */
export type OptionPricer = typeof blackScholes;

/** The fair values, in index units, of one P-claim and one N-claim (each backed by one collateral unit). */
export interface ClaimValues {
  p: number;
  n: number;
}

/**
 * Fair values of a series' claims at index `x` (DESIGN.md §6, zero rates): P pays min(x, S) at
 * expiry, so it is worth S − Put; N pays max(x − S, 0), so it is worth the Call. By put–call parity
 * the two add up to x, the collateral they split.
 *
 * @example
 * claimValues(2500, 1250, 0.8, 60 / 365) // { p: ≈1249.5, n: ≈1250.5 }
 */
export function claimValues(
  x: number,
  strike: number,
  sigma: number,
  tau: number,
  pricer: OptionPricer = blackScholes,
): ClaimValues {
  const { call, put } = pricer({ spot: x, strike, sigma, tau });
  return { p: strike - put, n: call };
}
