import { describe, expect, test } from 'vitest';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import { questionKeyOf } from '../../reference/state.ts';
import { createWorld } from '../../reference/world.ts';
import {
  ALICE,
  BOB,
  BOND,
  CAROL,
  EXPIRY,
  INDEX,
  LIVENESS,
  MIN_BOND,
  makeSetup,
  makeWorld,
  ORACLE,
  ok,
  propose,
  reverts,
  START,
  transferLog,
  warp,
  warpTo,
} from './fixture.ts';

const proposal = (caller: Address, value: bigint, bond: bigint, timestamp = EXPIRY) =>
  ({ kind: 'propose', caller, indexId: INDEX, timestamp, value, bond }) as const;

function approveBond(world: ReturnType<typeof makeWorld>, who: Address, amount = MAX_UINT256) {
  ok(world, { kind: 'approve', caller: who, token: BOND, spender: ORACLE, amount });
}

describe('propose', () => {
  test('first answer: pulls the bond (Transfer caller → oracle), then Proposed with answerIndex 0; returns []', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    approveBond(world, ALICE);
    expect(ok(world, proposal(ALICE, 7n, MIN_BOND))).toEqual({
      ok: true,
      returns: [],
      events: [
        transferLog(BOND, ALICE, ORACLE, MIN_BOND),
        {
          address: ORACLE,
          name: 'Proposed',
          args: { indexId: INDEX, timestamp: EXPIRY, answerer: ALICE, value: 7n, bond: MIN_BOND, answerIndex: 0n },
        },
      ],
    });
    expect(world.state.questions.get(questionKeyOf(INDEX, EXPIRY))).toMatchObject({
      answers: [{ answerer: ALICE, value: 7n, bond: MIN_BOND }],
      lastAnswerAt: EXPIRY,
      finalized: false,
    });
  });
  test('a later answer at exactly 2 × the last bond restarts liveness; answerIndex counts up', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY + 5n);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS - 1n);
    approveBond(world, BOB);
    const out = ok(world, proposal(BOB, 8n, 2n * MIN_BOND));
    expect(out.events[1]?.args.answerIndex).toBe(1n);
    expect(world.state.questions.get(questionKeyOf(INDEX, EXPIRY))?.lastAnswerAt).toBe(EXPIRY + 5n + LIVENESS - 1n);
  });
  test('AlreadyFinalized(indexId, timestamp) first', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS);
    ok(world, { kind: 'finalize', caller: BOB, indexId: INDEX, timestamp: EXPIRY });
    reverts(world, proposal(BOB, 7n, 0n), 'AlreadyFinalized', INDEX, EXPIRY);
  });
  test('TooEarly(indexId, timestamp, now) one second before the question’s timestamp', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY - 1n);
    reverts(world, proposal(ALICE, 7n, MIN_BOND), 'TooEarly', INDEX, EXPIRY, EXPIRY - 1n);
  });
  test('ArbitrationPending(indexId, timestamp), before the liveness and value checks', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    ok(world, { kind: 'requestArbitration', caller: BOB, indexId: INDEX, timestamp: EXPIRY });
    warp(world, LIVENESS);
    reverts(world, proposal(BOB, 7n, 0n), 'ArbitrationPending', INDEX, EXPIRY);
  });
  test('LivenessElapsed(indexId, timestamp, closedAt) exactly at lastAnswerAt + liveness', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS);
    reverts(world, proposal(BOB, 7n, 0n), 'LivenessElapsed', INDEX, EXPIRY, EXPIRY + LIVENESS);
  });
  test('SameValue(value), before the bond check', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    reverts(world, proposal(BOB, 7n, 0n), 'SameValue', 7n);
  });
  test('BondTooLow(minBond, bond) for the first answer', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    reverts(world, proposal(ALICE, 7n, MIN_BOND - 1n), 'BondTooLow', MIN_BOND, MIN_BOND - 1n);
  });
  test('BondTooLow(2 × last, bond) for a later answer one wei short', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, 15n);
    reverts(world, proposal(BOB, 8n, 29n), 'BondTooLow', 30n, 29n);
  });
  test('BondTooLow(max uint256, max uint256) when twice the last bond overflows: exact, saturated minimum', () => {
    const half = (MAX_UINT256 + 1n) / 2n; // 2^255: twice it is 2^256, one more than the max
    const setup = makeSetup();
    setup.balances[BOND] = { [ALICE]: half, [BOB]: half - 1n };
    const world = createWorld(setup);
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, half);
    reverts(world, proposal(BOB, 8n, MAX_UINT256), 'BondTooLow', MAX_UINT256, MAX_UINT256);
  });
  test('the bond token’s errors bubble up (allowance with the oracle as spender, then balance)', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    reverts(world, proposal(ALICE, 7n, MIN_BOND), 'ERC20InsufficientAllowance', ORACLE, 0n, MIN_BOND);
    approveBond(world, ALICE);
    reverts(world, proposal(ALICE, 7n, START + 1n), 'ERC20InsufficientBalance', ALICE, START, START + 1n);
  });
  test('lastAnswerAt + liveness saturates at max uint256: a huge liveness keeps the question open', () => {
    const setup = makeSetup();
    setup.oracle = { ...setup.oracle, liveness: MAX_UINT256 };
    const world = createWorld(setup);
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, 10n ** 12n);
    propose(world, CAROL, 8n, 2n * MIN_BOND);
    const finalize = { kind: 'finalize', caller: BOB, indexId: INDEX, timestamp: EXPIRY } as const;
    reverts(world, finalize, 'LivenessNotElapsed', INDEX, EXPIRY, MAX_UINT256);
  });
});
