import { describe, expect, it } from 'vitest';
import { checkO2State, checkO2Transition } from '../../properties/index.ts';
import { WAD } from '../../reference/primitives.ts';
import {
  ARBITER,
  BOB,
  baseState,
  EXPIRY,
  finalizeQuestion,
  INDEX,
  QUESTION,
  question,
  step,
  where,
} from './fixtures.ts';

const finalize = { kind: 'finalize', caller: BOB, indexId: INDEX, timestamp: EXPIRY } as const;
const arbitrate = (caller: typeof BOB) =>
  ({ kind: 'arbitrate', caller, indexId: INDEX, timestamp: EXPIRY, value: 3n * WAD }) as const;

describe('O2 finality', () => {
  it('holds for finalize after liveness on the last answer', () => {
    const t = step(baseState(), finalize, finalizeQuestion);
    expect(checkO2Transition(t)).toEqual([]);
    expect(checkO2State(t.after)).toEqual([]);
  });

  it('reports finalize before liveness elapsed, in both forms', () => {
    const before = baseState();
    before.timestamp = 1699n;
    const t = step(before, finalize, finalizeQuestion);
    const violations = checkO2Transition(t);
    expect(where(violations)).toEqual([{ id: 'O2', question: QUESTION }]);
    expect(violations[0]).toMatchObject({ expected: 'block time >= 1700', actual: '1699' });
    expect(where(checkO2State(t.after))).toEqual([{ id: 'O2', question: QUESTION }]);
  });

  it('reports finalize on a value other than the last answer', () => {
    const t = step(baseState(), finalize, (s) => {
      finalizeQuestion(s);
      question(s).finalValue = 1n;
    });
    expect(where(checkO2Transition(t))).toEqual([{ id: 'O2', question: QUESTION }]);
    expect(where(checkO2State(t.after))).toEqual([{ id: 'O2', question: QUESTION }]);
  });

  it('holds for the arbitrator ruling on a pending arbitration, and reports anyone else', () => {
    const before = baseState();
    Object.assign(question(before), { arbitrationPending: true, arbitrationUsed: true, arbitrationRequestedAt: 1650n });
    const rule = (s: typeof before) => {
      question(s).finalized = true;
      question(s).finalValue = 3n * WAD;
    };
    expect(checkO2Transition(step(before, arbitrate(ARBITER), rule))).toEqual([]);
    const violations = checkO2Transition(step(before, arbitrate(BOB), rule));
    expect(where(violations)).toEqual([{ id: 'O2', question: QUESTION }]);
    expect(violations[0]).toMatchObject({ expected: ARBITER, actual: BOB });
  });

  it('reports a question made final by an unrelated action', () => {
    const t = step(baseState(), { kind: 'withdraw', caller: BOB }, finalizeQuestion);
    expect(where(checkO2Transition(t))).toEqual([{ id: 'O2', question: QUESTION }]);
  });

  it('reports a final value that changes afterwards', () => {
    const before = baseState();
    finalizeQuestion(before);
    const t = step(before, { kind: 'warp', seconds: 10n }, (s) => {
      question(s).finalValue = 9n;
    });
    expect(where(checkO2Transition(t))).toEqual([{ id: 'O2', question: QUESTION }]);
  });
});
