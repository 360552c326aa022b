import { describe, expect, test } from 'vitest';
import { questionKey } from '../../properties/observed-state.ts';
import { execute } from '../../reference/execute.ts';
import { observe } from '../../reference/observe.ts';
import type { Address } from '../../reference/primitives.ts';
import { questionKeyOf } from '../../reference/state.ts';
import { createWorld } from '../../reference/world.ts';
import {
  ALICE,
  ARBITER,
  approveEverything,
  BOB,
  BOND,
  CALLBACK,
  CAROL,
  EXPIRY,
  FEE,
  INDEX,
  LIVENESS,
  MARKET,
  MIN_BOND,
  makeSetup,
  makeWorld,
  newSeries,
  ORACLE,
  ok,
  propose,
  randomAction,
  STRANGER,
  T0,
  TIMEOUT,
  USDT,
  WETH,
  warpTo,
  xorshift,
} from './fixture.ts';

const ACCOUNTS: Address[] = [ALICE, BOB, CAROL, ARBITER, MARKET, ORACLE];

describe('observe', () => {
  test('a fresh world: every token, every observed account, zeros included; no series, questions or flows yet', () => {
    const seen = observe(makeWorld());
    expect(seen.timestamp).toBe(T0);
    expect(seen.market).toBe(MARKET);
    expect(seen.oracle).toBe(ORACLE);
    expect(Object.keys(seen.tokens)).toEqual([WETH, USDT, FEE, CALLBACK, BOND]);
    for (const token of Object.values(seen.tokens)) {
      expect(Object.keys(token.balances).sort()).toEqual([...ACCOUNTS].sort());
      expect(Object.keys(token.allowances).sort()).toEqual([...ACCOUNTS].sort());
      for (const row of Object.values(token.allowances)) expect(Object.values(row)).toEqual(ACCOUNTS.map(() => 0n));
      expect(token.balances[MARKET]).toBe(0n);
    }
    expect(seen.series).toEqual({});
    expect(seen.oracleState).toEqual({
      bondToken: BOND,
      minBond: MIN_BOND,
      liveness: LIVENESS,
      arbitrationTimeout: TIMEOUT,
      arbitrator: ARBITER,
      questions: {},
      credits: Object.fromEntries(ACCOUNTS.map((a) => [a, 0n])),
    });
    expect(seen.flows).toEqual(
      Object.fromEntries([WETH, USDT, FEE, CALLBACK, BOND].map((t) => [t, { paidIn: 0n, paidOut: 0n }])),
    );
  });
  test('an account outside the actors is not observed, but total supply covers it', () => {
    const world = makeWorld();
    ok(world, { kind: 'transfer', caller: ALICE, token: WETH, to: STRANGER, amount: 5n });
    const seen = observe(world);
    expect(seen.tokens[WETH]?.balances[STRANGER]).toBeUndefined();
    expect(seen.tokens[WETH]?.totalSupply).toBe(4_000n * 10n ** 18n);
  });
  test('claim tokens and series appear after createSeries; questions only once answered, keyed like properties', () => {
    const world = makeWorld();
    const { id, p, n } = newSeries(world);
    warpTo(world, EXPIRY);
    expect(execute(world, { kind: 'finalize', caller: BOB, indexId: INDEX, timestamp: EXPIRY }).ok).toBe(false);
    expect(observe(world).oracleState.questions).toEqual({});
    propose(world, CAROL, 5n, MIN_BOND);
    const seen = observe(world);
    expect(Object.keys(seen.tokens)).toEqual([WETH, USDT, FEE, CALLBACK, BOND, p, n]);
    expect(seen.series[id]?.pToken).toBe(p);
    expect(seen.flows[p]).toEqual({ paidIn: 0n, paidOut: 0n });
    expect(questionKeyOf(INDEX, EXPIRY)).toBe(questionKey(INDEX, EXPIRY));
    expect(seen.oracleState.questions[questionKey(INDEX, EXPIRY)]).toEqual({
      indexId: INDEX,
      timestamp: EXPIRY,
      answers: [{ answerer: CAROL, value: 5n, bond: MIN_BOND }],
      lastAnswerAt: EXPIRY,
      arbitrationPending: false,
      arbitrationUsed: false,
      arbitrationRequestedAt: 0n,
      finalized: false,
      finalValue: 0n,
    });
  });
  test('setup mints to the market count as paid in', () => {
    const setup = makeSetup();
    setup.balances[WETH] = { ...setup.balances[WETH], [MARKET]: 42n };
    const seen = observe(createWorld(setup));
    expect(seen.flows[WETH]).toEqual({ paidIn: 42n, paidOut: 0n });
    expect(seen.tokens[WETH]?.balances[MARKET]).toBe(42n);
  });
  test('the result is an immutable value: it cannot be changed, nor the world through it', () => {
    const world = makeWorld();
    const seen = observe(world);
    const copy = structuredClone(seen);
    expect(() => {
      (seen.tokens[WETH]?.balances as Record<Address, bigint>)[ALICE] = 0n;
    }).toThrow(TypeError);
    expect(() => {
      seen.flows[WETH] = { paidIn: 1n, paidOut: 1n };
    }).toThrow(TypeError);
    expect(seen).toEqual(copy);
    expect(observe(world)).toEqual(copy);
  });
  test('an unchanged part is shared with the last observation; a changed one is rebuilt', () => {
    const world = makeWorld();
    const first = observe(world);
    execute(world, { kind: 'transfer', caller: ALICE, token: WETH, to: BOB, amount: 1n });
    const second = observe(world);
    expect(second.tokens[WETH]).not.toBe(first.tokens[WETH]);
    expect(second.tokens[WETH]?.balances[BOB]).toBe((first.tokens[WETH]?.balances[BOB] ?? 0n) + 1n);
    for (const token of Object.keys(first.tokens) as Address[]) {
      if (token !== WETH) expect(second.tokens[token]).toBe(first.tokens[token]);
    }
  });
  test('after 500 mixed actions, for every token: balanceOf(market) == paidIn − paidOut', () => {
    const world = makeWorld();
    approveEverything(world);
    const next = xorshift(99);
    for (let i = 0; i < 500; i++) execute(world, randomAction(world, next));
    const seen = observe(world);
    expect(Object.keys(seen.flows)).toEqual(Object.keys(seen.tokens));
    for (const [token, flow] of Object.entries(seen.flows)) {
      expect(seen.tokens[token as Address]?.balances[MARKET], token).toBe(flow.paidIn - flow.paidOut);
    }
  });
});
