import { describe, expect, test } from 'vitest';
import type { Bytes32 } from '../../reference/primitives.ts';
import { ZERO_ADDRESS } from '../../reference/primitives.ts';
import {
  ALICE,
  approveMarket,
  BOB,
  CALLBACK,
  EXPIRY,
  FEE,
  MARKET,
  makeWorld,
  newSeries,
  ok,
  reverts,
  START,
  STRIKE,
  settleAt,
  transferLog,
  USDT,
  WETH,
  warpTo,
} from './fixture.ts';

const split = (seriesId: Bytes32, amount: bigint, to = BOB, caller = ALICE) =>
  ({ kind: 'split', caller, seriesId, amount, to }) as const;

describe('split', () => {
  test('logs collateral Transfer(caller → market), P and N Transfer(0 → to), Split; returns []', () => {
    const world = makeWorld();
    const { id, p, n } = newSeries(world);
    approveMarket(world, ALICE, WETH, 100n);
    expect(ok(world, split(id, 60n))).toEqual({
      ok: true,
      returns: [],
      events: [
        transferLog(WETH, ALICE, MARKET, 60n),
        transferLog(p, ZERO_ADDRESS, BOB, 60n),
        transferLog(n, ZERO_ADDRESS, BOB, 60n),
        { address: MARKET, name: 'Split', args: { seriesId: id, account: ALICE, to: BOB, amount: 60n } },
      ],
    });
    expect(world.state.series.get(id)?.locked).toBe(60n);
    expect(world.state.tokens.get(p)?.totalSupply).toBe(60n);
    expect(world.state.tokens.get(WETH)?.allowances.get(ALICE)?.get(MARKET)).toBe(40n);
    expect(world.state.flows.get(WETH)).toEqual({ paidIn: 60n, paidOut: 0n });
  });
  test('a no-return token is accepted', () => {
    const world = makeWorld();
    const { id } = newSeries(world, USDT);
    approveMarket(world, ALICE, USDT, 5n);
    expect(ok(world, split(id, 5n)).events).toHaveLength(4);
  });
  test('allowed after expiry until settlement', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    approveMarket(world, ALICE, WETH, 2n);
    warpTo(world, EXPIRY + 1n);
    ok(world, split(id, 1n));
  });
  test('UnknownSeries(seriesId) first', () => {
    const world = makeWorld();
    const unknown: Bytes32 = `0x${'ab'.repeat(32)}`;
    reverts(world, split(unknown, 0n, ZERO_ADDRESS), 'UnknownSeries', unknown);
  });
  test('AlreadySettled(seriesId), before the amount check', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    settleAt(world, id, STRIKE);
    reverts(world, split(id, 0n, ZERO_ADDRESS), 'AlreadySettled', id);
  });
  test('ZeroAmount, before the recipient check', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    reverts(world, split(id, 0n, ZERO_ADDRESS), 'ZeroAmount');
  });
  test('InvalidRecipient(0)', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    reverts(world, split(id, 1n, ZERO_ADDRESS), 'InvalidRecipient', ZERO_ADDRESS);
  });
  test('the collateral token’s errors bubble up unchanged: allowance (spender = market), then balance', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    reverts(world, split(id, 1n), 'ERC20InsufficientAllowance', MARKET, 0n, 1n);
    approveMarket(world, ALICE, WETH, START + 1n);
    reverts(world, split(id, START + 1n), 'ERC20InsufficientBalance', ALICE, START, START + 1n);
  });
  test('CollateralShortfall(collateral, expected, received) for a fee-on-transfer collateral', () => {
    const world = makeWorld();
    const { id } = newSeries(world, FEE);
    approveMarket(world, ALICE, FEE, 1_000n);
    reverts(world, split(id, 1_000n), 'CollateralShortfall', FEE, 1_000n, 990n);
    reverts(world, split(id, 1n), 'CollateralShortfall', FEE, 1n, 0n);
  });
  test('ReentrancyGuardReentrantCall() when the armed callback token is pulled, before its own checks', () => {
    const world = makeWorld();
    const { id } = newSeries(world, CALLBACK);
    ok(world, { kind: 'armCallback', caller: BOB, token: CALLBACK, armed: true });
    reverts(world, split(id, 1n), 'ReentrancyGuardReentrantCall');
    ok(world, { kind: 'armCallback', caller: BOB, token: CALLBACK, armed: false });
    approveMarket(world, ALICE, CALLBACK, 1n);
    ok(world, split(id, 1n));
  });
});
