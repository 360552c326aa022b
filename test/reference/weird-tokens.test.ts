import { decodeAbiParameters, encodeAbiParameters, type Hex } from 'viem';
import { describe, expect, test } from 'vitest';
import { UNREADABLE_NAME } from '../../properties/observed-state.ts';
import { ModelInputError } from '../../reference/errors.ts';
import { execute } from '../../reference/execute.ts';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { TokenSetup } from '../../reference/setup.ts';
import {
  claimSymbolFromData,
  decodedSymbol,
  UNREADABLE_NAME as MODEL_UNREADABLE,
} from '../../reference/tokens/raw-symbol.ts';
import {
  ALICE,
  BOB,
  CAROL,
  EXPIRY,
  MARKET,
  makeSetup,
  makeWorld,
  ORACLE,
  ok,
  reverts,
  START,
  STRIKE,
} from './fixture.ts';

// The weird-ERC20 kinds of docs/collateral.md in the model, each from its description.

const at = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
const RFALSE = at(0x4001);
const ZEROREV = at(0x4002);
const RACE = at(0x4003);
const PAUSABLE = at(0x4004);
const BLOCKLIST = at(0x4005);
const RAW = at(0x4006);
const INDEX = `0x${'22'.repeat(32)}` as const;

const word = (v: bigint) => v.toString(16).padStart(64, '0');
const text = (s: string) => Buffer.from(s).toString('hex').padEnd(64, '0');
const BYTES32_MKR: Hex = `0x${text('MKR')}`;
const OFFSET_64: Hex = `0x${word(64n)}${word(0n)}${word(4n)}${text('SKEW')}`;
const EMPTY: Hex = `0x${word(32n)}${word(0n)}`;
const TRUNCATED: Hex = `0x${word(32n)}${word(20n)}${'41'.repeat(10)}`;

function world(extra: TokenSetup[] = []) {
  const base = makeSetup();
  const tokens: TokenSetup[] = [
    { address: RFALSE, kind: 'returnsFalse', decimals: 0, name: 'RF', symbol: 'RF' },
    { address: ZEROREV, kind: 'zeroRevert', decimals: 2, name: 'ZR', symbol: 'ZR' },
    { address: RACE, kind: 'approvalRace', decimals: 24, name: 'RA', symbol: 'RA' },
    { address: PAUSABLE, kind: 'pausable', decimals: 6, name: 'PA', symbol: 'PA' },
    { address: BLOCKLIST, kind: 'blockList', decimals: 18, name: 'BL', symbol: 'BL' },
    ...extra,
  ];
  const balances = { ...base.balances };
  for (const t of tokens) balances[t.address] = { [ALICE]: START, [BOB]: START };
  return makeWorld({ tokens: [...base.tokens, ...tokens], balances });
}

function seriesOn(w: ReturnType<typeof world>, collateral: Address) {
  const out = ok(w, {
    kind: 'createSeries',
    caller: ALICE,
    collateral,
    oracle: ORACLE,
    indexId: INDEX,
    strike: STRIKE,
    expiry: EXPIRY,
  });
  ok(w, { kind: 'approve', caller: ALICE, token: collateral, spender: MARKET, amount: MAX_UINT256 });
  return out.returns[0] as `0x${string}`;
}

describe('returnsFalse: no revert on failure', () => {
  test('a short balance or allowance returns [false], moves nothing, logs nothing', () => {
    const w = world();
    expect(ok(w, { kind: 'transfer', caller: ALICE, token: RFALSE, to: BOB, amount: START + 1n })).toEqual({
      ok: true,
      returns: [false],
      events: [],
    });
    expect(
      ok(w, { kind: 'transferFrom', caller: CAROL, token: RFALSE, from: ALICE, to: CAROL, amount: 1n }).returns,
    ).toEqual([false]);
    expect(w.state.tokens.get(RFALSE)?.balances.get(ALICE)).toBe(START);
    expect(ok(w, { kind: 'transfer', caller: ALICE, token: RFALSE, to: BOB, amount: 1n }).returns).toEqual([true]);
  });
  test('the market turns the false into SafeERC20FailedOperation(token)', () => {
    const w = world();
    const id = seriesOn(w, RFALSE);
    reverts(
      w,
      { kind: 'split', caller: ALICE, seriesId: id, amount: START + 1n, to: ALICE },
      'SafeERC20FailedOperation',
      RFALSE,
    );
    ok(w, { kind: 'split', caller: ALICE, seriesId: id, amount: START, to: ALICE });
  });
});

describe('zeroRevert, approvalRace', () => {
  test('a zero transfer or transferFrom reverts ZeroValueTransfer() before anything else', () => {
    const w = world();
    reverts(w, { kind: 'transfer', caller: ALICE, token: ZEROREV, to: BOB, amount: 0n }, 'ZeroValueTransfer');
    reverts(
      w,
      { kind: 'transferFrom', caller: BOB, token: ZEROREV, from: ALICE, to: BOB, amount: 0n },
      'ZeroValueTransfer',
    );
  });
  test('a non-zero approval over a non-zero allowance reverts ApprovalFromNonZero(current)', () => {
    const w = world();
    ok(w, { kind: 'approve', caller: ALICE, token: RACE, spender: BOB, amount: 5n });
    reverts(w, { kind: 'approve', caller: ALICE, token: RACE, spender: BOB, amount: 6n }, 'ApprovalFromNonZero', 5n);
    ok(w, { kind: 'approve', caller: ALICE, token: RACE, spender: BOB, amount: 0n });
    ok(w, { kind: 'approve', caller: ALICE, token: RACE, spender: BOB, amount: 6n });
  });
});

describe('admin switches: pauseToken, blockAccount', () => {
  test('while paused every balance change reverts TokenPaused(); approvals still work', () => {
    const w = world();
    const id = seriesOn(w, PAUSABLE);
    ok(w, { kind: 'split', caller: ALICE, seriesId: id, amount: 10n, to: ALICE });
    expect(ok(w, { kind: 'pauseToken', caller: BOB, token: PAUSABLE, paused: true })).toEqual({
      ok: true,
      returns: [],
      events: [],
    });
    reverts(w, { kind: 'split', caller: ALICE, seriesId: id, amount: 1n, to: ALICE }, 'TokenPaused');
    reverts(w, { kind: 'merge', caller: ALICE, seriesId: id, amount: 10n, to: ALICE }, 'TokenPaused');
    ok(w, { kind: 'approve', caller: BOB, token: PAUSABLE, spender: ALICE, amount: 1n });
    ok(w, { kind: 'pauseToken', caller: BOB, token: PAUSABLE, paused: false });
    ok(w, { kind: 'merge', caller: ALICE, seriesId: id, amount: 10n, to: ALICE });
  });
  test('a blocked sender, then a blocked receiver, reverts AccountBlocked(account)', () => {
    const w = world();
    const id = seriesOn(w, BLOCKLIST);
    ok(w, { kind: 'split', caller: ALICE, seriesId: id, amount: 10n, to: ALICE });
    ok(w, { kind: 'blockAccount', caller: BOB, token: BLOCKLIST, account: MARKET, blocked: true });
    ok(w, { kind: 'blockAccount', caller: BOB, token: BLOCKLIST, account: ALICE, blocked: true });
    reverts(w, { kind: 'split', caller: ALICE, seriesId: id, amount: 1n, to: ALICE }, 'AccountBlocked', ALICE);
    reverts(w, { kind: 'merge', caller: ALICE, seriesId: id, amount: 1n, to: BOB }, 'AccountBlocked', MARKET);
    ok(w, { kind: 'blockAccount', caller: BOB, token: BLOCKLIST, account: MARKET, blocked: false });
    ok(w, { kind: 'merge', caller: ALICE, seriesId: id, amount: 1n, to: BOB });
  });
  test('each switch is refused on a token of another kind (a trace error, not a revert)', () => {
    const w = world();
    expect(() => execute(w, { kind: 'pauseToken', caller: BOB, token: BLOCKLIST, paused: true })).toThrow(
      ModelInputError,
    );
    expect(() =>
      execute(w, { kind: 'blockAccount', caller: BOB, token: PAUSABLE, account: ALICE, blocked: true }),
    ).toThrow(ModelInputError);
  });
});

describe('rawSymbol: symbol() return data read two ways', () => {
  test("the model's undecodable symbol is the observers' UNREADABLE_NAME", () => {
    expect(MODEL_UNREADABLE).toBe(UNREADABLE_NAME);
  });
  const cases: [string, Hex, string, string][] = [
    ['bytes32 (MKR)', BYTES32_MKR, UNREADABLE_NAME, 'COLL'],
    ['offset 64', OFFSET_64, 'SKEW', 'COLL'],
    ['empty string', EMPTY, '', 'COLL'],
    ['length past the data', TRUNCATED, UNREADABLE_NAME, 'COLL'],
    ['no data', '0x', UNREADABLE_NAME, 'COLL'],
    ['well formed', encodeAbiParameters([{ type: 'string' }], ['Ω"x']), 'Ω"x', 'Ω"x'],
    ['33 bytes', encodeAbiParameters([{ type: 'string' }], ['A'.repeat(33)]), 'A'.repeat(33), 'COLL'],
  ];
  test.each(cases)('%s', (_name, data, observed, forClaims) => {
    expect(decodedSymbol(data)).toBe(observed);
    expect(claimSymbolFromData(data)).toBe(forClaims);
  });
  test('decodedSymbol agrees with viem (the EVM side observer) on every case and on random words', () => {
    const viem = (data: Hex): string => {
      try {
        return decodeAbiParameters([{ type: 'string' }], data)[0];
      } catch {
        return UNREADABLE_NAME;
      }
    };
    const random: Hex[] = [];
    for (let i = 0; i < 200; i++) {
      const offset = BigInt((i * 7) % 5) * 32n;
      const length = BigInt((i * 13) % 40);
      const tail = 'c3'.repeat((i * 5) % 45);
      random.push(`0x${word(offset)}${word(length)}${word(length)}${tail}`);
    }
    for (const data of [...cases.map((c) => c[1]), ...random]) expect(decodedSymbol(data), data).toBe(viem(data));
  });
  test('claims of a raw-symbol collateral are named COLL; the setup must state the decoded symbol', () => {
    const w = world([
      { address: RAW, kind: 'rawSymbol', decimals: 18, name: 'Raw', symbol: 'SKEW', symbolData: OFFSET_64 },
    ]);
    const id = ok(w, {
      kind: 'createSeries',
      caller: ALICE,
      collateral: RAW,
      oracle: ORACLE,
      indexId: INDEX,
      strike: STRIKE,
      expiry: EXPIRY,
    }).returns[0];
    const p = w.state.series.get(id as `0x${string}`)?.pToken as Address;
    expect(w.state.tokens.get(p)?.symbol).toBe(`P-COLL-2000-${EXPIRY}`);
    expect(w.state.tokens.get(RAW)?.symbol).toBe('SKEW');
    expect(() =>
      world([{ address: RAW, kind: 'rawSymbol', decimals: 18, name: 'Raw', symbol: 'X', symbolData: OFFSET_64 }]),
    ).toThrow(/symbolData decodes to/);
    expect(() =>
      world([{ address: RAW, kind: 'plain', decimals: 18, name: 'Raw', symbol: 'X', symbolData: OFFSET_64 }]),
    ).toThrow(/symbolData/);
  });
});
