import { CowMap } from './cow-map.ts';
import type { AbiValue, EventLog } from './outcome.ts';
import type { Address, Bytes32 } from './primitives.ts';
import type { Config, FlowRecord, QuestionRecord, SeriesRecord, State, TokenRecord } from './state.ts';

/**
 * One action in flight: copy-on-write views of the committed state, the logs emitted so far, and
 * the market's reentrancy flag. A revert throws and the transaction is simply dropped, which makes
 * every action atomic, as in the EVM; success commits a new `State` that shares what was not written.
 */
export class Tx {
  readonly config: Config;
  readonly timestamp: bigint;
  readonly tokens: CowMap<Address, TokenRecord>;
  readonly series: CowMap<Bytes32, SeriesRecord>;
  readonly questions: CowMap<string, QuestionRecord>;
  readonly credits: CowMap<Address, bigint>;
  readonly flows: CowMap<Address, FlowRecord>;
  /** Logs in emission order. */
  readonly events: EventLog[] = [];
  /** The market's transient reentrancy guard (OpenZeppelin ReentrancyGuardTransient). */
  guardEntered = false;

  constructor(config: Config, base: State) {
    this.config = config;
    this.timestamp = base.timestamp;
    this.tokens = new CowMap(base.tokens, cloneToken);
    this.series = new CowMap(base.series, (s) => ({ ...s }));
    this.questions = new CowMap(base.questions, (q) => ({ ...q, answers: q.answers.slice() }));
    this.credits = new CowMap(base.credits, (c) => c);
    this.flows = new CowMap(base.flows, (f) => f);
  }

  /** Appends a log emitted by `address`; `args` are keyed by the Solidity parameter names. */
  emit(address: Address, name: string, args: Record<string, AbiValue>): void {
    this.events.push({ address, name, args });
  }

  /** The state after this transaction. */
  commit(): State {
    return {
      timestamp: this.timestamp,
      tokens: this.tokens.result(),
      series: this.series.result(),
      questions: this.questions.result(),
      credits: this.credits.result(),
      flows: this.flows.result(),
    };
  }
}

function cloneToken(token: TokenRecord): TokenRecord {
  return { ...token, balances: new Map(token.balances), allowances: new Map(token.allowances) };
}
