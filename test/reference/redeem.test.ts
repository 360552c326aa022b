import { describe, expect, test } from 'vitest';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD, ZERO_ADDRESS } from '../../reference/primitives.ts';
import {
  ALICE,
  approveMarket,
  BOB,
  BOND,
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
  WETH,
} from './fixture.ts';

const MAX = MAX_UINT256;
const THIRD = 0x5555555555555555555555555555555555555555555555555555555555555555n; // MAX / 3, exact

const redeem = (seriesId: Bytes32, pAmount: bigint, nAmount: bigint, to: Address = CAROL, caller: Address = ALICE) =>
  ({ kind: 'redeem', caller, seriesId, pAmount, nAmount, to }) as const;

describe('redeem', () => {
  test('logs P burn, N burn, collateral Transfer(market → to), Redeemed; returns [payout]', () => {
    const world = makeWorld();
    const { id, p, n } = fundedSeries(world, ALICE, 100n);
    settleAt(world, id, 2_500n * WAD); // strike 2000: P pays 0.8, N 0.2
    expect(ok(world, redeem(id, 50n, 30n))).toEqual({
      ok: true,
      returns: [46n],
      events: [
        transferLog(p, ALICE, ZERO_ADDRESS, 50n),
        transferLog(n, ALICE, ZERO_ADDRESS, 30n),
        transferLog(WETH, MARKET, CAROL, 46n),
        {
          address: MARKET,
          name: 'Redeemed',
          args: { seriesId: id, account: ALICE, to: CAROL, pAmount: 50n, nAmount: 30n, payout: 46n },
        },
      ],
    });
    expect(world.state.series.get(id)?.locked).toBe(54n);
    expect(world.state.flows.get(WETH)).toEqual({ paidIn: 100n, paidOut: 46n });
  });
  test('either amount may be 0: its burn is still logged with value 0', () => {
    const world = makeWorld();
    const { id, p, n } = fundedSeries(world, ALICE, 10n);
    settleAt(world, id, 0n);
    const out = ok(world, redeem(id, 0n, 10n));
    expect(out.returns).toEqual([0n]);
    // payout 0: no collateral transfer at all.
    expect(out.events).toEqual([
      transferLog(p, ALICE, ZERO_ADDRESS, 0n),
      transferLog(n, ALICE, ZERO_ADDRESS, 10n),
      {
        address: MARKET,
        name: 'Redeemed',
        args: { seriesId: id, account: ALICE, to: CAROL, pAmount: 0n, nAmount: 10n, payout: 0n },
      },
    ]);
  });
  test('UnknownSeries(seriesId), then NotSettled(seriesId), before the amount checks', () => {
    const world = makeWorld();
    const unknown: Bytes32 = `0x${'ef'.repeat(32)}`;
    reverts(world, redeem(unknown, 0n, 0n, ZERO_ADDRESS), 'UnknownSeries', unknown);
    const { id } = newSeries(world);
    reverts(world, redeem(id, 0n, 0n, ZERO_ADDRESS), 'NotSettled', id);
  });
  test('ZeroAmount when both are 0; huge amounts do not overflow the check; then InvalidRecipient(0)', () => {
    const world = makeWorld();
    const { id } = newSeries(world);
    settleAt(world, id, 1n);
    reverts(world, redeem(id, 0n, 0n, ZERO_ADDRESS), 'ZeroAmount');
    reverts(world, redeem(id, MAX, MAX, ZERO_ADDRESS), 'InvalidRecipient', ZERO_ADDRESS);
    reverts(world, redeem(id, MAX, MAX), 'ERC20InsufficientBalance', ALICE, 0n, MAX);
  });
  test('ERC20InsufficientBalance from P, then from N', () => {
    const world = makeWorld();
    const { id } = fundedSeries(world, ALICE, 10n);
    settleAt(world, id, 1n);
    reverts(world, redeem(id, 11n, 0n), 'ERC20InsufficientBalance', ALICE, 10n, 11n);
    reverts(world, redeem(id, 10n, 11n), 'ERC20InsufficientBalance', ALICE, 10n, 11n);
  });
  test('ReentrancyGuardReentrantCall() when an armed callback collateral is paid out, but not when the payout is 0', () => {
    const world = makeWorld();
    const { id } = fundedSeries(world, ALICE, 10n, CALLBACK);
    settleAt(world, id, 1n); // below the strike: N pays 0
    ok(world, { kind: 'armCallback', caller: BOB, token: CALLBACK, armed: true });
    reverts(world, redeem(id, 1n, 0n), 'ReentrancyGuardReentrantCall');
    expect(ok(world, redeem(id, 0n, 10n)).returns).toEqual([0n]);
  });
});

describe('redeem: settlement arithmetic at the boundaries, end to end (strike S = 2)', () => {
  /** A fresh world where Alice holds all 2^256 − 1 of the collateral, split into one series, settled at `price`. */
  function settledWithEverything(price: bigint) {
    const world = makeWorld({ balances: { [WETH]: { [ALICE]: MAX }, [BOND]: { [CAROL]: START } } });
    const series = newSeries(world, WETH, 2n);
    approveMarket(world, ALICE, WETH, MAX);
    ok(world, { kind: 'split', caller: ALICE, seriesId: series.id, amount: MAX, to: ALICE });
    settleAt(world, series.id, price);
    return { world, ...series };
  }
  // [price, P of 1 wei, N of 1 wei, P of MAX, N of MAX], worked out by hand.
  const cases: [string, bigint, bigint, bigint, bigint, bigint][] = [
    ['x = 0', 0n, 1n, 0n, MAX, 0n],
    ['x = S − 1', 1n, 1n, 0n, MAX, 0n],
    ['x = S', 2n, 1n, 0n, MAX, 0n],
    ['x = S + 1', 3n, 0n, 0n, 2n * THIRD, THIRD],
    ['x = 2^256 − 1', MAX, 0n, 0n, 2n, MAX - 2n],
  ];
  test.each(cases)('%s', (_name, price, p1, n1, pMax, nMax) => {
    for (const [pAmount, nAmount, expected] of [
      [1n, 0n, p1],
      [0n, 1n, n1],
      [MAX, 0n, pMax],
      [0n, MAX, nMax],
    ] as const) {
      const { world, id } = settledWithEverything(price);
      expect(ok(world, redeem(id, pAmount, nAmount)).returns, `p=${pAmount} n=${nAmount}`).toEqual([expected]);
      expect(world.state.series.get(id)?.locked).toBe(MAX - expected);
    }
  });
  test('all P and all N together pay back everything at x = S + 1 and x = 2^256 − 1', () => {
    for (const price of [3n, MAX]) {
      const { world, id } = settledWithEverything(price);
      expect(ok(world, redeem(id, MAX, MAX)).returns).toEqual([MAX]);
      expect(world.state.series.get(id)?.locked).toBe(0n);
      expect(world.state.tokens.get(WETH)?.balances.get(CAROL)).toBe(MAX);
    }
  });
});
