import { describe, expect, test } from 'vitest';
import { ModelInputError } from '../../reference/errors.ts';
import { observe } from '../../reference/observe.ts';
import type { Address } from '../../reference/primitives.ts';
import type { TokenSetup } from '../../reference/setup.ts';
import { createWorld } from '../../reference/world.ts';
import {
  ALICE,
  BOB,
  CAROL,
  EXPIRY,
  INDEX,
  MARKET,
  makeSetup,
  makeWorld,
  ORACLE,
  ok,
  START,
  STRIKE,
} from './fixture.ts';

// One ledger at two addresses (TUSD) in the model, from the kind's description: a call through the
// entry point acts on the ledger with the same caller, and the ledger's address logs.

const at = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
const LEDGER = at(0x4201);
const ENTRY = at(0x4202);
const TOKENS: TokenSetup[] = [
  { address: LEDGER, kind: 'multiEntry', decimals: 18, name: 'T', symbol: 'T' },
  { address: ENTRY, kind: 'entryPoint', decimals: 18, name: 'T', symbol: 'T', ledger: LEDGER },
];

function world() {
  const base = makeSetup();
  return makeWorld({
    tokens: [...base.tokens, ...TOKENS],
    balances: { ...base.balances, [LEDGER]: { [ALICE]: START, [BOB]: START } },
  });
}

describe('multiEntry and entryPoint', () => {
  test('a transfer through the entry point moves the ledger, which logs it; both addresses observe alike', () => {
    const w = world();
    const outcome = ok(w, { kind: 'transfer', caller: ALICE, token: ENTRY, to: CAROL, amount: 5n });
    expect(outcome.events).toEqual([
      { address: LEDGER, name: 'Transfer', args: { from: ALICE, to: CAROL, value: 5n } },
    ]);
    const state = observe(w);
    expect(state.tokens[ENTRY]).toEqual(state.tokens[LEDGER]);
    expect(state.tokens[LEDGER]?.balances[CAROL]).toBe(5n);
    expect(state.ledgers).toEqual({ [LEDGER]: [LEDGER, ENTRY] });
  });

  test('an allowance granted through one address is spent through the other', () => {
    const w = world();
    ok(w, { kind: 'approve', caller: ALICE, token: LEDGER, spender: BOB, amount: 10n });
    ok(w, { kind: 'transferFrom', caller: BOB, token: ENTRY, from: ALICE, to: BOB, amount: 4n });
    expect(observe(w).tokens[ENTRY]?.allowances[ALICE]?.[BOB]).toBe(6n);
  });

  test("a split through either address is credited from the ledger's growth; the flows are the ledger's", () => {
    const w = world();
    for (const token of [LEDGER, ENTRY])
      ok(w, { kind: 'approve', caller: ALICE, token, spender: MARKET, amount: START });
    const terms = { oracle: ORACLE, indexId: INDEX, strike: STRIKE, expiry: EXPIRY };
    const [a] = ok(w, { kind: 'createSeries', caller: ALICE, collateral: LEDGER, ...terms }).returns as [`0x${string}`];
    const [b] = ok(w, { kind: 'createSeries', caller: ALICE, collateral: ENTRY, ...terms }).returns as [`0x${string}`];
    ok(w, { kind: 'split', caller: ALICE, seriesId: a, amount: 30n, to: ALICE });
    ok(w, { kind: 'split', caller: ALICE, seriesId: b, amount: 70n, to: ALICE });
    const state = observe(w);
    expect(state.tokens[ENTRY]?.balances[MARKET]).toBe(100n);
    expect(state.flows[ENTRY]).toEqual({ paidIn: 100n, paidOut: 0n });
    expect(state.flows[LEDGER]).toEqual(state.flows[ENTRY]);
  });

  test('the setup must declare an entry point after its ledger, with its metadata, and fund only the ledger', () => {
    const base = makeSetup();
    const bad =
      (tokens: TokenSetup[], balances = base.balances) =>
      () =>
        createWorld({ ...base, tokens: [...base.tokens, ...tokens], balances });
    const entry = TOKENS[1] as TokenSetup;
    expect(bad([entry, TOKENS[0] as TokenSetup])).toThrow(ModelInputError);
    expect(bad([entry, TOKENS[0] as TokenSetup])).toThrow(/ledger must be the address of an earlier multiEntry token/);
    expect(bad([TOKENS[0] as TokenSetup, { ...entry, symbol: 'X' }])).toThrow(/its ledger's name, symbol and decimals/);
    expect(bad([{ ...(TOKENS[0] as TokenSetup), ledger: ENTRY }])).toThrow(/ledger must be absent/);
    expect(bad(TOKENS, { ...base.balances, [ENTRY]: { [ALICE]: 1n } })).toThrow(/is an entry point/);
  });
});
