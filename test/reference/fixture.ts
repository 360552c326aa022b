import { expect } from 'vitest';
import type { Action } from '../../reference/action.ts';
import { execute } from '../../reference/execute.ts';
import type { AbiValue, EventLog, Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import type { World } from '../../reference/world.ts';
import { createWorld } from '../../reference/world.ts';

/** Fixed addresses for the model tests (lowercase, arbitrary but distinct). */
const at = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
export const MARKET = at(0x1000);
export const ORACLE = at(0x2000);
export const WETH = at(0x3001);
export const USDT = at(0x3002); // noReturn, 6 decimals
export const FEE = at(0x3003);
export const CALLBACK = at(0x3004);
export const BOND = at(0x3005);
export const ALICE = at(0xa11ce);
export const BOB = at(0xb0b);
export const CAROL = at(0xca401);
export const ARBITER = at(0xa4b);
/** An account that is never an actor: not observed. */
export const STRANGER = at(0x5757);

export const T0 = 1_000_000n;
export const LIVENESS = 3_600n;
export const TIMEOUT = 86_400n;
export const MIN_BOND = 10n;
export const INDEX: Bytes32 = `0x${'11'.repeat(32)}`;
export const STRIKE = 2_000n * WAD;
export const EXPIRY = T0 + 7n * 86_400n;
export const START = 1_000n * WAD;

export function makeSetup(overrides: Partial<WorldSetup> = {}): WorldSetup {
  const balances: WorldSetup['balances'] = {};
  for (const token of [WETH, USDT, FEE, CALLBACK, BOND]) {
    balances[token] = { [ALICE]: START, [BOB]: START, [CAROL]: START, [ARBITER]: START };
  }
  return {
    timestamp: T0,
    market: MARKET,
    oracle: {
      address: ORACLE,
      bondToken: BOND,
      minBond: MIN_BOND,
      liveness: LIVENESS,
      arbitrationTimeout: TIMEOUT,
      arbitrator: ARBITER,
    },
    tokens: [
      { address: WETH, kind: 'plain', decimals: 18 },
      { address: USDT, kind: 'noReturn', decimals: 6 },
      { address: FEE, kind: 'feeOnTransfer', decimals: 18 },
      { address: CALLBACK, kind: 'callback', decimals: 18 },
      { address: BOND, kind: 'plain', decimals: 18 },
    ],
    actors: [ALICE, BOB, CAROL, ARBITER],
    balances,
    ...overrides,
  };
}

export function makeWorld(overrides: Partial<WorldSetup> = {}): World {
  return createWorld(makeSetup(overrides));
}

/** Runs the action and asserts success; returns the outcome's returns and events. */
export function ok(world: World, action: Action): { returns: AbiValue[]; events: EventLog[] } {
  const outcome = execute(world, action);
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.name}(${outcome.error.args.join(', ')})`);
  return outcome;
}

/** Runs the action and asserts it reverts with exactly `name(args…)` and leaves the world unchanged. */
export function reverts(world: World, action: Action, name: string, ...args: AbiValue[]): void {
  const before = world.state;
  const outcome: Outcome = execute(world, action);
  expect(outcome).toEqual({ ok: false, error: { name, args } });
  expect(world.state).toBe(before);
}

/** A Transfer log. */
export function transferLog(token: Address, from: Address, to: Address, value: bigint): EventLog {
  return { address: token, name: 'Transfer', args: { from, to, value } };
}

/** Approves the market for `amount` of `token` from `owner`. */
export function approveMarket(world: World, owner: Address, token: Address, amount: bigint): void {
  ok(world, { kind: 'approve', caller: owner, token, spender: MARKET, amount });
}

/** Creates a series (default: WETH, the oracle, INDEX, STRIKE, EXPIRY) and returns its id and tokens. */
export function newSeries(
  world: World,
  collateral: Address = WETH,
  strike: bigint = STRIKE,
  expiry: bigint = EXPIRY,
): { id: Bytes32; p: Address; n: Address } {
  const { events } = ok(world, {
    kind: 'createSeries',
    caller: ALICE,
    collateral,
    oracle: ORACLE,
    indexId: INDEX,
    strike,
    expiry,
  });
  const args = events[0]?.args as { seriesId: Bytes32; pToken: Address; nToken: Address };
  return { id: args.seriesId, p: args.pToken, n: args.nToken };
}

/** Balance of `account` in the model (0 when absent). */
export function balance(world: World, token: Address, account: Address): bigint {
  return world.state.tokens.get(token)?.balances.get(account) ?? 0n;
}

/** Proposes `value` with `bond` from `caller` for (INDEX, timestamp), approving the bond first. */
export function propose(world: World, caller: Address, value: bigint, bond: bigint, timestamp = EXPIRY): void {
  ok(world, { kind: 'approve', caller, token: BOND, spender: ORACLE, amount: bond });
  ok(world, { kind: 'propose', caller, indexId: INDEX, timestamp, value, bond });
}

/** Moves time forward. */
export function warp(world: World, seconds: bigint): void {
  ok(world, { kind: 'warp', seconds });
}

/** Moves time to exactly `timestamp`. */
export function warpTo(world: World, timestamp: bigint): void {
  warp(world, timestamp - world.state.timestamp);
}
