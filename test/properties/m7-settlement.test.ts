import { describe, expect, it } from 'vitest';
import { checkM7State, checkM7Transition } from '../../properties/index.ts';
import {
  ALICE,
  BOB,
  baseState,
  EXPIRY,
  finalizeQuestion,
  ORACLE,
  QUESTION,
  question,
  revert,
  SERIES,
  series,
  settled,
  step,
  where,
} from './fixtures.ts';

const settle = { kind: 'settle', caller: BOB, seriesId: SERIES } as const;

/** Settles the fixture series at the question's final value, as a correct settle would. */
function settleAtFinal(state = baseState()) {
  finalizeQuestion(state);
  return step(state, settle, (s) => {
    series(s).settled = true;
    series(s).settlementPrice = question(s).finalValue;
  });
}

describe('M7 settlement', () => {
  it('holds for a settle after expiry at the final value, and for the settled state', () => {
    const t = settleAtFinal();
    expect(checkM7Transition(t)).toEqual([]);
    expect(checkM7State(t.after)).toEqual([]);
  });

  it('reports a settle before expiry', () => {
    const before = baseState();
    before.timestamp = EXPIRY - 1n;
    const violations = checkM7Transition(settleAtFinal(before));
    expect(where(violations)).toEqual([{ id: 'M7', series: SERIES }]);
    expect(violations[0]).toMatchObject({ expected: `timestamp >= ${EXPIRY}`, actual: `${EXPIRY - 1n}` });
  });

  it('reports a settle without a finalized value', () => {
    const t = step(baseState(), settle, (s) => {
      series(s).settled = true;
      series(s).settlementPrice = 2500n;
    });
    const violations = checkM7Transition(t);
    expect(where(violations)).toEqual([{ id: 'M7', series: SERIES, question: QUESTION }]);
    expect(violations[0]?.actual).toBe('not final');
    expect(where(checkM7State(t.after))).toEqual([{ id: 'M7', series: SERIES, question: QUESTION }]);
  });

  it('reports a settle at a price other than the final value', () => {
    const state = baseState();
    finalizeQuestion(state);
    const t = step(state, settle, (s) => {
      series(s).settled = true;
      series(s).settlementPrice = 1n;
    });
    expect(where(checkM7Transition(t))).toEqual([{ id: 'M7', series: SERIES, question: QUESTION }]);
  });

  it('reports a settled price that changes, and a series settled by another action', () => {
    const moved = step(settled(), { kind: 'warp', seconds: 1n }, (s) => {
      series(s).settlementPrice += 1n;
    });
    expect(where(checkM7Transition(moved))).toEqual([{ id: 'M7', series: SERIES }]);
    const sideways = settleAtFinal();
    sideways.action = { kind: 'merge', caller: ALICE, seriesId: SERIES, amount: 1n, to: ALICE };
    expect(where(checkM7Transition(sideways))).toEqual([{ id: 'M7', series: SERIES }]);
    const reverted = settleAtFinal();
    reverted.outcome = revert('NotFinalized', SERIES, '0x', EXPIRY);
    expect(where(checkM7Transition(reverted))).toEqual([{ id: 'M7', series: SERIES }]);
  });

  it('reports a series settled against an oracle the state does not observe', () => {
    const state = settled();
    series(state).oracle = `0x${'ee'.repeat(20)}`;
    const violations = checkM7State(state);
    expect(where(violations)).toEqual([{ id: 'M7', series: SERIES, question: QUESTION }]);
    expect(violations[0]?.expected).toBe(ORACLE);
  });
});
