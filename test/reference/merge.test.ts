import { describe, expect, test } from 'vitest';
import type { Bytes32 } from '../../reference/primitives.ts';
import { WAD, ZERO_ADDRESS } from '../../reference/primitives.ts';
import {
  ALICE,
  BOB,
  CALLBACK,
  CAROL,
  fundedSeries,
  MARKET,
  makeWorld,
  newSeries,
  ok,
  reverts,
  START,
  settleAt,
  transferLog,
  USDT,
  WETH,
} from './fixture.ts';

const merge = (seriesId: Bytes32, amount: bigint, to = CAROL, caller = ALICE) =>
  ({ kind: 'merge', caller, seriesId, amount, to }) as const;

describe('merge', () => {
  test('logs P and N Transfer(caller → 0), collateral Transfer(market → to), Merged; returns []', () => {
    const world = makeWorld();
    const { id, p, n } = fundedSeries(world, ALICE, 100n);
    expect(ok(world, merge(id, 30n))).toEqual({
      ok: true,
      returns: [],
      events: [
        transferLog(p, ALICE, ZERO_ADDRESS, 30n),
        transferLog(n, ALICE, ZERO_ADDRESS, 30n),
        transferLog(WETH, MARKET, CAROL, 30n),
        { address: MARKET, name: 'Merged', args: { seriesId: id, account: ALICE, to: CAROL, amount: 30n } },
      ],
    });
    expect(world.state.series.get(id)?.locked).toBe(70n);
    expect(world.state.tokens.get(WETH)?.balances.get(CAROL)).toBe(START + 30n);
    expect(world.state.flows.get(WETH)).toEqual({ paidIn: 100n, paidOut: 30n });
  });
  test('still possible after settlement, at any price', () => {
    const world = makeWorld();
    const { id } = fundedSeries(world, ALICE, 100n);
    settleAt(world, id, 5_000n * WAD);
    ok(world, merge(id, 100n));
    expect(world.state.series.get(id)?.locked).toBe(0n);
  });
  test('a no-return collateral is accepted', () => {
    const world = makeWorld();
    const { id } = fundedSeries(world, ALICE, 10n, USDT);
    ok(world, merge(id, 10n));
  });
  test('UnknownSeries(seriesId) first', () => {
    const world = makeWorld();
    const unknown: Bytes32 = `0x${'cd'.repeat(32)}`;
    reverts(world, merge(unknown, 0n, ZERO_ADDRESS), 'UnknownSeries', unknown);
  });
  test('ZeroAmount, then InvalidRecipient(0)', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    reverts(world, merge(id, 0n, ZERO_ADDRESS), 'ZeroAmount');
    reverts(world, merge(id, 1n, ZERO_ADDRESS), 'InvalidRecipient', ZERO_ADDRESS);
  });
  test('ERC20InsufficientBalance from the P token, then (holding P but not N) from the N token', () => {
    const world = makeWorld();
    const { id, n } = fundedSeries(world, ALICE, 10n);
    reverts(world, merge(id, 11n), 'ERC20InsufficientBalance', ALICE, 10n, 11n);
    ok(world, { kind: 'transfer', caller: ALICE, token: n, to: BOB, amount: 4n });
    reverts(world, merge(id, 7n), 'ERC20InsufficientBalance', ALICE, 6n, 7n);
    reverts(world, merge(id, 1n, CAROL, BOB), 'ERC20InsufficientBalance', BOB, 0n, 1n);
  });
  test('ReentrancyGuardReentrantCall() when the armed callback collateral is sent out; the burns revert too', () => {
    const world = makeWorld();
    const { id, p } = fundedSeries(world, ALICE, 10n, CALLBACK);
    ok(world, { kind: 'armCallback', caller: BOB, token: CALLBACK, armed: true });
    reverts(world, merge(id, 10n), 'ReentrancyGuardReentrantCall');
    expect(world.state.tokens.get(p)?.balances.get(ALICE)).toBe(10n);
  });
});
