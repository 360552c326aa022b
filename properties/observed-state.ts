import type { Address, Bytes32 } from '../reference/primitives.ts';

/**
 * Everything the properties look at, as one plain value that both the reference model and the
 * EVM observer produce. Two observed states are compared with deep equality for D1, so every
 * record is keyed by lowercase hex and holds only bigint, boolean and hex-string leaves.
 */
export interface ObservedState {
  /** Block timestamp the next action runs at. */
  timestamp: bigint;
  market: Address;
  oracle: Address;
  /** Every ERC-20 in the world (collaterals, bond token, claim tokens), by address. */
  tokens: Record<Address, TokenState>;
  /**
   * Every ledger that more than one token address moves (a MultiEntryToken and its entry points,
   * like TUSD's two addresses): the ledger's address → all its addresses, itself first. Taken from
   * the world's declaration, not probed; every address of a ledger shows the same `tokens` entry and
   * the same `flows`. Ledgers of one address are not listed. M2 sums `locked` per ledger.
   */
  ledgers: Record<Address, readonly Address[]>;
  /**
   * `name()`, `symbol()` and `decimals()` of every token in `tokens` (same keys, same order). Fixed
   * when a token is deployed; for a claim token they must follow the collateral (DESIGN §3).
   */
  metadata: Record<Address, TokenMetadata>;
  /** Every created series, by id. */
  series: Record<Bytes32, SeriesState>;
  oracleState: OracleState;
  /**
   * Cumulative collateral moved into and out of the market, per collateral token, counted from the
   * moment of deployment: `paidIn` is what the market received (splits and donations), `paidOut`
   * what it sent (merges and redeems). M8 reads these.
   */
  flows: Record<Address, { paidIn: bigint; paidOut: bigint }>;
}

/**
 * One ERC-20: supply, and balances and allowances of every observed account (the setup's actors, the
 * market and the oracle), zeros included, so both sides produce the same keys.
 */
export interface TokenState {
  totalSupply: bigint;
  balances: Record<Address, bigint>;
  /** owner → spender → allowance, for observed owners and spenders. */
  allowances: Record<Address, Record<Address, bigint>>;
}

/**
 * A token's ERC-20 metadata. The EVM reads these through the views, once per token; a view that
 * reverts reads as {@link UNREADABLE_NAME} / {@link UNREADABLE_DECIMALS}, which no token has, so D1
 * reports it.
 */
export interface TokenMetadata {
  name: string;
  symbol: string;
  /** uint8. */
  decimals: number;
}

/** What a `name()` or `symbol()` that reverted reads as. */
export const UNREADABLE_NAME = '<view reverted>';
/** What a `decimals()` that reverted reads as (outside uint8). */
export const UNREADABLE_DECIMALS = -1;

/** One series, as SplitMarket.series(id) reports it. */
export interface SeriesState {
  collateral: Address;
  oracle: Address;
  indexId: Bytes32;
  strike: bigint;
  expiry: bigint;
  pToken: Address;
  nToken: Address;
  locked: bigint;
  settled: boolean;
  settlementPrice: bigint;
}

/** The SlowOracle's configuration, questions and credits. */
export interface OracleState {
  bondToken: Address;
  minBond: bigint;
  liveness: bigint;
  arbitrationTimeout: bigint;
  arbitrator: Address;
  /** Questions that have at least one answer, keyed by `questionKey(indexId, timestamp)`. */
  questions: Record<string, QuestionState>;
  /** Unwithdrawn bond credits of every observed account (zeros included). */
  credits: Record<Address, bigint>;
}

/** One oracle question. */
export interface QuestionState {
  indexId: Bytes32;
  timestamp: bigint;
  answers: { answerer: Address; value: bigint; bond: bigint }[];
  lastAnswerAt: bigint;
  arbitrationPending: boolean;
  arbitrationUsed: boolean;
  arbitrationRequestedAt: bigint;
  finalized: boolean;
  finalValue: bigint;
}

/** The key of a question in `OracleState.questions`: `${indexId}@${timestamp}`. */
export function questionKey(indexId: Bytes32, timestamp: bigint): string {
  return `${indexId}@${timestamp}`;
}
