import { expect } from 'vitest';
import type { Action } from '../../reference/action.ts';
import { execute } from '../../reference/execute.ts';
import type { AbiValue, EventLog, Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD, ZERO_ADDRESS } from '../../reference/primitives.ts';
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
      { address: WETH, kind: 'plain', decimals: 18, name: 'Wrapped Ether', symbol: 'WETH' },
      { address: USDT, kind: 'noReturn', decimals: 6, name: 'Tether USD', symbol: 'USDT' },
      { address: FEE, kind: 'feeOnTransfer', decimals: 18, name: 'Fee Token', symbol: 'FEE' },
      { address: CALLBACK, kind: 'callback', decimals: 18, name: 'Callback Token', symbol: 'CBK' },
      { address: BOND, kind: 'plain', decimals: 18, name: 'Bond', symbol: 'BOND' },
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

/** Answers (INDEX, EXPIRY) with `price`, lets liveness pass, finalizes, and settles series `id`. */
export function settleAt(world: World, id: Bytes32, price: bigint, expiry: bigint = EXPIRY): void {
  if (world.state.timestamp < expiry) warpTo(world, expiry);
  propose(world, CAROL, price, MIN_BOND, expiry);
  warp(world, LIVENESS);
  ok(world, { kind: 'finalize', caller: BOB, indexId: INDEX, timestamp: expiry });
  ok(world, { kind: 'settle', caller: BOB, seriesId: id });
}

/** Creates a series on `collateral` and splits `amount` for `holder` (approving the market first). */
export function fundedSeries(
  world: World,
  holder: Address,
  amount: bigint,
  collateral: Address = WETH,
): { id: Bytes32; p: Address; n: Address } {
  const series = newSeries(world, collateral);
  approveMarket(world, holder, collateral, amount);
  ok(world, { kind: 'split', caller: holder, seriesId: series.id, amount, to: holder });
  return series;
}

/**
 * A deterministic pseudo-random action over the fixture world (xorshift on `seed`), covering every
 * action kind with small amounts and mostly-valid parameters, so that a long run mixes successes and
 * reverts. For tests of persistence and bookkeeping, not a generator for the harness.
 */
export function randomAction(world: World, next: () => number): Action {
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length] as T;
  const actors = [ALICE, BOB, CAROL, ARBITER];
  const caller = pick(actors);
  const tokens = [...world.state.tokens.keys()];
  const series = [...world.state.series.keys()];
  const seriesId = series.length > 0 ? pick(series) : INDEX;
  const amount = BigInt(pick([0, 1, 7, 100, 1_000]));
  const now = world.state.timestamp;
  const expiries = [...world.state.series.values()].map((s) => s.expiry);
  const timestamp = expiries.length > 0 && next() % 4 !== 0 ? pick(expiries) : pick([EXPIRY, now]);
  const to = pick([...actors, MARKET, ZERO_ADDRESS]);
  switch (next() % 20) {
    case 0:
      return {
        kind: 'createSeries',
        caller,
        collateral: pick([WETH, USDT, FEE, CALLBACK, BOND]),
        oracle: ORACLE,
        indexId: INDEX,
        strike: STRIKE,
        expiry: pick([EXPIRY, EXPIRY + 100n]),
      };
    case 1:
    case 2:
      return { kind: 'split', caller, seriesId, amount, to: pick(actors) };
    case 3:
      return { kind: 'merge', caller, seriesId, amount, to };
    case 4:
    case 18:
      return { kind: 'settle', caller, seriesId };
    case 5:
      return { kind: 'redeem', caller, seriesId, pAmount: amount, nAmount: BigInt(pick([0, 3, 50])), to };
    case 6:
      return { kind: 'transfer', caller, token: pick(tokens), to, amount };
    case 7:
      return {
        kind: 'approve',
        caller,
        token: pick(tokens),
        spender: pick([MARKET, ORACLE, ...actors]),
        amount: pick([amount, MAX_UINT256]),
      };
    case 8:
      return { kind: 'transferFrom', caller, token: pick(tokens), from: pick(actors), to, amount };
    case 9:
      return {
        kind: 'propose',
        caller,
        indexId: INDEX,
        timestamp,
        value: BigInt(pick([0, 1900, 2100])) * WAD,
        bond: BigInt(pick([10, 20, 40, 80, 160])),
      };
    case 10:
      return { kind: 'finalize', caller, indexId: INDEX, timestamp };
    case 11:
      return { kind: 'requestArbitration', caller, indexId: INDEX, timestamp };
    case 12:
      return {
        kind: 'arbitrate',
        caller: pick([ARBITER, caller]),
        indexId: INDEX,
        timestamp,
        value: BigInt(pick([1900, 2100])) * WAD,
      };
    case 13:
      return { kind: 'cancelArbitration', caller, indexId: INDEX, timestamp };
    case 14:
      return { kind: 'withdraw', caller };
    case 15:
      return { kind: 'armCallback', caller, token: CALLBACK, armed: next() % 2 === 0 };
    default:
      return { kind: 'warp', seconds: BigInt(pick([1, 60, 600, 3_600, 86_400])) };
  }
}

/** A xorshift32 stream of non-negative integers from `seed`. */
export function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

/** Every actor approves the market and the oracle without limit for every setup token. */
export function approveEverything(world: World): void {
  for (const owner of [ALICE, BOB, CAROL, ARBITER]) {
    for (const token of [WETH, USDT, FEE, CALLBACK, BOND]) {
      ok(world, { kind: 'approve', caller: owner, token, spender: MARKET, amount: MAX_UINT256 });
      ok(world, { kind: 'approve', caller: owner, token, spender: ORACLE, amount: MAX_UINT256 });
    }
  }
}
