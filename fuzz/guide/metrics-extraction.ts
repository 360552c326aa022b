import { ledgerOf } from '../../properties/lookup.ts';
import type { Address } from '../../reference/primitives.ts';
import { ZERO_ADDRESS } from '../../reference/primitives.ts';
import type { Measured, MetricInput } from './metrics.ts';
import { balanceIn, claimsWorth, claimTokens } from './metrics-claims.ts';

/**
 * `extraction`: per actor `a` and collateral token `t` (the collateral of some series), in base
 * units of `t`,
 *
 *     out(a, t) + worth(a, t) − in(a, t) − given(a, t)
 *
 * - `out`: the `t` that left the market during `a`'s own calls (merges, redeems; to whomever);
 * - `worth`: what `a`'s claims on `t` series can still be turned into (merged pairs, then the
 *   settled rest at the design's floors; unpaired claims of an unsettled series count 0);
 * - `in`: the `t` that `a` paid into the market (splits, donations), and what a contract paid in
 *   during `a`'s own calls (a flash lender splitting on `a`'s behalf);
 * - `given`: claims on `t` series that `a` received from someone else (a transfer, or a split
 *   another caller made to `a`), each counted at one unit, the most a claim can ever pay.
 *
 * Every term leans so that correct contracts give at most 0 (what `a` can own is overstated, what
 * it has is understated), so any positive value is collateral taken from the others. The metric is
 * the max over actors and tokens, and 0 when no actor is ahead. It reads the steps' Transfer logs
 * (the EVM's: where they differ from the model's, D1 has failed at that step) and the last state.
 * A token with several addresses on one ledger (TUSD's kind) is one collateral: its ledger logs
 * the Transfers of every address, so each address is counted under its ledger's.
 */
export function measureExtraction(input: MetricInput): Measured {
  const { final, book } = input;
  const market = final.market.toLowerCase() as Address;
  const claims = claimTokens(final);
  // The state's addresses are lowercase (reference/primitives.ts); logged ones may not be.
  const canonical = (token: string) => ledgerOf(final, token.toLowerCase() as Address);
  const collaterals = new Set([...claims.values()].map((c) => canonical(c.series.collateral)));
  const actors = new Set(input.actors.map((a) => a.toLowerCase() as Address));
  const ledger = new Map<string, bigint>();
  const add = (actor: Address, token: Address, amount: bigint) => {
    const key = `${actor}|${token}`;
    ledger.set(key, (ledger.get(key) ?? 0n) + amount);
  };
  for (const { action, outcome } of input.steps) {
    if (!outcome.ok) continue;
    const caller = action.kind === 'warp' ? undefined : (action.caller.toLowerCase() as Address);
    for (const event of outcome.events) {
      if (event.name !== 'Transfer') continue;
      const token = canonical(event.address);
      const from = String(event.args.from).toLowerCase() as Address;
      const to = String(event.args.to).toLowerCase() as Address;
      const value = event.args.value as bigint;
      if (collaterals.has(token)) {
        // Paid in by an actor: theirs. Paid in by a contract inside a's call (a flash lender that
        // splits and merges back on a's behalf): a's, as what leaves the market in that call is.
        const payer = actors.has(from) || caller === undefined ? from : caller;
        if (to === market && from !== market) add(payer, token, -value);
        if (from === market && to !== market && caller !== undefined) add(caller, token, value);
      }
      const claim = claims.get(token);
      const received = from !== to && (from === ZERO_ADDRESS ? caller !== to : true);
      if (claim !== undefined && received) add(to, canonical(claim.series.collateral), -value);
    }
  }
  let best: Measured = { value: 0n, at: '', unit: 'base units of collateral' };
  for (const collateral of collaterals) {
    for (const raw of input.actors) {
      const actor = raw.toLowerCase() as Address;
      let worth = 0n;
      for (const [token, claim] of claims) {
        if (claim.side !== 'P' || canonical(claim.series.collateral) !== collateral) continue;
        const p = balanceIn(final, token, actor);
        const n = balanceIn(final, claim.series.nToken.toLowerCase() as Address, actor);
        worth += claimsWorth(claim.series, p, n);
      }
      const value = (ledger.get(`${actor}|${collateral}`) ?? 0n) + worth;
      if (value > best.value) {
        const token = book.nameOf(collateral);
        best = { value, at: `${book.nameOf(actor)} on ${token}`, unit: `base units of ${token}` };
      }
    }
  }
  return best;
}
