import type { Address, Bytes32 } from '../reference/primitives.ts';
import { balanceOf, keysOf, ledgerOf, supplyOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import { describePoint, evaluatePayouts, type PayoutMath } from './payout-math.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M2 solvency: per ledger, the market's balance is at least the sum of `locked` over the series on
 * every address of that ledger, and every settled series keeps
 * `locked >= payoutP(supply P) + payoutN(supply N)` at its settlement price.
 *
 * A ledger is a collateral address, or several that move one balance (`state.ledgers`: a
 * MultiEntryToken and its entry points, like TUSD's two addresses). Through either address the
 * market's balance is the whole ledger's, so a check per address would pass two series backed by
 * one deposit; the sum over the ledger does not.
 *
 * The first half is an inequality because a direct donation may add collateral; nothing may
 * remove it, but a negative rebase (docs/collateral.md: unsupported): the balance of a collateral
 * listed in `shortfalls` may be short by at most the amount listed, what negative rebases took from
 * the backing of its series (see {@link rebaseShortfall}). The second half holds for any order of
 * redeems because each call floors its own payout, and floors of parts never exceed the floor of
 * the whole.
 */
export function checkM2(state: ObservedState, math: PayoutMath, shortfalls?: RebaseShortfalls): Violation[] {
  return [...checkBacking(state, shortfalls), ...checkSettledCover(state, math)];
}

/**
 * Per collateral, how far below the sum of its series' `locked` negative rebases have pushed the
 * market's balance of it, summed over the rebases of a run: the only shortfall M2 forgives.
 */
export type RebaseShortfalls = ReadonlyMap<Address, bigint>;

/** The sum of `locked` over the series on any address of `collateral`'s ledger. */
export function lockedOn(state: ObservedState, collateral: Address): bigint {
  const ledger = ledgerOf(state, collateral);
  let locked = 0n;
  for (const id of keysOf<Bytes32>(state.series)) {
    const series = state.series[id];
    if (series !== undefined && ledgerOf(state, series.collateral) === ledger) locked += series.locked;
  }
  return locked;
}

/**
 * What one rebase of `token` (from `before` to `after`) added to the market's shortfall on it: how
 * much further the market's balance fell below what its series lock. Zero for a rebase up, for one
 * that only ate into a donated surplus, and when nothing is locked on the token; so a later split
 * gets no slack from a rebase that happened before it.
 */
export function rebaseShortfall(before: ObservedState, after: ObservedState, token: Address): bigint {
  const short = (state: ObservedState): bigint => {
    const gap = lockedOn(state, token) - (balanceOf(state, token, state.market) ?? 0n);
    return gap > 0n ? gap : 0n;
  };
  const grown = short(after) - short(before);
  return grown > 0n ? grown : 0n;
}

function checkBacking(state: ObservedState, shortfalls?: RebaseShortfalls): Violation[] {
  const owed = new Map<Address, bigint>();
  for (const id of keysOf<Bytes32>(state.series)) {
    const series = state.series[id];
    if (series === undefined) continue;
    const ledger = ledgerOf(state, series.collateral);
    owed.set(ledger, (owed.get(ledger) ?? 0n) + series.locked);
  }
  const violations: Violation[] = [];
  for (const [ledger, locked] of owed) {
    const held = balanceOf(state, ledger, state.market);
    // A collateral that is no observed token (createSeries accepts any contract, the market itself
    // included) can back nothing: it breaks M2 only once something is locked on it.
    const forgiven = shortfalls?.get(ledger) ?? 0n;
    if (held === undefined ? locked > 0n : held + forgiven < locked) {
      const addresses = state.ledgers[ledger];
      violations.push({
        id: 'M2',
        message:
          addresses === undefined
            ? `the market holds less ${ledger} than its series have locked`
            : `the market holds less of the ledger ${ledger} (at ${addresses.join(', ')}) than its series on those addresses have locked together`,
        expected: forgiven > 0n ? `>= ${locked} - ${forgiven} lost to negative rebases` : `>= ${locked}`,
        actual: quote(held),
        token: ledger,
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
