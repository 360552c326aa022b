import type { Bytes32 } from '../reference/primitives.ts';
import { keysOf } from './lookup.ts';
import { type ObservedState, questionKey, type SeriesState } from './observed-state.ts';
import type { Transition } from './transition.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M7 settlement, state form: every settled series has reached its expiry and carries the value
 * the observed oracle reports final for `(indexId, expiry)`. A series settled against an oracle
 * the state does not observe is reported, because nothing can vouch for its price.
 */
export function checkM7State(state: ObservedState): Violation[] {
  const violations: Violation[] = [];
  for (const id of keysOf<Bytes32>(state.series)) {
    const series = state.series[id];
    if (series === undefined || !series.settled) continue;
    violations.push(...checkSettledAt(state, id, series, state.timestamp));
  }
  return violations;
}

/**
 * M7 settlement, transition form: a settled series stays settled at the same price; a series
 * becomes settled only through a successful `settle` of that series, run at or after its expiry,
 * while the oracle reports a final value for `(indexId, expiry)` equal to the price fixed.
 */
export function checkM7Transition(transition: Transition): Violation[] {
  const { before, after, action, outcome } = transition;
  const violations: Violation[] = [];
  for (const id of keysOf<Bytes32>(before.series)) {
    const was = before.series[id];
    const now = after.series[id];
    if (!was?.settled) continue;
    if (!now?.settled || now.settlementPrice !== was.settlementPrice) {
      violations.push({
        id: 'M7',
        message: `a settled price changed during ${action.kind}`,
        expected: `settled at ${was.settlementPrice}`,
        actual: now === undefined ? '<missing>' : `settled=${now.settled} at ${now.settlementPrice}`,
        series: id,
      });
    }
  }
  for (const id of keysOf<Bytes32>(after.series)) {
    const now = after.series[id];
    if (now === undefined || !now.settled || before.series[id]?.settled) continue;
    if (!(outcome.ok && action.kind === 'settle' && action.seriesId === id)) {
      violations.push({
        id: 'M7',
        message: 'series became settled other than by a successful settle of it',
        expected: `settle(${id}) succeeding`,
        actual: `${action.kind} ${outcome.ok ? 'succeeding' : 'reverting'}`,
        series: id,
      });
    }
    // The settle ran at before.timestamp and read the oracle as it was then.
    violations.push(...checkSettledAt(before, id, now, before.timestamp));
  }
  return violations;
}

/** Checks `series` (settled at `settlement.settlementPrice`) against `state`'s clock and oracle. */
function checkSettledAt(state: ObservedState, id: Bytes32, settlement: SeriesState, time: bigint): Violation[] {
  const violations: Violation[] = [];
  if (time < settlement.expiry) {
    violations.push({
      id: 'M7',
      message: 'series settled before its expiry',
      expected: `timestamp >= ${settlement.expiry}`,
      actual: quote(time),
      series: id,
    });
  }
  const key = questionKey(settlement.indexId, settlement.expiry);
  if (settlement.oracle !== state.oracle) {
    violations.push({
      id: 'M7',
      message: 'series settled against an oracle the state does not observe',
      expected: state.oracle,
      actual: settlement.oracle,
      series: id,
      question: key,
    });
    return violations;
  }
  const question = state.oracleState.questions[key];
  if (!question?.finalized || question.finalValue !== settlement.settlementPrice) {
    violations.push({
      id: 'M7',
      message: 'settlement price is not the oracle value finalized for (indexId, expiry)',
      expected: `final ${settlement.settlementPrice}`,
      actual: question?.finalized ? `final ${question.finalValue}` : 'not final',
      series: id,
      question: key,
    });
  }
  return violations;
}
