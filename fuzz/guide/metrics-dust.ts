import type { Address } from '../../reference/primitives.ts';
import type { Measured, MetricInput } from './metrics.ts';
import { balanceIn, claimsWorth } from './metrics-claims.ts';

/**
 * `dust`: for each settled series, the collateral it still holds (`locked`) beyond what all its
 * claims can be turned into, were every holder to merge its pairs and redeem the rest now (at the
 * design's floors): the rounding the market keeps for good. Holders are the observed accounts
 * (actors, market, oracle) and, as one more holder, whoever holds the rest of each claim supply.
 * The max over series, in base units of that series' collateral; 0 with no settled series.
 */
export function measureDust(input: MetricInput): Measured {
  const { final, book } = input;
  let best: Measured = { value: 0n, at: '', unit: 'base units of collateral' };
  for (const [id, series] of Object.entries(final.series)) {
    if (!series.settled) continue;
    const p = series.pToken.toLowerCase() as Address;
    const n = series.nToken.toLowerCase() as Address;
    const holders = new Set<Address>([
      ...(Object.keys(final.tokens[p]?.balances ?? {}) as Address[]),
      ...(Object.keys(final.tokens[n]?.balances ?? {}) as Address[]),
    ]);
    let claimable = 0n;
    let restP = final.tokens[p]?.totalSupply ?? 0n;
    let restN = final.tokens[n]?.totalSupply ?? 0n;
    for (const holder of holders) {
      const heldP = balanceIn(final, p, holder);
      const heldN = balanceIn(final, n, holder);
      restP -= heldP;
      restN -= heldN;
      claimable += claimsWorth(series, heldP, heldN);
    }
    claimable += claimsWorth(series, restP > 0n ? restP : 0n, restN > 0n ? restN : 0n);
    const dust = series.locked - claimable;
    if (dust > best.value) {
      const collateral = book.nameOf(series.collateral.toLowerCase() as Address);
      best = {
        value: dust,
        at: `series ${book.seriesName(id as `0x${string}`)} (${collateral}): locked ${series.locked}, claims worth ${claimable}`,
        unit: `base units of ${collateral}`,
      };
    }
  }
  return best;
}
