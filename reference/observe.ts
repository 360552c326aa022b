import type {
  ObservedState,
  QuestionState,
  SeriesState,
  TokenMetadata,
  TokenState,
} from '../properties/observed-state.ts';
import type { Address, Bytes32 } from './primitives.ts';
import type { FlowRecord, QuestionRecord, SeriesRecord, TokenRecord } from './state.ts';
import type { World } from './world.ts';

/**
 * The world as the properties see it (`properties/observed-state.ts`).
 * - observed accounts: setup.actors ∪ {market, oracle};
 * - `tokens`: every ERC-20 (setup tokens, then claim tokens in creation order), with balances of
 *   every observed account and allowances of every observed owner to every observed spender, zeros
 *   included; an entry point's are its ledger's;
 * - `ledgers`: the ledgers the setup gives more than one address (tokens/ledger.ts `ledgerGroups`);
 * - `series`: every created series; `oracleState.questions`: every question with ≥ 1 answer;
 *   `oracleState.credits`: every observed account, zeros included;
 * - `flows`: every token of `tokens` (including the bond token and claim tokens), where `paidIn` /
 *   `paidOut` sum the token's Transfer logs to / from the market since deployment, setup mints
 *   included (see flows.ts).
 *
 * The model's state is persistent (a committed record, map or allowance row is never changed
 * again, see tx.ts), so the observed form of each is built once and shared by every later
 * observation that still holds it: observing costs what the last actions changed. The parts are
 * deeply frozen; treat the whole result as an immutable value.
 */
export function observe(world: World): ObservedState {
  const { config, state } = world;
  const cache = cacheFor(config.observed);
  const tokens: Record<Address, TokenState> = {};
  for (const [address, token] of state.tokens) {
    // An entry point shows its ledger's balances, allowances and supply (tokens/ledger.ts).
    const ledger = token.ledger === undefined ? token : state.tokens.get(token.ledger);
    tokens[address] = tokenState(cache, ledger ?? token);
  }
  const { address: oracle, ...oracleConfig } = config.oracle;
  return {
    timestamp: state.timestamp,
    market: config.market,
    oracle,
    tokens,
    ledgers: config.ledgers,
    metadata: derived(cache.metadata, state.tokens, () => {
      const metadata: Record<Address, TokenMetadata> = {};
      for (const [address, token] of state.tokens) metadata[address] = tokenMetadata(cache, token);
      return Object.freeze(metadata);
    }),
    series: derived(cache.series, state.series, () => {
      const series: Record<Bytes32, SeriesState> = {};
      for (const [id, s] of state.series) series[id] = derived(cache.seriesRecords, s, () => Object.freeze({ ...s }));
      return Object.freeze(series);
    }),
    oracleState: {
      ...oracleConfig,
      questions: derived(cache.questions, state.questions, () => {
        const questions: Record<string, QuestionState> = {};
        for (const [key, q] of state.questions)
          questions[key] = derived(cache.questionRecords, q, () => frozenQuestion(q));
        return Object.freeze(questions);
      }),
      credits: derived(cache.credits, state.credits, () => {
        const credits: Record<Address, bigint> = {};
        for (const account of cache.accounts) credits[account] = state.credits.get(account) ?? 0n;
        return Object.freeze(credits);
      }),
    },
    flows: derived(cache.flows, state.flows, () => {
      const flows: Record<Address, { paidIn: bigint; paidOut: bigint }> = {};
      for (const [token, flow] of state.flows)
        flows[token] = Object.freeze({ paidIn: flow.paidIn, paidOut: flow.paidOut });
      return Object.freeze(flows);
    }),
  };
}

/** Observed forms already built, by the persistent value they were built from. */
interface ObserveCache {
  accounts: readonly Address[];
  tokens: WeakMap<TokenRecord, TokenState>;
  /** The metadata record, by the token map it lists (rebuilt when the map changes; cheap). */
  metadata: WeakMap<ReadonlyMap<Address, TokenRecord>, Record<Address, TokenMetadata>>;
  /**
   * One frozen metadata value per distinct (name, symbol, decimals): a token record is copied
   * whenever a balance changes, but its metadata never does, so D1 meets the same frozen pair.
   */
  metadataValues: Map<string, TokenMetadata>;
  /** Allowance rows (owner → spender → amount) by the model's row map. */
  rows: WeakMap<ReadonlyMap<Address, bigint>, Readonly<Record<Address, bigint>>>;
  /** The row of an owner that granted nothing. */
  zeroRow: Readonly<Record<Address, bigint>>;
  series: WeakMap<ReadonlyMap<Bytes32, SeriesRecord>, Record<Bytes32, SeriesState>>;
  seriesRecords: WeakMap<SeriesRecord, SeriesState>;
  questions: WeakMap<ReadonlyMap<string, QuestionRecord>, Record<string, QuestionState>>;
  questionRecords: WeakMap<QuestionRecord, QuestionState>;
  credits: WeakMap<ReadonlyMap<Address, bigint>, Record<Address, bigint>>;
  flows: WeakMap<ReadonlyMap<Address, FlowRecord>, Record<Address, { paidIn: bigint; paidOut: bigint }>>;
}

/** One cache per observed-account list (one per world): the same record observes alike only for the same accounts. */
const caches = new WeakMap<readonly Address[], ObserveCache>();

function cacheFor(accounts: readonly Address[]): ObserveCache {
  let cache = caches.get(accounts);
  if (cache === undefined) {
    const zeroRow: Record<Address, bigint> = {};
    for (const spender of accounts) zeroRow[spender] = 0n;
    cache = {
      accounts,
      tokens: new WeakMap(),
      metadata: new WeakMap(),
      metadataValues: new Map(),
      rows: new WeakMap(),
      zeroRow: Object.freeze(zeroRow),
      series: new WeakMap(),
      seriesRecords: new WeakMap(),
      questions: new WeakMap(),
      questionRecords: new WeakMap(),
      credits: new WeakMap(),
      flows: new WeakMap(),
    };
    caches.set(accounts, cache);
  }
  return cache;
}

/** The value built from `source` before, or a new one built now and kept for next time. */
function derived<K extends object, V>(cache: WeakMap<K, V>, source: K, build: () => V): V {
  let value = cache.get(source);
  if (value === undefined) {
    value = build();
    cache.set(source, value);
  }
  return value;
}

function tokenMetadata(cache: ObserveCache, token: TokenRecord): TokenMetadata {
  const key = `${token.decimals}\u0000${token.symbol}\u0000${token.name}`;
  let value = cache.metadataValues.get(key);
  if (value === undefined) {
    value = Object.freeze({ name: token.name, symbol: token.symbol, decimals: token.decimals });
    cache.metadataValues.set(key, value);
  }
  return value;
}

function tokenState(cache: ObserveCache, token: TokenRecord): TokenState {
  return derived(cache.tokens, token, () => {
    const balances: Record<Address, bigint> = {};
    const allowances: Record<Address, Record<Address, bigint>> = {};
    for (const owner of cache.accounts) {
      balances[owner] = token.balances.get(owner) ?? 0n;
      const granted = token.allowances.get(owner);
      allowances[owner] =
        granted === undefined ? cache.zeroRow : derived(cache.rows, granted, () => row(cache, granted));
    }
    return Object.freeze({
      totalSupply: token.totalSupply,
      balances: Object.freeze(balances),
      allowances: Object.freeze(allowances),
    });
  });
}

function row(cache: ObserveCache, granted: ReadonlyMap<Address, bigint>): Readonly<Record<Address, bigint>> {
  const row: Record<Address, bigint> = {};
  for (const spender of cache.accounts) row[spender] = granted.get(spender) ?? 0n;
  return Object.freeze(row);
}

function frozenQuestion(q: QuestionRecord): QuestionState {
  const answers = q.answers.map((a) => Object.freeze({ ...a }));
  Object.freeze(answers);
  return Object.freeze({ ...q, answers });
}
