import { describe, expect, it } from 'vitest';
import { checkO4State, checkO4Transition } from '../../properties/index.ts';
import { WAD } from '../../reference/primitives.ts';
import {
  ALICE,
  BOB,
  BOND,
  baseState,
  EXPIRY,
  finalizeQuestion,
  INDEX,
  ORACLE,
  QUESTION,
  question,
  setBalance,
  step,
  where,
} from './fixtures.ts';

const finalize = { kind: 'finalize', caller: BOB, indexId: INDEX, timestamp: EXPIRY } as const;

describe('O4 bonds', () => {
  it('holds when the oracle holds open bonds plus credits, before and after finalize', () => {
    const t = step(baseState(), finalize, finalizeQuestion);
    expect(checkO4State(t.before)).toEqual([]);
    expect(checkO4State(t.after)).toEqual([]);
    expect(checkO4Transition(t)).toEqual([]);
  });

  it('reports an oracle holding less than it owes', () => {
    const state = baseState();
    setBalance(state, BOND, ORACLE, 9n);
    const violations = checkO4State(state);
    expect(where(violations)).toEqual([{ id: 'O4', account: ORACLE, token: BOND }]);
    expect(violations[0]).toMatchObject({ expected: '>= 10', actual: '9' });
  });

  it('accepts a donation to the oracle, and reports surplus that appears from nowhere', () => {
    const donation = { kind: 'transfer', caller: BOB, token: BOND, to: ORACLE, amount: 5n } as const;
    const donated = step(baseState(), donation, (s) => {
      setBalance(s, BOND, BOB, 95n);
      setBalance(s, BOND, ORACLE, 15n);
    });
    expect(checkO4Transition(donated)).toEqual([]);
    const minted = step(baseState(), { kind: 'warp', seconds: 1n }, (s) => setBalance(s, BOND, ORACLE, 15n));
    expect(where(checkO4Transition(minted))).toEqual([{ id: 'O4', account: ORACLE, token: BOND }]);
  });

  it('reports a finalize that credits nobody (bonds lost) and a winner credited short', () => {
    const lost = step(baseState(), finalize, (s) => {
      finalizeQuestion(s);
      s.oracleState.credits[ALICE] = 0n;
    });
    expect(where(checkO4Transition(lost))).toEqual([
      { id: 'O4', account: ORACLE, token: BOND },
      { id: 'O4', account: ALICE, question: QUESTION },
    ]);
  });

  it("reports a winner's bond paid to someone else", () => {
    const before = baseState();
    question(before).answers.push({ answerer: BOB, value: 1n * WAD, bond: 20n });
    setBalance(before, BOND, ORACLE, 30n);
    // Arbitrated back to Alice's value: Alice is owed her 10 back plus Bob's 20.
    const t = step(
      before,
      { kind: 'arbitrate', caller: BOB, indexId: INDEX, timestamp: EXPIRY, value: 2500n * WAD },
      (s) => {
        question(s).finalized = true;
        question(s).finalValue = 2500n * WAD;
        s.oracleState.credits[BOB] = 25n;
        s.oracleState.credits[ALICE] = 5n;
      },
    );
    const violations = checkO4Transition(t);
    expect(where(violations)).toEqual([{ id: 'O4', account: ALICE, question: QUESTION }]);
    expect(violations[0]).toMatchObject({ expected: '>= 10', actual: '5' });
  });

  it('holds for a withdraw of all credit to its owner, and reports credit taken by another caller', () => {
    const before = baseState();
    finalizeQuestion(before);
    const withdraw = step(before, { kind: 'withdraw', caller: ALICE }, (s) => {
      s.oracleState.credits[ALICE] = 0n;
      setBalance(s, BOND, ALICE, 100n);
      setBalance(s, BOND, ORACLE, 0n);
    });
    expect(checkO4Transition(withdraw)).toEqual([]);
    withdraw.action = { kind: 'withdraw', caller: BOB };
    expect(where(checkO4Transition(withdraw))).toEqual([{ id: 'O4', account: ALICE }]);
  });
});
