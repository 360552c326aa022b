import { describe, expect, test } from 'vitest';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import { questionKeyOf } from '../../reference/state.ts';
import { createWorld } from '../../reference/world.ts';
import {
  ALICE,
  ARBITER,
  BOB,
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
  TIMEOUT,
  warp,
  warpTo,
} from './fixture.ts';

const q = { indexId: INDEX, timestamp: EXPIRY } as const;
const request = (caller: Address = BOB) => ({ kind: 'requestArbitration', caller, ...q }) as const;
const arbitrate = (value: bigint, caller: Address = ARBITER) => ({ kind: 'arbitrate', caller, ...q, value }) as const;
const cancel = (caller: Address = CAROL) => ({ kind: 'cancelArbitration', caller, ...q }) as const;
const key = questionKeyOf(INDEX, EXPIRY);

/** A world at EXPIRY with Alice's answer 7 (bond 10) and Bob's 8 (bond 20). */
function contested() {
  const world = makeWorld();
  warpTo(world, EXPIRY);
  propose(world, ALICE, 7n, MIN_BOND);
  propose(world, BOB, 8n, 2n * MIN_BOND);
  return world;
}

describe('requestArbitration', () => {
  test('freezes the question; logs ArbitrationRequested(indexId, timestamp, requester); returns []', () => {
    const world = contested();
    expect(ok(world, request(CAROL))).toEqual({
      ok: true,
      returns: [],
      events: [{ address: ORACLE, name: 'ArbitrationRequested', args: { ...q, requester: CAROL } }],
    });
    expect(world.state.questions.get(key)).toMatchObject({
      arbitrationPending: true,
      arbitrationUsed: true,
      arbitrationRequestedAt: EXPIRY,
    });
  });
  test('AlreadyFinalized first', () => {
    const world = contested();
    warp(world, LIVENESS);
    ok(world, { kind: 'finalize', caller: BOB, ...q });
    reverts(world, request(), 'AlreadyFinalized', INDEX, EXPIRY);
  });
  test('NoAnswer', () => {
    const world = makeWorld();
    reverts(world, request(), 'NoAnswer', INDEX, EXPIRY);
  });
  test('ArbitrationAlreadyUsed while pending and after a cancel, before the liveness check', () => {
    const world = contested();
    ok(world, request());
    reverts(world, request(), 'ArbitrationAlreadyUsed', INDEX, EXPIRY);
    warp(world, TIMEOUT);
    ok(world, cancel());
    reverts(world, request(), 'ArbitrationAlreadyUsed', INDEX, EXPIRY);
    warp(world, LIVENESS);
    reverts(world, request(), 'ArbitrationAlreadyUsed', INDEX, EXPIRY);
  });
  test('LivenessElapsed(indexId, timestamp, closedAt) once the last answer stands', () => {
    const world = contested();
    warp(world, LIVENESS);
    reverts(world, request(), 'LivenessElapsed', INDEX, EXPIRY, EXPIRY + LIVENESS);
  });
});

describe('arbitrate', () => {
  test('a value nobody gave: every bond is forfeited to the arbitrator; Finalized(value, true); returns []', () => {
    const world = contested();
    ok(world, request());
    expect(ok(world, arbitrate(9n))).toEqual({
      ok: true,
      returns: [],
      events: [
        { address: ORACLE, name: 'BondCredited', args: { ...q, account: ARBITER, amount: 30n } },
        { address: ORACLE, name: 'Finalized', args: { ...q, value: 9n, byArbitration: true } },
      ],
    });
    expect(world.state.questions.get(key)).toMatchObject({
      finalized: true,
      finalValue: 9n,
      arbitrationPending: false,
    });
    expect(world.state.credits.get(ARBITER)).toBe(30n);
  });
  test('the earlier answer wins: its answerer gets both bonds; allowed long after the timeout', () => {
    const world = contested();
    ok(world, request());
    warp(world, 10n * TIMEOUT);
    expect(ok(world, arbitrate(7n)).events.map((e) => e.args.amount ?? e.args.value)).toEqual([10n, 20n, 7n]);
    expect(world.state.credits.get(ALICE)).toBe(30n);
  });
  test('NotArbitrator(caller) first, even on an unknown question', () => {
    const world = makeWorld();
    reverts(world, arbitrate(1n, BOB), 'NotArbitrator', BOB);
  });
  test('AlreadyFinalized, then NoArbitrationPending', () => {
    const world = contested();
    reverts(world, arbitrate(1n), 'NoArbitrationPending', INDEX, EXPIRY);
    ok(world, request());
    ok(world, arbitrate(1n));
    reverts(world, arbitrate(1n), 'AlreadyFinalized', INDEX, EXPIRY);
  });
  test('NoArbitrationPending after a cancel', () => {
    const world = contested();
    ok(world, request());
    warp(world, TIMEOUT);
    ok(world, cancel());
    reverts(world, arbitrate(1n), 'NoArbitrationPending', INDEX, EXPIRY);
  });
});

describe('cancelArbitration', () => {
  test('after the timeout: unfreezes, restarts liveness now, logs ArbitrationCancelled(…, caller)', () => {
    const world = contested();
    ok(world, request());
    warp(world, TIMEOUT);
    expect(ok(world, cancel(ALICE))).toEqual({
      ok: true,
      returns: [],
      events: [{ address: ORACLE, name: 'ArbitrationCancelled', args: { ...q, caller: ALICE } }],
    });
    expect(world.state.questions.get(key)).toMatchObject({
      arbitrationPending: false,
      arbitrationUsed: true,
      lastAnswerAt: EXPIRY + TIMEOUT,
    });
    // Liveness counts from the cancel (TIMEOUT > LIVENESS, so counting from the last answer would be over).
    const finalizeNow = { kind: 'finalize', caller: BOB, ...q } as const;
    reverts(world, finalizeNow, 'LivenessNotElapsed', INDEX, EXPIRY, EXPIRY + TIMEOUT + LIVENESS);
    // The question is open again: a new answer is accepted.
    propose(world, CAROL, 7n, 4n * MIN_BOND);
    warp(world, LIVENESS);
    ok(world, finalizeNow);
  });
  test('AlreadyFinalized first', () => {
    const world = contested();
    ok(world, request());
    ok(world, arbitrate(7n));
    reverts(world, cancel(), 'AlreadyFinalized', INDEX, EXPIRY);
  });
  test('NoArbitrationPending', () => {
    const world = contested();
    reverts(world, cancel(), 'NoArbitrationPending', INDEX, EXPIRY);
  });
  test('ArbitrationTimeoutNotElapsed(indexId, timestamp, cancellableAt) one second early', () => {
    const world = contested();
    ok(world, request());
    warp(world, TIMEOUT - 1n);
    reverts(world, cancel(), 'ArbitrationTimeoutNotElapsed', INDEX, EXPIRY, EXPIRY + TIMEOUT);
  });
  test('requestedAt + arbitrationTimeout saturates at max uint256', () => {
    const setup = makeSetup();
    setup.oracle = { ...setup.oracle, arbitrationTimeout: MAX_UINT256 };
    const world = createWorld(setup);
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    ok(world, request());
    warp(world, 10n ** 12n);
    reverts(world, cancel(), 'ArbitrationTimeoutNotElapsed', INDEX, EXPIRY, MAX_UINT256);
  });
});
