import { describe, expect, test } from 'vitest';
import { ZERO_ADDRESS } from '../../reference/primitives.ts';
import { createWorld } from '../../reference/world.ts';
import {
  ALICE,
  BOB,
  BOND,
  EXPIRY,
  FEE,
  INDEX,
  LIVENESS,
  MIN_BOND,
  makeSetup,
  makeWorld,
  ORACLE,
  ok,
  propose,
  reverts,
  START,
  transferLog,
  warp,
  warpTo,
} from './fixture.ts';

describe('withdraw', () => {
  test('pays the whole credit: Transfer(oracle → caller), then Withdrawn(account, amount); returns [amount]', () => {
    const world = makeWorld();
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    propose(world, BOB, 8n, 2n * MIN_BOND);
    warp(world, LIVENESS);
    ok(world, { kind: 'finalize', caller: ALICE, indexId: INDEX, timestamp: EXPIRY });
    expect(ok(world, { kind: 'withdraw', caller: BOB })).toEqual({
      ok: true,
      returns: [30n],
      events: [
        transferLog(BOND, ORACLE, BOB, 30n),
        { address: ORACLE, name: 'Withdrawn', args: { account: BOB, amount: 30n } },
      ],
    });
    expect(world.state.credits.get(BOB)).toBe(0n);
    expect(world.state.tokens.get(BOND)?.balances.get(BOB)).toBe(START + 10n);
    expect(world.state.tokens.get(BOND)?.balances.get(ORACLE)).toBe(0n);
  });
  test('NothingToWithdraw(account), also right after a withdrawal', () => {
    const world = makeWorld();
    reverts(world, { kind: 'withdraw', caller: ALICE }, 'NothingToWithdraw', ALICE);
    warpTo(world, EXPIRY);
    propose(world, ALICE, 7n, MIN_BOND);
    warp(world, LIVENESS);
    ok(world, { kind: 'finalize', caller: ALICE, indexId: INDEX, timestamp: EXPIRY });
    ok(world, { kind: 'withdraw', caller: ALICE });
    reverts(world, { kind: 'withdraw', caller: ALICE }, 'NothingToWithdraw', ALICE);
  });
  test('a fee-on-transfer bond token: the oracle records the full bond but holds less, so a withdrawal can fail', () => {
    const setup = makeSetup();
    setup.oracle = { ...setup.oracle, bondToken: FEE };
    const world = createWorld(setup);
    warpTo(world, EXPIRY);
    ok(world, { kind: 'approve', caller: ALICE, token: FEE, spender: ORACLE, amount: 100n });
    const out = ok(world, { kind: 'propose', caller: ALICE, indexId: INDEX, timestamp: EXPIRY, value: 7n, bond: 100n });
    expect(out.events.slice(0, 2)).toEqual([
      transferLog(FEE, ALICE, ORACLE, 99n),
      transferLog(FEE, ALICE, ZERO_ADDRESS, 1n),
    ]);
    warp(world, LIVENESS);
    ok(world, { kind: 'finalize', caller: ALICE, indexId: INDEX, timestamp: EXPIRY });
    reverts(world, { kind: 'withdraw', caller: ALICE }, 'ERC20InsufficientBalance', ORACLE, 99n, 100n);
  });
});
