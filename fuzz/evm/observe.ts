import type { ObservedState, QuestionState, SeriesState, TokenState } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { EvmHost } from './host.ts';

/**
 * What `observe` decoded last time, per contract, with the storage version it was read at: a
 * contract whose storage has not been written since is not read again. A step touches a few
 * contracts, so observing costs what changed, not the size of the world.
 */
export interface ObserveCache {
  tokens: Map<Address, { version: string; state: TokenState }>;
  series: { version: string; count: number; value: Readonly<Record<Bytes32, SeriesState>> } | undefined;
  oracle:
    | {
        version: string;
        count: number;
        questions: Readonly<Record<string, QuestionState>>;
        credits: Readonly<Record<Address, bigint>>;
      }
    | undefined;
}

/** An empty cache. */
export function emptyObserveCache(): ObserveCache {
  return { tokens: new Map(), series: undefined, oracle: undefined };
}

/**
 * The observed state (properties/observed-state.ts) read straight from the EVM's storage, with
 * the same keys in the same order as the model's `observe`: observed accounts are setup.actors,
 * the market and the oracle; tokens are the setup tokens then every claim token in creation
 * order, balances and allowances of every observed account zeros included; series in creation
 * order; questions with at least one answer; credits of every observed account; flows of every
 * token.
 *
 * Synchronous and call-free: it reads storage slots through the compiled layouts, and re-reads
 * only contracts whose storage was written since the last observation. Unchanged parts are shared
 * with earlier observed states and frozen: treat observed states as immutable values.
 */
export function observe(host: EvmHost): ObservedState {
  const { reader, observed, tracked, setup, observeCache: cache } = host;
  const state = host.chain.state;

  const tokens: Record<Address, TokenState> = {};
  for (const token of tracked.tokens) {
    const version = state.storageVersion(token);
    const cached = cache.tokens.get(token);
    if (cached !== undefined && cached.version === version) {
      tokens[token] = cached.state;
      continue;
    }
    const slots = host.tokenSlots.get(token);
    if (slots === undefined) throw new Error(`observe: no storage layout known for token ${token}`);
    const fresh = reader.tokenState(token, slots, observed);
    cache.tokens.set(token, { version, state: fresh });
    tokens[token] = fresh;
  }

  const marketVersion = state.storageVersion(setup.market);
  if (cache.series?.version !== marketVersion || cache.series.count !== tracked.series.length) {
    const series: Record<Bytes32, SeriesState> = {};
    for (const id of tracked.series) series[id] = Object.freeze(reader.series(setup.market, id));
    cache.series = { version: marketVersion, count: tracked.series.length, value: Object.freeze(series) };
  }

  const oracle = setup.oracle.address;
  const oracleVersion = state.storageVersion(oracle);
  if (cache.oracle?.version !== oracleVersion || cache.oracle.count !== tracked.questions.length) {
    const questions: Record<string, QuestionState> = {};
    for (const q of tracked.questions) questions[q.key] = deepFreeze(reader.question(oracle, q.indexId, q.timestamp));
    const credits: Record<Address, bigint> = {};
    for (const account of observed) credits[account] = reader.credit(oracle, account);
    cache.oracle = {
      version: oracleVersion,
      count: tracked.questions.length,
      questions: Object.freeze(questions),
      credits: Object.freeze(credits),
    };
  }

  const flows: Record<Address, { paidIn: bigint; paidOut: bigint }> = {};
  for (const [token, flow] of tracked.flows) flows[token] = { paidIn: flow.paidIn, paidOut: flow.paidOut };
  return {
    timestamp: host.chain.block.header.timestamp,
    market: setup.market,
    oracle,
    tokens,
    series: cache.series.value as Record<Bytes32, SeriesState>,
    oracleState: {
      ...host.oracleConfig,
      questions: cache.oracle.questions as Record<string, QuestionState>,
      credits: cache.oracle.credits as Record<Address, bigint>,
    },
    flows,
  };
}

function deepFreeze(question: QuestionState): QuestionState {
  for (const answer of question.answers) Object.freeze(answer);
  Object.freeze(question.answers);
  return Object.freeze(question);
}
