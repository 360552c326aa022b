import type { ObservedState, SeriesState } from '../../properties/observed-state.ts';
import { payoutN, payoutP } from '../../reference/payout.ts';
import type { Address } from '../../reference/primitives.ts';

/** A claim token's series, and which side it is. */
export interface ClaimOf {
  series: SeriesState;
  side: 'P' | 'N';
}

/** Every claim token of the state's series, by (lowercase) address. */
export function claimTokens(state: ObservedState): Map<Address, ClaimOf> {
  const claims = new Map<Address, ClaimOf>();
  for (const series of Object.values(state.series)) {
    claims.set(series.pToken.toLowerCase() as Address, { series, side: 'P' });
    claims.set(series.nToken.toLowerCase() as Address, { series, side: 'N' });
  }
  return claims;
}

/**
 * The collateral `p` P-claims and `n` N-claims of a series can be turned into now, taken in the
 * best order: pairs merged (one unit each, before or after settlement), then, once settled, the
 * rest redeemed at the settlement price with the design's floors (reference/payout.ts). Unpaired
 * claims of an unsettled series count 0: their worth is not known yet.
 */
export function claimsWorth(series: SeriesState, p: bigint, n: bigint): bigint {
  const pairs = p < n ? p : n;
  if (!series.settled) return pairs;
  return (
    pairs +
    payoutP(p - pairs, series.strike, series.settlementPrice) +
    payoutN(n - pairs, series.strike, series.settlementPrice)
  );
}

/** An account's balance of a token in the state (0 when not observed). */
export function balanceIn(state: ObservedState, token: Address, account: Address): bigint {
  return state.tokens[token]?.balances[account] ?? 0n;
}
