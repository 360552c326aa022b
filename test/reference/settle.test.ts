import { describe, expect, test } from 'vitest';
import { ModelUnsupportedError } from '../../reference/errors.ts';
import { execute } from '../../reference/execute.ts';
import type { Bytes32 } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import {
  ALICE,
  BOB,
  CAROL,
  EXPIRY,
  INDEX,
  LIVENESS,
  MARKET,
  MIN_BOND,
  makeWorld,
  newSeries,
  ok,
  propose,
  reverts,
  STRIKE,
  settleAt,
  WETH,
  warp,
  warpTo,
} from './fixture.ts';

const settle = (seriesId: Bytes32) => ({ kind: 'settle', caller: BOB, seriesId }) as const;

describe('settle', () => {
  test('returns [price], logs Settled(seriesId, price), fixes the price', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    warpTo(world, EXPIRY);
    propose(world, CAROL, 2_345n * WAD, MIN_BOND);
    warp(world, LIVENESS);
    ok(world, { kind: 'finalize', caller: ALICE, indexId: INDEX, timestamp: EXPIRY });
    expect(ok(world, settle(id))).toEqual({
      ok: true,
      returns: [2_345n * WAD],
      events: [{ address: MARKET, name: 'Settled', args: { seriesId: id, price: 2_345n * WAD } }],
    });
    expect(world.state.series.get(id)).toMatchObject({ settled: true, settlementPrice: 2_345n * WAD });
  });
  test('a final value of 0 is a valid price', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    settleAt(world, id, 0n);
    expect(world.state.series.get(id)).toMatchObject({ settled: true, settlementPrice: 0n });
  });
  test('UnknownSeries(seriesId)', () => {
    const world = makeWorld();
    const unknown: Bytes32 = `0x${'00'.repeat(32)}`;
    reverts(world, settle(unknown), 'UnknownSeries', unknown);
  });
  test('AlreadySettled(seriesId): a settled price never changes', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    settleAt(world, id, STRIKE);
    reverts(world, settle(id), 'AlreadySettled', id);
  });
  test('NotExpired(seriesId, expiry, now) one second before expiry, checked before the oracle', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    warpTo(world, EXPIRY - 1n);
    reverts(world, settle(id), 'NotExpired', id, EXPIRY, EXPIRY - 1n);
  });
  test('NotFinalized(seriesId, indexId, expiry): unanswered, answered, and final for another timestamp', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    warpTo(world, EXPIRY);
    reverts(world, settle(id), 'NotFinalized', id, INDEX, EXPIRY);
    propose(world, CAROL, 1n, MIN_BOND, EXPIRY - 1n);
    propose(world, CAROL, 1n, MIN_BOND);
    warp(world, LIVENESS - 1n);
    reverts(world, settle(id), 'NotFinalized', id, INDEX, EXPIRY);
    warp(world, 1n);
    ok(world, { kind: 'finalize', caller: ALICE, indexId: INDEX, timestamp: EXPIRY - 1n });
    reverts(world, settle(id), 'NotFinalized', id, INDEX, EXPIRY);
    ok(world, { kind: 'finalize', caller: ALICE, indexId: INDEX, timestamp: EXPIRY });
    ok(world, settle(id));
  });
  test('a series whose oracle is another contract is outside the model at settle time', () => {
    const world = makeWorld();
    const { events } = ok(world, {
      kind: 'createSeries',
      caller: ALICE,
      collateral: WETH,
      oracle: WETH,
      indexId: INDEX,
      strike: 1n,
      expiry: EXPIRY,
    });
    const id = events[0]?.args.seriesId as Bytes32;
    reverts(world, settle(id), 'NotExpired', id, EXPIRY, world.state.timestamp);
    warpTo(world, EXPIRY);
    expect(() => execute(world, settle(id))).toThrow(ModelUnsupportedError);
  });
});
