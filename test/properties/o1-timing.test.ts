import { describe, expect, it } from 'vitest';
import { checkO1State, checkO1Transition } from '../../properties/index.ts';
import { questionKey } from '../../properties/observed-state.ts';
import { WAD } from '../../reference/primitives.ts';
import { BOB, baseState, INDEX, QUESTION, question, revert, step, where } from './fixtures.ts';

const LATER = 3000n;
const LATER_KEY = questionKey(INDEX, LATER);
const propose = (timestamp: bigint) =>
  ({ kind: 'propose', caller: BOB, indexId: INDEX, timestamp, value: 7n * WAD, bond: 10n }) as const;

/** A step where Bob's first answer to the question at `timestamp` is accepted at the fixture's clock. */
function firstAnswer(timestamp: bigint) {
  return step(baseState(), propose(timestamp), (s) => {
    s.oracleState.questions[questionKey(INDEX, timestamp)] = {
      indexId: INDEX,
      timestamp,
      answers: [{ answerer: BOB, value: 7n * WAD, bond: 10n }],
      lastAnswerAt: s.timestamp,
      arbitrationPending: false,
      arbitrationUsed: false,
      arbitrationRequestedAt: 0n,
      finalized: false,
      finalValue: 0n,
    };
  });
}

describe('O1 timing', () => {
  it('holds for an answer accepted at or after the question timestamp', () => {
    const t = firstAnswer(2000n);
    expect(checkO1Transition(t)).toEqual([]);
    expect(checkO1State(t.after)).toEqual([]);
  });

  it('reports an answer accepted before the question timestamp, in both forms', () => {
    const t = firstAnswer(LATER);
    const violations = checkO1Transition(t);
    expect(where(violations)).toEqual([{ id: 'O1', question: LATER_KEY }]);
    expect(violations[0]).toMatchObject({ expected: `block time >= ${LATER}`, actual: '2000' });
    expect(where(checkO1State(t.after))).toEqual([{ id: 'O1', question: LATER_KEY }]);
  });

  it('reports an answer that appears without a successful propose of that question', () => {
    const t = firstAnswer(2000n);
    t.outcome = revert('BondTooLow', 10n, 1n);
    expect(where(checkO1Transition(t))).toEqual([{ id: 'O1', question: questionKey(INDEX, 2000n) }]);
  });

  it('reports an answer whose acceptance time is not recorded as lastAnswerAt', () => {
    const t = step(baseState(), propose(1500n), (s) => {
      question(s).answers.push({ answerer: BOB, value: 7n * WAD, bond: 20n });
    });
    const violations = checkO1Transition(t);
    expect(where(violations)).toEqual([{ id: 'O1', question: QUESTION }]);
    expect(violations[0]).toMatchObject({ expected: 'lastAnswerAt 2000', actual: '1600' });
  });
});
