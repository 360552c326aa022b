import { type ObservedState, questionKey } from '../../properties/observed-state.ts';
import type { Transition } from '../../properties/transition.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome, RevertError } from '../../reference/outcome.ts';
import { type Address, type Bytes32, WAD } from '../../reference/primitives.ts';

const address = (byte: string): Address => `0x${byte.repeat(20)}`;

/** Fixed addresses of the fixture world. */
export const MARKET = address('aa');
export const ORACLE = address('bb');
export const COLLATERAL = address('c0');
export const BOND = address('b0');
export const P_TOKEN = address('d1');
export const N_TOKEN = address('d2');
export const ALICE = address('a1');
export const BOB = address('b2');
export const CAROL = address('c3');
export const ARBITER = address('a4');
export const ACTORS: Address[] = [ALICE, BOB, CAROL, ARBITER];

/** The fixture series and the index its oracle question is about. */
export const SERIES: Bytes32 = `0x${'5e'.repeat(32)}`;
export const INDEX: Bytes32 = `0x${'1d'.repeat(32)}`;
export const STRIKE = 2000n * WAD;
export const EXPIRY = 1500n;
export const QUESTION = questionKey(INDEX, EXPIRY);

const accounts = [...ACTORS, MARKET, ORACLE];

function token(balances: Partial<Record<Address, bigint>>) {
  const full: Record<Address, bigint> = {};
  for (const account of accounts) full[account] = balances[account] ?? 0n;
  const allowances: Record<Address, Record<Address, bigint>> = {};
  for (const owner of accounts) {
    allowances[owner] = {};
    for (const spender of accounts) (allowances[owner] as Record<Address, bigint>)[spender] = 0n;
  }
  const totalSupply = Object.values(full).reduce((sum, value) => sum + value, 0n);
  return { totalSupply, balances: full, allowances };
}

/**
 * A small world where every property holds: one expired, unsettled series with 100 pairs split
 * (Alice 60 P / 50 N, Bob 40 P / 50 N), and its oracle question answered once by Alice at 1600
 * (liveness 100, so finalizable from 1700; the clock is at 2000). Tests copy it and break one thing.
 */
export function baseState(): ObservedState {
  return {
    timestamp: 2000n,
    market: MARKET,
    oracle: ORACLE,
    tokens: {
      [COLLATERAL]: token({ [ALICE]: 300n, [BOB]: 300n, [CAROL]: 300n, [MARKET]: 100n }),
      [BOND]: token({ [ALICE]: 90n, [BOB]: 100n, [CAROL]: 100n, [ORACLE]: 10n }),
      [P_TOKEN]: token({ [ALICE]: 60n, [BOB]: 40n }),
      [N_TOKEN]: token({ [ALICE]: 50n, [BOB]: 50n }),
    },
    // No property reads metadata (D1 compares it); it is here so the state is complete.
    ledgers: {},
    metadata: {
      [COLLATERAL]: { name: 'Wrapped Ether', symbol: 'WETH', decimals: 18 },
      [BOND]: { name: 'Bond', symbol: 'BOND', decimals: 18 },
      [P_TOKEN]: { name: 'cliffless P WETH strike 2000 expiry 1500', symbol: 'P-WETH-2000-1500', decimals: 18 },
      [N_TOKEN]: { name: 'cliffless N WETH strike 2000 expiry 1500', symbol: 'N-WETH-2000-1500', decimals: 18 },
    },
    series: {
      [SERIES]: {
        collateral: COLLATERAL,
        oracle: ORACLE,
        indexId: INDEX,
        strike: STRIKE,
        expiry: EXPIRY,
        pToken: P_TOKEN,
        nToken: N_TOKEN,
        locked: 100n,
        settled: false,
        settlementPrice: 0n,
      },
    },
    oracleState: {
      bondToken: BOND,
      minBond: 10n,
      liveness: 100n,
      arbitrationTimeout: 50n,
      arbitrator: ARBITER,
      questions: {
        [QUESTION]: {
          indexId: INDEX,
          timestamp: EXPIRY,
          answers: [{ answerer: ALICE, value: 2500n * WAD, bond: 10n }],
          lastAnswerAt: 1600n,
          arbitrationPending: false,
          arbitrationUsed: false,
          arbitrationRequestedAt: 0n,
          finalized: false,
          finalValue: 0n,
        },
      },
      credits: Object.fromEntries(accounts.map((account) => [account, 0n])),
    },
    flows: { [COLLATERAL]: { paidIn: 100n, paidOut: 0n } },
  };
}

/** A deep copy (bigints included). */
export function clone(state: ObservedState): ObservedState {
  return structuredClone(state);
}

/** Sets a balance and moves the token's total supply by the same difference. */
export function setBalance(state: ObservedState, tokenAddress: Address, account: Address, amount: bigint): void {
  const entry = state.tokens[tokenAddress];
  if (entry === undefined) throw new Error(`fixture has no token ${tokenAddress}`);
  entry.totalSupply += amount - (entry.balances[account] ?? 0n);
  entry.balances[account] = amount;
}

/** Sets an allowance. */
export function setAllowance(
  state: ObservedState,
  tokenAddress: Address,
  owner: Address,
  spender: Address,
  amount: bigint,
) {
  const allowances = state.tokens[tokenAddress]?.allowances[owner];
  if (allowances === undefined) throw new Error(`fixture has no allowances of ${owner} on ${tokenAddress}`);
  allowances[spender] = amount;
}

/** The fixture question, for mutation. */
export function question(state: ObservedState) {
  const found = state.oracleState.questions[QUESTION];
  if (found === undefined) throw new Error('fixture question missing');
  return found;
}

/** The fixture series, for mutation. */
export function series(state: ObservedState) {
  const found = state.series[SERIES];
  if (found === undefined) throw new Error('fixture series missing');
  return found;
}

/** Finalizes the fixture question on its last answer, crediting Alice's bond back, as finalize would. */
export function finalizeQuestion(state: ObservedState): void {
  const q = question(state);
  q.finalized = true;
  q.finalValue = q.answers.at(-1)?.value ?? 0n;
  state.oracleState.credits[ALICE] = (state.oracleState.credits[ALICE] ?? 0n) + 10n;
}

/** Finalizes the question and settles the series at its final value (2500), as settle would. */
export function settled(): ObservedState {
  const state = baseState();
  finalizeQuestion(state);
  series(state).settled = true;
  series(state).settlementPrice = question(state).finalValue;
  return state;
}

/** A successful outcome. */
export function ok(...returns: bigint[]): Outcome {
  return { ok: true, returns, events: [] };
}

/** A revert outcome. */
export function revert(name: string, ...args: RevertError['args']): Outcome {
  return { ok: false, error: { name, args } };
}

/** A transition from `before` whose `after` is a copy of it changed by `change`. */
export function step(
  before: ObservedState,
  action: Action,
  change: (after: ObservedState) => void = () => {},
  outcome: Outcome = ok(),
): Transition {
  const after = clone(before);
  change(after);
  return { before, action, outcome, after };
}

/** The (id, series/account/token/question) of each violation, to compare without the prose. */
export function where(
  violations: { id: string; series?: string; account?: string; token?: string; question?: string }[],
) {
  return violations.map(({ id, series: s, account, token: t, question: q }) => ({
    id,
    ...(s === undefined ? {} : { series: s }),
    ...(account === undefined ? {} : { account }),
    ...(t === undefined ? {} : { token: t }),
    ...(q === undefined ? {} : { question: q }),
  }));
}
