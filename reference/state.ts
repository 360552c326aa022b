import type { Address, Bytes32 } from './primitives.ts';
import type { OracleSetup, TokenKind } from './setup.ts';

/**
 * The model's state, as persistent data: a committed `State` is never mutated again (a transaction
 * copies what it writes, see tx.ts), so a snapshot is just a reference to it.
 */

/** How a token behaves: a setup kind, or a series' claim token (plain OZ ERC20, minted by the market). */
export type TokenBehaviour = TokenKind | 'claim';

/** One ERC-20 contract. Zero balances and allowances may be present or absent: both read as 0. */
export interface TokenRecord {
  readonly kind: TokenBehaviour;
  readonly decimals: number;
  readonly name: string;
  readonly symbol: string;
  totalSupply: bigint;
  balances: Map<Address, bigint>;
  /**
   * owner → spender → allowance. The inner maps are shared with committed states: replace a row,
   * never mutate it (see `approveInternal`).
   */
  allowances: Map<Address, ReadonlyMap<Address, bigint>>;
  /** CallbackToken only: armed with target = the market (the only target the harness uses). */
  armed: boolean;
  /** PausableToken only: every balance change reverts while true. */
  paused?: boolean;
  /** BlockListToken only: accounts that may neither send nor receive. Replaced, never mutated. */
  blocked?: ReadonlySet<Address>;
  /**
   * RebasingToken only: the shares behind the balances (`balances` and `totalSupply` are what they
   * give at the current index, kept in step). Replaced, never mutated.
   */
  shares?: ReadonlyMap<Address, bigint>;
  /** RebasingToken only: the sum of `shares`. */
  totalShares?: bigint;
  /** RebasingToken only: the inverse index, shares per base unit of balance. */
  sharesPerToken?: bigint;
  /** UpgradableToken only: the implementation in use (tokens/upgradable.ts `UPGRADABLE_VERSIONS`). */
  version?: number;
  /** RawSymbolToken only: the raw return data of `symbol()`. */
  readonly symbolData?: `0x${string}`;
  /**
   * TokenEntryPoint only: the MultiEntryToken whose ledger this address moves. Every call resolves to
   * that record (tokens/ledger.ts), so this record's own supply, balances and allowances stay empty.
   */
  readonly ledger?: Address;
}

/** One series, mirroring ISplitMarket.SeriesInfo. */
export interface SeriesRecord {
  readonly collateral: Address;
  readonly oracle: Address;
  readonly indexId: Bytes32;
  readonly strike: bigint;
  readonly expiry: bigint;
  readonly pToken: Address;
  readonly nToken: Address;
  locked: bigint;
  settled: boolean;
  settlementPrice: bigint;
}

/** One answer to an oracle question. */
export interface AnswerRecord {
  readonly answerer: Address;
  readonly value: bigint;
  readonly bond: bigint;
}

/** One oracle question, mirroring ISlowOracle.QuestionInfo plus its answers. */
export interface QuestionRecord {
  readonly indexId: Bytes32;
  readonly timestamp: bigint;
  answers: AnswerRecord[];
  lastAnswerAt: bigint;
  arbitrationPending: boolean;
  arbitrationUsed: boolean;
  arbitrationRequestedAt: bigint;
  finalized: boolean;
  finalValue: bigint;
}

/** Cumulative amounts of a token that the market received and sent (see flows.ts). */
export interface FlowRecord {
  readonly paidIn: bigint;
  readonly paidOut: bigint;
}

/** Everything that changes. Maps keep insertion order, which `observe` relies on only for readability. */
export interface State {
  readonly timestamp: bigint;
  readonly tokens: ReadonlyMap<Address, TokenRecord>;
  readonly series: ReadonlyMap<Bytes32, SeriesRecord>;
  readonly questions: ReadonlyMap<string, QuestionRecord>;
  readonly credits: ReadonlyMap<Address, bigint>;
  readonly flows: ReadonlyMap<Address, FlowRecord>;
}

/** Everything fixed at deployment. */
export interface Config {
  readonly market: Address;
  readonly oracle: OracleSetup;
  /** setup.actors ∪ {market, oracle}, without duplicates, in that order. */
  readonly observed: readonly Address[];
  /**
   * Every ledger with more than one address: the ledger's own address → all its addresses, itself
   * first (tokens/ledger.ts `ledgerGroups`). Fixed by the setup's declaration.
   */
  readonly ledgers: Readonly<Record<Address, readonly Address[]>>;
}

/** The key of a question: `${indexId}@${timestamp}`, the same as properties' `questionKey`. */
export function questionKeyOf(indexId: Bytes32, timestamp: bigint): string {
  return `${indexId}@${timestamp}`;
}
