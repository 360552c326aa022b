import { describe, expect, it } from 'vitest';
import { checkO3State, checkO3Transition } from '../../properties/index.ts';
import { ALICE, BOB, baseState, QUESTION, question, step, where } from './fixtures.ts';

describe('O3 escalation', () => {
  it('holds when each answer posts at least twice the last bond', () => {
    const state = baseState();
    question(state).answers.push({ answerer: BOB, value: 1n, bond: 20n }, { answerer: ALICE, value: 2n, bond: 45n });
    expect(checkO3State(state)).toEqual([]);
  });

  it('reports an answer posting less than twice the bond before it', () => {
    const state = baseState();
    question(state).answers.push({ answerer: BOB, value: 1n, bond: 19n });
    const violations = checkO3State(state);
    expect(where(violations)).toEqual([{ id: 'O3', account: BOB, question: QUESTION }]);
    expect(violations[0]).toMatchObject({ expected: '>= 20', actual: '19' });
  });

  it('reports a first answer below minBond', () => {
    const state = baseState();
    state.oracleState.minBond = 11n;
    expect(where(checkO3State(state))).toEqual([{ id: 'O3', account: ALICE, question: QUESTION }]);
  });

  it('holds for an appended answer and reports a rewritten one', () => {
    const append = step(baseState(), { kind: 'warp', seconds: 1n }, (s) => {
      question(s).answers.push({ answerer: BOB, value: 1n, bond: 20n });
    });
    expect(checkO3Transition(append)).toEqual([]);
    const rewrite = step(baseState(), { kind: 'warp', seconds: 1n }, (s) => {
      const first = question(s).answers[0];
      if (first) first.bond = 1000n;
    });
    const violations = checkO3Transition(rewrite);
    expect(where(violations)).toEqual([{ id: 'O3', question: QUESTION }]);
    expect(violations[0]?.message).toContain('answer 0');
  });
});
