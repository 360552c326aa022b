import { describe, expect, test } from 'vitest';
import type { Action } from '../../reference/action.ts';
import { ModelInputError } from '../../reference/errors.ts';
import { execute } from '../../reference/execute.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { createWorld } from '../../reference/world.ts';
import { ALICE, BOND, CALLBACK, MARKET, makeSetup, makeWorld, newSeries, ORACLE, ok, T0, WETH } from './fixture.ts';

const bad = (action: unknown) => () => execute(makeWorld(), action as Action);

describe('execute: malformed actions throw ModelInputError', () => {
  test('unknown kind', () => {
    expect(bad({ kind: 'mint', caller: ALICE })).toThrow(ModelInputError);
    expect(bad({ caller: ALICE })).toThrow(/is not an action kind/);
  });
  test('addresses must be lowercase 20-byte hex', () => {
    expect(bad({ kind: 'withdraw', caller: ALICE.toUpperCase().replace('0X', '0x') })).toThrow(
      /caller must be a lowercase address/,
    );
    expect(bad({ kind: 'transfer', caller: ALICE, token: WETH, to: '0x1234', amount: 1n })).toThrow(/transfer\.to/);
  });
  test('bytes32 fields must be 32 bytes', () => {
    expect(bad({ kind: 'settle', caller: ALICE, seriesId: '0x00' })).toThrow(/settle\.seriesId/);
  });
  test('amounts must be uint256 bigints', () => {
    expect(bad({ kind: 'transfer', caller: ALICE, token: WETH, to: ALICE, amount: -1n })).toThrow(
      /amount must be a uint256/,
    );
    expect(bad({ kind: 'transfer', caller: ALICE, token: WETH, to: ALICE, amount: MAX_UINT256 + 1n })).toThrow(
      ModelInputError,
    );
    expect(bad({ kind: 'transfer', caller: ALICE, token: WETH, to: ALICE, amount: 1 })).toThrow(ModelInputError);
  });
  test('booleans must be booleans', () => {
    expect(bad({ kind: 'armCallback', caller: ALICE, token: CALLBACK, armed: 1 })).toThrow(/armed must be a boolean/);
  });
  test('transactions come from accounts without code: not the market, the oracle or a token', () => {
    for (const caller of [MARKET, ORACLE, WETH]) expect(bad({ kind: 'withdraw', caller })).toThrow(/has code/);
    const world = makeWorld();
    const { p } = newSeries(world);
    expect(() => execute(world, { kind: 'withdraw', caller: p })).toThrow(/has code/);
  });
  test('the zero address is an account without code and may call', () => {
    const world = makeWorld();
    expect(execute(world, { kind: 'withdraw', caller: ZERO_ADDRESS })).toEqual({
      ok: false,
      error: { name: 'NothingToWithdraw', args: [ZERO_ADDRESS] },
    });
  });
  test('token actions need an ERC-20 of the world; armCallback needs a callback token', () => {
    expect(bad({ kind: 'approve', caller: ALICE, token: ORACLE, spender: ALICE, amount: 1n })).toThrow(/not an ERC-20/);
    expect(bad({ kind: 'armCallback', caller: ALICE, token: WETH, armed: true })).toThrow(/not a callback token/);
  });
  test('warp adds seconds, returns [] with no logs, and may not overflow uint256', () => {
    const world = makeWorld();
    expect(ok(world, { kind: 'warp', seconds: 0n })).toEqual({ ok: true, returns: [], events: [] });
    ok(world, { kind: 'warp', seconds: 25n });
    expect(world.state.timestamp).toBe(T0 + 25n);
    expect(() => execute(world, { kind: 'warp', seconds: MAX_UINT256 })).toThrow(/past uint256/);
  });
});

describe('createWorld: setups the contracts could not be deployed with throw ModelInputError', () => {
  const broken = (edit: (s: WorldSetup) => void) => () => {
    const setup = makeSetup();
    edit(setup);
    return createWorld(setup);
  };
  test('SlowOracle InvalidConfig: minBond 0 or a zero arbitrator', () => {
    expect(broken((s) => (s.oracle = { ...s.oracle, minBond: 0n }))).toThrow(/InvalidConfig/);
    expect(broken((s) => (s.oracle = { ...s.oracle, arbitrator: ZERO_ADDRESS }))).toThrow(/InvalidConfig/);
  });
  test('the bond token must be a setup token', () => {
    expect(broken((s) => (s.oracle = { ...s.oracle, bondToken: ALICE }))).toThrow(/bondToken/);
  });
  test('tokens: distinct, not the market or oracle, a known kind, uint8 decimals', () => {
    expect(
      broken((s) =>
        s.tokens.push({ address: WETH, kind: 'plain', decimals: 18, name: 'Wrapped Ether', symbol: 'WETH' }),
      ),
    ).toThrow(/appears twice/);
    expect(
      broken((s) => s.tokens.push({ address: MARKET, kind: 'plain', decimals: 18, name: 'Token', symbol: 'TK' })),
    ).toThrow(/market or oracle/);
    expect(
      broken((s) =>
        s.tokens.push({ address: ALICE, kind: 'shapeshifting' as never, decimals: 18, name: 'Token', symbol: 'TK' }),
      ),
    ).toThrow(/kind/);
    expect(
      broken((s) => s.tokens.push({ address: ALICE, kind: 'plain', decimals: 256, name: 'Token', symbol: 'TK' })),
    ).toThrow(/decimals/);
  });
  test('balances: known tokens, non-zero holders, total supply within uint256', () => {
    expect(broken((s) => (s.balances[ALICE] = { [ALICE]: 1n }))).toThrow(/not one of setup.tokens/);
    expect(broken((s) => (s.balances[WETH] = { [ZERO_ADDRESS]: 1n }))).toThrow(/non-zero/);
    expect(broken((s) => (s.balances[BOND] = { [ALICE]: MAX_UINT256, [MARKET]: 1n }))).toThrow(/overflows/);
  });
  test('the market and oracle are distinct non-zero addresses', () => {
    expect(broken((s) => (s.market = ZERO_ADDRESS))).toThrow(/market/);
    expect(broken((s) => (s.oracle = { ...s.oracle, address: MARKET }))).toThrow(/differ/);
  });
});
