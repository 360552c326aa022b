import type { ObservedState, QuestionState, SeriesState } from '../../properties/observed-state.ts';
import { questionKey } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { TokenKind, WorldSetup } from '../../reference/setup.ts';

/** The index ids generated series and questions use. */
export const INDEX_IDS: Bytes32[] = [
  // bytes32("ETH/USD") and bytes32("CPI"), as Solidity writes string literals into bytes32.
  '0x4554482f55534400000000000000000000000000000000000000000000000000',
  '0x4350490000000000000000000000000000000000000000000000000000000000',
];

/** A series with its id. */
export interface SeriesEntry extends SeriesState {
  id: Bytes32;
}

/**
 * Read-only conveniences over one observed state and its setup, for the generator: who can act,
 * what each holds, which series and questions are in which phase.
 */
export class WorldView {
  readonly actors: Address[];
  readonly arbitrator: Address;
  readonly collaterals: { address: Address; kind: TokenKind }[];
  readonly series: SeriesEntry[];

  constructor(
    readonly setup: WorldSetup,
    readonly state: ObservedState,
  ) {
    this.arbitrator = setup.oracle.arbitrator;
    this.actors = setup.actors.filter((a) => a !== this.arbitrator);
    this.collaterals = setup.tokens
      .filter((t) => t.address !== setup.oracle.bondToken)
      .map((t) => ({ address: t.address, kind: t.kind }));
    this.series = Object.entries(state.series).map(([id, s]) => ({ ...s, id: id as Bytes32 }));
  }

  get now(): bigint {
    return this.state.timestamp;
  }

  balance(token: Address, account: Address): bigint {
    return this.state.tokens[token]?.balances[account] ?? 0n;
  }

  question(indexId: Bytes32, timestamp: bigint): QuestionState | undefined {
    return this.state.oracleState.questions[questionKey(indexId, timestamp)];
  }

  /** All questions with at least one answer. */
  questions(): QuestionState[] {
    return Object.values(this.state.oracleState.questions);
  }

  /** Whether a question accepts answers now (docs/design.md §3: open). */
  isOpen(q: QuestionState | undefined, timestamp: bigint): boolean {
    if (this.now < timestamp) return false;
    if (q === undefined) return true;
    if (q.finalized || q.arbitrationPending) return false;
    return this.now < q.lastAnswerAt + this.state.oracleState.liveness;
  }

  /** The question a series settles from. */
  seriesQuestion(s: SeriesEntry): QuestionState | undefined {
    return this.question(s.indexId, s.expiry);
  }

  /** The kind of a collateral token of the world; undefined for anything else (a claim, the market). */
  kindOf(token: Address): TokenKind | undefined {
    return this.collaterals.find((t) => t.address === token)?.kind;
  }

  /** Accounts (actors and arbitrator) holding some of `token`. */
  holders(token: Address): Address[] {
    return this.setup.actors.filter((a) => this.balance(token, a) > 0n);
  }
}
