import { describe, expect, test } from 'vitest';
import type { EventLog } from '../../reference/outcome.ts';
import type { Address } from '../../reference/primitives.ts';
import { questionKeyOf } from '../../reference/state.ts';
import {
  ALICE,
  ARBITER,
  BOB,
  CAROL,
  EXPIRY,
  INDEX,
  LIVENESS,
  MIN_BOND,
  makeWorld,
  ORACLE,
  ok,
  propose,
  reverts,
  warp,
  warpTo,
} from './fixture.ts';

const finalize = { kind: 'finalize', caller: CAROL, indexId: INDEX, timestamp: EXPIRY } as const;
const credited = (account: Address, amount: bigint): EventLog => ({
  address: ORACLE,
  name: 'BondCredited',
  args: { indexId: INDEX, timestamp: EXPIRY, account, amount },
});
const finalized = (value: bigint, byArbitration: boolean): EventLog => ({
  address: ORACLE,
  name: 'Finalized',
  args: { indexId: INDEX, timestamp: EXPIRY, value, byArbitration },
});

describe('finalize', () => {
  test('one answer: credits its bond back, then Finalized(value, false); returns [value]', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS);
    expect(ok(world, finalize)).toEqual({
      ok: true,
      returns: [7n],
      events: [credited(ALICE, MIN_BOND), finalized(7n, false)],
    });
    expect(world.state.credits.get(ALICE)).toBe(MIN_BOND);
    expect(world.state.questions.get(questionKeyOf(INDEX, EXPIRY))).toMatchObject({ finalized: true, finalValue: 7n });
  });
  test('A=7, B=8, A=7: both answers of 7 get their bonds back, in order; the forfeited bond goes to the last of them', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, 10n);
    propose(world, BOB, 8n, 20n);
    propose(world, CAROL, 7n, 40n);
    warp(world, LIVENESS);
    expect(ok(world, finalize).events).toEqual([
      credited(ALICE, 10n),
      credited(CAROL, 40n),
      credited(CAROL, 20n),
      finalized(7n, false),
    ]);
    expect(world.state.credits.get(CAROL)).toBe(60n);
    expect(world.state.credits.get(BOB) ?? 0n).toBe(0n);
  });
  test('AlreadyFinalized first', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS);
    ok(world, finalize);
    reverts(world, finalize, 'AlreadyFinalized', INDEX, EXPIRY);
  });
  test('NoAnswer(indexId, timestamp), even before the timestamp', () => {
    const world = makeWorld();
    reverts(world, finalize, 'NoAnswer', INDEX, EXPIRY);
  });
  test('ArbitrationPending, even after liveness', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    ok(world, { kind: 'requestArbitration', caller: BOB, indexId: INDEX, timestamp: EXPIRY });
    warp(world, LIVENESS);
    reverts(world, finalize, 'ArbitrationPending', INDEX, EXPIRY);
  });
  test('LivenessNotElapsed(indexId, timestamp, finalizableAt) one second early', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS - 1n);
    reverts(world, finalize, 'LivenessNotElapsed', INDEX, EXPIRY, EXPIRY + LIVENESS);
  });
  test('the arbitrator is never involved in a finalize', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    propose(world, BOB, 8n, 2n * MIN_BOND);
    warp(world, LIVENESS);
    expect(ok(world, finalize).events).toEqual([credited(BOB, 20n), credited(BOB, 10n), finalized(8n, false)]);
    expect(world.state.credits.get(ARBITER) ?? 0n).toBe(0n);
  });
});
