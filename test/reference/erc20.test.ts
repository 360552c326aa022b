import { describe, expect, test } from 'vitest';
import { MAX_UINT256, ZERO_ADDRESS } from '../../reference/primitives.ts';
import {
  ALICE,
  BOB,
  CALLBACK,
  CAROL,
  FEE,
  MARKET,
  makeWorld,
  ok,
  reverts,
  START,
  STRANGER,
  transferLog,
  USDT,
  WETH,
} from './fixture.ts';

describe('transfer', () => {
  test('plain: moves the amount, logs Transfer, returns [true]', () => {
    const world = makeWorld();
    const out = ok(world, { kind: 'transfer', caller: ALICE, token: WETH, to: STRANGER, amount: 5n });
    expect(out).toEqual({ ok: true, returns: [true], events: [transferLog(WETH, ALICE, STRANGER, 5n)] });
    expect(world.state.tokens.get(WETH)?.balances.get(STRANGER)).toBe(5n);
    expect(world.state.tokens.get(WETH)?.balances.get(ALICE)).toBe(START - 5n);
  });
  test('noReturn: same effects, returns []', () => {
    const world = makeWorld();
    const out = ok(world, { kind: 'transfer', caller: ALICE, token: USDT, to: BOB, amount: 5n });
    expect(out.returns).toEqual([]);
    expect(out.events).toEqual([transferLog(USDT, ALICE, BOB, 5n)]);
  });
  test('to self leaves the balance unchanged; zero amounts are allowed and logged', () => {
    const world = makeWorld();
    ok(world, { kind: 'transfer', caller: ALICE, token: WETH, to: ALICE, amount: START });
    expect(world.state.tokens.get(WETH)?.balances.get(ALICE)).toBe(START);
    const out = ok(world, { kind: 'transfer', caller: ALICE, token: WETH, to: BOB, amount: 0n });
    expect(out.events).toEqual([transferLog(WETH, ALICE, BOB, 0n)]);
  });
  test('ERC20InvalidReceiver(0) for the zero address', () => {
    const world = makeWorld();
    reverts(
      world,
      { kind: 'transfer', caller: ALICE, token: WETH, to: ZERO_ADDRESS, amount: 1n },
      'ERC20InvalidReceiver',
      ZERO_ADDRESS,
    );
  });
  test('ERC20InvalidSender(0) from the zero address, checked before the receiver', () => {
    const world = makeWorld();
    const action = { kind: 'transfer', caller: ZERO_ADDRESS, token: WETH, to: ZERO_ADDRESS, amount: 0n } as const;
    reverts(world, action, 'ERC20InvalidSender', ZERO_ADDRESS);
  });
  test('ERC20InsufficientBalance(sender, balance, needed)', () => {
    const world = makeWorld();
    reverts(
      world,
      { kind: 'transfer', caller: ALICE, token: WETH, to: BOB, amount: START + 1n },
      'ERC20InsufficientBalance',
      ALICE,
      START,
      START + 1n,
    );
    reverts(
      world,
      { kind: 'transfer', caller: STRANGER, token: WETH, to: BOB, amount: 1n },
      'ERC20InsufficientBalance',
      STRANGER,
      0n,
      1n,
    );
  });
  test('to the market is a donation: flows.paidIn grows', () => {
    const world = makeWorld();
    ok(world, { kind: 'transfer', caller: ALICE, token: WETH, to: MARKET, amount: 7n });
    expect(world.state.flows.get(WETH)).toEqual({ paidIn: 7n, paidOut: 0n });
  });
});

describe('feeOnTransfer', () => {
  test('burns ceil(value / 100): 250 → 247 moved, 3 burned, two logs in that order', () => {
    const world = makeWorld();
    const out = ok(world, { kind: 'transfer', caller: ALICE, token: FEE, to: BOB, amount: 250n });
    expect(out.events).toEqual([transferLog(FEE, ALICE, BOB, 247n), transferLog(FEE, ALICE, ZERO_ADDRESS, 3n)]);
    expect(out.returns).toEqual([true]);
    const fee = world.state.tokens.get(FEE);
    expect(fee?.balances.get(BOB)).toBe(START + 247n);
    expect(fee?.balances.get(ALICE)).toBe(START - 250n);
    expect(fee?.totalSupply).toBe(4n * START - 3n);
  });
  test('1 wei: everything is fee (Transfer of 0, then a burn of 1); 0: one Transfer of 0 and no burn', () => {
    const world = makeWorld();
    expect(ok(world, { kind: 'transfer', caller: ALICE, token: FEE, to: BOB, amount: 1n }).events).toEqual([
      transferLog(FEE, ALICE, BOB, 0n),
      transferLog(FEE, ALICE, ZERO_ADDRESS, 1n),
    ]);
    expect(ok(world, { kind: 'transfer', caller: ALICE, token: FEE, to: BOB, amount: 0n }).events).toEqual([
      transferLog(FEE, ALICE, BOB, 0n),
    ]);
  });
  test('100 → fee 1, 101 → fee 2', () => {
    const world = makeWorld();
    expect(ok(world, { kind: 'transfer', caller: ALICE, token: FEE, to: BOB, amount: 100n }).events[1]).toEqual(
      transferLog(FEE, ALICE, ZERO_ADDRESS, 1n),
    );
    expect(ok(world, { kind: 'transfer', caller: ALICE, token: FEE, to: BOB, amount: 101n }).events[1]).toEqual(
      transferLog(FEE, ALICE, ZERO_ADDRESS, 2n),
    );
  });
  test('checks the full value against the balance before anything moves', () => {
    const world = makeWorld();
    reverts(
      world,
      { kind: 'transfer', caller: ALICE, token: FEE, to: BOB, amount: START + 1n },
      'ERC20InsufficientBalance',
      ALICE,
      START,
      START + 1n,
    );
  });
  test('to self: only the fee leaves', () => {
    const world = makeWorld();
    ok(world, { kind: 'transfer', caller: ALICE, token: FEE, to: ALICE, amount: 1000n });
    expect(world.state.tokens.get(FEE)?.balances.get(ALICE)).toBe(START - 10n);
  });
  test('transferFrom spends the full value of the allowance', () => {
    const world = makeWorld();
    ok(world, { kind: 'approve', caller: ALICE, token: FEE, spender: BOB, amount: 1000n });
    ok(world, { kind: 'transferFrom', caller: BOB, token: FEE, from: ALICE, to: CAROL, amount: 400n });
    expect(world.state.tokens.get(FEE)?.allowances.get(ALICE)?.get(BOB)).toBe(600n);
    expect(world.state.tokens.get(FEE)?.balances.get(CAROL)).toBe(START + 396n);
  });
});

describe('approve', () => {
  test('sets the allowance, logs Approval(owner, spender, value), returns [true] / [] for noReturn', () => {
    const world = makeWorld();
    expect(ok(world, { kind: 'approve', caller: ALICE, token: WETH, spender: BOB, amount: 9n })).toEqual({
      ok: true,
      returns: [true],
      events: [{ address: WETH, name: 'Approval', args: { owner: ALICE, spender: BOB, value: 9n } }],
    });
    expect(ok(world, { kind: 'approve', caller: ALICE, token: USDT, spender: BOB, amount: 9n }).returns).toEqual([]);
    ok(world, { kind: 'approve', caller: ALICE, token: WETH, spender: BOB, amount: 0n });
    expect(world.state.tokens.get(WETH)?.allowances.get(ALICE)?.get(BOB)).toBe(0n);
  });
  test('ERC20InvalidApprover(0), then ERC20InvalidSpender(0)', () => {
    const world = makeWorld();
    reverts(
      world,
      { kind: 'approve', caller: ZERO_ADDRESS, token: WETH, spender: ZERO_ADDRESS, amount: 1n },
      'ERC20InvalidApprover',
      ZERO_ADDRESS,
    );
    reverts(
      world,
      { kind: 'approve', caller: ALICE, token: WETH, spender: ZERO_ADDRESS, amount: 1n },
      'ERC20InvalidSpender',
      ZERO_ADDRESS,
    );
  });
});

describe('transferFrom', () => {
  test('spends the allowance without an Approval log; returns [true]', () => {
    const world = makeWorld();
    ok(world, { kind: 'approve', caller: ALICE, token: WETH, spender: BOB, amount: 10n });
    const out = ok(world, { kind: 'transferFrom', caller: BOB, token: WETH, from: ALICE, to: CAROL, amount: 4n });
    expect(out).toEqual({ ok: true, returns: [true], events: [transferLog(WETH, ALICE, CAROL, 4n)] });
    expect(world.state.tokens.get(WETH)?.allowances.get(ALICE)?.get(BOB)).toBe(6n);
  });
  test('an allowance of max uint256 never decreases', () => {
    const world = makeWorld();
    ok(world, { kind: 'approve', caller: ALICE, token: WETH, spender: BOB, amount: MAX_UINT256 });
    ok(world, { kind: 'transferFrom', caller: BOB, token: WETH, from: ALICE, to: CAROL, amount: START });
    expect(world.state.tokens.get(WETH)?.allowances.get(ALICE)?.get(BOB)).toBe(MAX_UINT256);
  });
  test('ERC20InsufficientAllowance(spender, allowance, needed) comes before the balance and receiver checks', () => {
    const world = makeWorld();
    ok(world, { kind: 'approve', caller: ALICE, token: WETH, spender: BOB, amount: 3n });
    reverts(
      world,
      { kind: 'transferFrom', caller: BOB, token: WETH, from: ALICE, to: ZERO_ADDRESS, amount: 4n },
      'ERC20InsufficientAllowance',
      BOB,
      3n,
      4n,
    );
  });
  test('with enough allowance: ERC20InvalidReceiver(0), then ERC20InsufficientBalance; the allowance is untouched', () => {
    const world = makeWorld();
    ok(world, { kind: 'approve', caller: ALICE, token: WETH, spender: BOB, amount: MAX_UINT256 - 1n });
    reverts(
      world,
      { kind: 'transferFrom', caller: BOB, token: WETH, from: ALICE, to: ZERO_ADDRESS, amount: 1n },
      'ERC20InvalidReceiver',
      ZERO_ADDRESS,
    );
    reverts(
      world,
      { kind: 'transferFrom', caller: BOB, token: WETH, from: ALICE, to: CAROL, amount: START + 1n },
      'ERC20InsufficientBalance',
      ALICE,
      START,
      START + 1n,
    );
    expect(world.state.tokens.get(WETH)?.allowances.get(ALICE)?.get(BOB)).toBe(MAX_UINT256 - 1n);
  });
  test('from the zero address: InsufficientAllowance for a non-zero value, InvalidApprover(0) for zero', () => {
    const world = makeWorld();
    reverts(
      world,
      { kind: 'transferFrom', caller: BOB, token: WETH, from: ZERO_ADDRESS, to: CAROL, amount: 1n },
      'ERC20InsufficientAllowance',
      BOB,
      0n,
      1n,
    );
    reverts(
      world,
      { kind: 'transferFrom', caller: BOB, token: WETH, from: ZERO_ADDRESS, to: CAROL, amount: 0n },
      'ERC20InvalidApprover',
      ZERO_ADDRESS,
    );
  });
  test('noReturn returns []', () => {
    const world = makeWorld();
    ok(world, { kind: 'approve', caller: ALICE, token: USDT, spender: BOB, amount: 1n });
    expect(
      ok(world, { kind: 'transferFrom', caller: BOB, token: USDT, from: ALICE, to: BOB, amount: 1n }).returns,
    ).toEqual([]);
  });
});

describe('callback token', () => {
  test('armCallback returns [] with no log, and transfers by accounts are unaffected while armed', () => {
    const world = makeWorld();
    expect(ok(world, { kind: 'armCallback', caller: BOB, token: CALLBACK, armed: true })).toEqual({
      ok: true,
      returns: [],
      events: [],
    });
    expect(world.state.tokens.get(CALLBACK)?.armed).toBe(true);
    ok(world, { kind: 'transfer', caller: ALICE, token: CALLBACK, to: MARKET, amount: 1n });
    ok(world, { kind: 'approve', caller: ALICE, token: CALLBACK, spender: BOB, amount: 1n });
    ok(world, { kind: 'transferFrom', caller: BOB, token: CALLBACK, from: ALICE, to: BOB, amount: 1n });
    ok(world, { kind: 'armCallback', caller: ALICE, token: CALLBACK, armed: false });
    expect(world.state.tokens.get(CALLBACK)?.armed).toBe(false);
  });
});
