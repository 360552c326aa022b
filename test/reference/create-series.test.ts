import { getContractAddress } from 'viem';
import { describe, expect, test } from 'vitest';
import { execute } from '../../reference/execute.ts';
import { seriesIdOf } from '../../reference/ids.ts';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import {
  ALICE,
  approveMarket,
  BOB,
  EXPIRY,
  INDEX,
  MARKET,
  makeWorld,
  newSeries,
  ORACLE,
  ok,
  reverts,
  STRANGER,
  STRIKE,
  T0,
  USDT,
  WETH,
} from './fixture.ts';

const create = (over: Partial<{ collateral: Address; oracle: Address; strike: bigint; expiry: bigint }> = {}) =>
  ({
    kind: 'createSeries',
    caller: ALICE,
    collateral: WETH,
    oracle: ORACLE,
    indexId: INDEX,
    strike: STRIKE,
    expiry: EXPIRY,
    ...over,
  }) as const;

describe('createSeries', () => {
  test('returns [seriesId], deploys P then N at CREATE(market, 1) and (market, 2), logs SeriesCreated only', () => {
    const world = makeWorld();
    const seriesId = seriesIdOf(WETH, ORACLE, INDEX, STRIKE, EXPIRY);
    const pToken = getContractAddress({ from: MARKET, nonce: 1n }).toLowerCase() as Address;
    const nToken = getContractAddress({ from: MARKET, nonce: 2n }).toLowerCase() as Address;
    expect(ok(world, create())).toEqual({
      ok: true,
      returns: [seriesId],
      events: [
        {
          address: MARKET,
          name: 'SeriesCreated',
          args: {
            seriesId,
            collateral: WETH,
            oracle: ORACLE,
            indexId: INDEX,
            strike: STRIKE,
            expiry: EXPIRY,
            pToken,
            nToken,
          },
        },
      ],
    });
    expect(world.state.series.get(seriesId)).toEqual({
      collateral: WETH,
      oracle: ORACLE,
      indexId: INDEX,
      strike: STRIKE,
      expiry: EXPIRY,
      pToken,
      nToken,
      locked: 0n,
      settled: false,
      settlementPrice: 0n,
    });
    expect(world.state.tokens.get(pToken)).toMatchObject({ kind: 'claim', decimals: 18, totalSupply: 0n });
    expect(world.state.flows.get(nToken)).toEqual({ paidIn: 0n, paidOut: 0n });
  });
  test('the second series gets nonces 3 and 4; claim decimals follow the collateral (6 for USDT)', () => {
    const world = makeWorld();
    newSeries(world);
    const second = newSeries(world, USDT);
    expect(second.p).toBe(getContractAddress({ from: MARKET, nonce: 3n }).toLowerCase());
    expect(second.n).toBe(getContractAddress({ from: MARKET, nonce: 4n }).toLowerCase());
    expect(world.state.tokens.get(second.n)?.decimals).toBe(6);
  });
  test('a failed createSeries does not use a nonce', () => {
    const world = makeWorld();
    reverts(world, create({ strike: 0n }), 'ZeroStrike');
    expect(newSeries(world).p).toBe(getContractAddress({ from: MARKET, nonce: 1n }).toLowerCase());
  });
  test('a claim token can be the collateral of another series (it has code)', () => {
    const world = makeWorld();
    const { p } = newSeries(world);
    const nested = newSeries(world, p);
    expect(world.state.series.get(nested.id)?.collateral).toBe(p);
  });
  test('CollateralHasNoCode, checked first', () => {
    const world = makeWorld();
    reverts(
      world,
      create({ collateral: STRANGER, oracle: STRANGER, strike: 0n, expiry: 0n }),
      'CollateralHasNoCode',
      STRANGER,
    );
  });
  test('OracleHasNoCode, checked second', () => {
    const world = makeWorld();
    reverts(world, create({ oracle: BOB, strike: 0n, expiry: 0n }), 'OracleHasNoCode', BOB);
  });
  test('ZeroStrike, checked before the expiry', () => {
    const world = makeWorld();
    reverts(world, create({ strike: 0n, expiry: 0n }), 'ZeroStrike');
  });
  test('ExpiryNotInFuture(expiry, now) for expiry == now and expiry < now; now + 1 is fine', () => {
    const world = makeWorld();
    reverts(world, create({ expiry: T0 }), 'ExpiryNotInFuture', T0, T0);
    reverts(world, create({ expiry: 0n }), 'ExpiryNotInFuture', 0n, T0);
    ok(world, create({ expiry: T0 + 1n }));
  });
  test('SeriesExists(seriesId) for the same five parameters; any change is a new series', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    reverts(world, create(), 'SeriesExists', id);
    ok(world, create({ strike: STRIKE + 1n }));
    ok(world, create({ expiry: MAX_UINT256 }));
  });
  test('the market or oracle as collateral is created (decimals 18, symbol COLL) and every split of it reverts with empty data', () => {
    const world = makeWorld();
    const { id, p } = newSeries(world, MARKET);
    expect(world.state.tokens.get(p)).toMatchObject({ decimals: 18 });
    expect(world.state.tokens.get(p)?.symbol).toMatch(/^P-COLL-/);
    approveMarket(world, ALICE, WETH, 1n);
    const before = world.state;
    const outcome = execute(world, { kind: 'split', caller: ALICE, seriesId: id, amount: 1n, to: ALICE });
    expect(outcome).toEqual({ ok: false, error: { name: 'UnknownRevert', args: ['0x'] } });
    expect(world.state).toBe(before);
  });
});
