import type { Address, Bytes32 } from '../reference/primitives.ts';
import { balanceOf, keysOf, supplyOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import { describePoint, evaluatePayouts, type PayoutMath } from './payout-math.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M2 solvency: the market's balance of each collateral is at least the sum of `locked` over the
 * series on that collateral, and every settled series keeps
 * `locked >= payoutP(supply P) + payoutN(supply N)` at its settlement price.
 *
 * The first half is an inequality because a direct donation may add collateral; nothing may
 * remove it. The second half holds for any order of redeems because each call floors its own
 * payout, and floors of parts never exceed the floor of the whole.
 */
export function checkM2(state: ObservedState, math: PayoutMath): Violation[] {
  return [...checkBacking(state), ...checkSettledCover(state, math)];
}

function checkBacking(state: ObservedState): Violation[] {
  const owed = new Map<Address, bigint>();
  for (const id of keysOf<Bytes32>(state.series)) {
    const series = state.series[id];
    if (series === undefined) continue;
    owed.set(series.collateral, (owed.get(series.collateral) ?? 0n) + series.locked);
  }
  const violations: Violation[] = [];
  for (const [collateral, locked] of owed) {
    const held = balanceOf(state, collateral, state.market);
    // A collateral that is no observed token (createSeries accepts any contract, the market itself
    // included) can back nothing: it breaks M2 only once something is locked on it.
    if (held === undefined ? locked > 0n : held < locked) {
      violations.push({
        id: 'M2',
        message: `the market holds less ${collateral} than its series have locked`,
        expected: `>= ${locked}`,
        actual: quote(held),
        token: collateral,
        account: state.market,
      });
    }
  }
  return violations;
}

function checkSettledCover(state: ObservedState, math: PayoutMath): Violation[] {
  const violations: Violation[] = [];
  for (const id of keysOf<Bytes32>(state.series)) {
    const series = state.series[id];
    if (series === undefined || !series.settled) continue;
    const pSupply = supplyOf(state, series.pToken);
    const nSupply = supplyOf(state, series.nToken);
    if (pSupply === undefined || nSupply === undefined) {
      violations.push({
        id: 'M2',
        message: 'settled series whose claim tokens are not observed',
        expected: 'both supplies observed',
        actual: `P ${quote(pSupply)}, N ${quote(nSupply)}`,
        series: id,
      });
      continue;
    }
    const owed = owedAtSettlement(math, series.strike, series.settlementPrice, pSupply, nSupply);
    if (typeof owed === 'string') {
      violations.push({ id: 'M2', message: owed, expected: 'payouts computed', actual: 'threw', series: id });
    } else if (series.locked < owed) {
      violations.push({
        id: 'M2',
        message: `settled series locks less than its outstanding claims pay (P ${pSupply}, N ${nSupply})`,
        expected: `>= ${owed}`,
        actual: quote(series.locked),
        series: id,
      });
    }
  }
  return violations;
}

function owedAtSettlement(
  math: PayoutMath,
  strike: bigint,
  price: bigint,
  pSupply: bigint,
  nSupply: bigint,
): bigint | string {
  const pPoint = { amount: pSupply, strike, price };
  const nPoint = { amount: nSupply, strike, price };
  const p = evaluatePayouts(math, pPoint);
  const n = evaluatePayouts(math, nPoint);
  if (!p.ok) return `payout math threw at ${describePoint(pPoint)}: ${p.message}`;
  if (!n.ok) return `payout math threw at ${describePoint(nPoint)}: ${n.message}`;
  return p.p + n.n;
}
