import { describe, expect, test } from 'vitest';
import type { Action } from '../../reference/action.ts';
import { ModelInputError } from '../../reference/errors.ts';
import { execute } from '../../reference/execute.ts';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../../reference/primitives.ts';
import {
  ALICE,
  ARBITER,
  BOB,
  balance,
  CAROL,
  fundedSeries,
  MARKET,
  makeWorld,
  ORACLE,
  ok,
  reverts,
  transferLog,
  WETH,
} from './fixture.ts';

const mint = (caller: Address, token: Address, to: Address, amount: bigint): Action => ({
  kind: 'mintClaim',
  caller,
  token,
  to,
  amount,
});
const burn = (caller: Address, token: Address, from: Address, amount: bigint): Action => ({
  kind: 'burnClaim',
  caller,
  token,
  from,
  amount,
});
const supply = (world: ReturnType<typeof makeWorld>, token: Address) => world.state.tokens.get(token)?.totalSupply;

describe('mintClaim / burnClaim by anyone but the market', () => {
  test('revert OnlyMarket(caller) before any argument is looked at, and change nothing', () => {
    const world = makeWorld();
    const { p, n } = fundedSeries(world, ALICE, 100n);
    for (const caller of [ALICE, BOB, ARBITER]) {
      reverts(world, mint(caller, p, caller, 1n), 'OnlyMarket', caller);
      reverts(world, burn(caller, n, ALICE, 100n), 'OnlyMarket', caller);
      // What OpenZeppelin would reject (zero address, short balance, supply overflow) is never reached.
      reverts(world, mint(caller, n, ZERO_ADDRESS, 1n), 'OnlyMarket', caller);
      reverts(world, mint(caller, p, caller, MAX_UINT256), 'OnlyMarket', caller);
      reverts(world, burn(caller, p, ZERO_ADDRESS, 1n), 'OnlyMarket', caller);
      reverts(world, burn(caller, p, CAROL, 1n), 'OnlyMarket', caller);
    }
    expect(balance(world, p, ALICE)).toBe(100n);
    expect(supply(world, n)).toBe(100n);
  });
});

describe('mintClaim / burnClaim by the market (OpenZeppelin _mint / _burn)', () => {
  test('mint: Transfer(0 → to), balance and supply grow, returns []; burn: Transfer(from → 0), both shrink', () => {
    const world = makeWorld();
    const { p, n } = fundedSeries(world, ALICE, 100n);
    expect(ok(world, mint(MARKET, p, BOB, 7n))).toEqual({
      ok: true,
      returns: [],
      events: [transferLog(p, ZERO_ADDRESS, BOB, 7n)],
    });
    expect(balance(world, p, BOB)).toBe(7n);
    expect(supply(world, p)).toBe(107n);
    expect(supply(world, n)).toBe(100n);
    // No allowance needed: the market burns anyone's claims.
    expect(ok(world, burn(MARKET, n, ALICE, 40n))).toEqual({
      ok: true,
      returns: [],
      events: [transferLog(n, ALICE, ZERO_ADDRESS, 40n)],
    });
    expect(balance(world, n, ALICE)).toBe(60n);
    expect(supply(world, n)).toBe(60n);
  });

  test('zero amounts succeed and are logged; minting to or burning at the market counts in its flows', () => {
    const world = makeWorld();
    const { p } = fundedSeries(world, ALICE, 5n);
    expect(ok(world, mint(MARKET, p, CAROL, 0n)).events).toEqual([transferLog(p, ZERO_ADDRESS, CAROL, 0n)]);
    expect(ok(world, burn(MARKET, p, CAROL, 0n)).events).toEqual([transferLog(p, CAROL, ZERO_ADDRESS, 0n)]);
    ok(world, mint(MARKET, p, MARKET, 3n));
    ok(world, burn(MARKET, p, MARKET, 2n));
    expect(world.state.flows.get(p)).toEqual({ paidIn: 3n, paidOut: 2n });
    expect(balance(world, p, MARKET)).toBe(1n);
  });

  test('ERC20InvalidReceiver(0), ERC20InvalidSender(0), ERC20InsufficientBalance, and Panic(0x11) past 2^256 - 1', () => {
    const world = makeWorld();
    const { p, n } = fundedSeries(world, ALICE, 100n);
    reverts(world, mint(MARKET, p, ZERO_ADDRESS, 1n), 'ERC20InvalidReceiver', ZERO_ADDRESS);
    reverts(world, burn(MARKET, p, ZERO_ADDRESS, 1n), 'ERC20InvalidSender', ZERO_ADDRESS);
    reverts(world, burn(MARKET, n, ALICE, 101n), 'ERC20InsufficientBalance', ALICE, 100n, 101n);
    reverts(world, burn(MARKET, n, BOB, 1n), 'ERC20InsufficientBalance', BOB, 0n, 1n);
    reverts(world, mint(MARKET, p, BOB, MAX_UINT256 - 99n), 'Panic', 0x11n);
    // Up to the limit is fine: the supply reaches exactly 2^256 - 1.
    ok(world, mint(MARKET, p, BOB, MAX_UINT256 - 100n));
    expect(supply(world, p)).toBe(MAX_UINT256);
    reverts(world, mint(MARKET, p, BOB, 1n), 'Panic', 0x11n);
  });
});

describe('mintClaim / burnClaim inputs the model refuses', () => {
  const refused = (world: ReturnType<typeof makeWorld>, action: Action) => () => execute(world, action);
  test('a token that is not a claim token, or not a token at all', () => {
    const world = makeWorld();
    fundedSeries(world, ALICE, 1n);
    expect(refused(world, mint(ALICE, WETH, ALICE, 1n))).toThrow(ModelInputError);
    expect(refused(world, mint(ALICE, WETH, ALICE, 1n))).toThrow(/mintClaim\.token is not a series' claim token/);
    expect(refused(world, burn(MARKET, WETH, ALICE, 1n))).toThrow(/burnClaim\.token is not a series' claim token/);
    expect(refused(world, burn(ALICE, BOB, ALICE, 1n))).toThrow(/burnClaim\.token is not an ERC-20 of the world/);
  });
  test('a caller with code other than the market: the oracle, a token', () => {
    const world = makeWorld();
    const { p, n } = fundedSeries(world, ALICE, 1n);
    expect(refused(world, mint(ORACLE, p, ALICE, 1n))).toThrow(/mintClaim\.caller has code/);
    expect(refused(world, burn(n, p, ALICE, 1n))).toThrow(/burnClaim\.caller has code/);
    // Other kinds still refuse the market as a caller.
    expect(refused(world, { kind: 'transfer', caller: MARKET, token: p, to: ALICE, amount: 0n })).toThrow(
      /transfer\.caller has code/,
    );
  });
});
