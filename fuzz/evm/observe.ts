import type { ObservedState, QuestionState, SeriesState, TokenState } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { EvmHost, Tracked } from './host.ts';
import { observedMetadata } from './metadata.ts';
import { nativeTokenState } from './native-balances.ts';
import type { SlotStore } from './state.ts';

/**
 * What `observe` decoded, per storage store (fuzz/evm/state.ts `SlotStore`) and the number of
 * writes the store had then. A store's contents change only by the writes it lists, and a
 * snapshot's stores are read-only (the live state copies a store on its next write, naming it as
 * the copy's base), so what was decoded from a store stays true of it, and a copy is decoded from
 * its base plus the keys it wrote. Observing after a step, or after restoring a snapshot, costs
 * what changed, not the size of the world.
 */
export interface ObserveCache {
  tokens: WeakMap<SlotStore, { length: number; state: TokenState }>;
  /** Tokens whose contract never wrote storage (all zeros), by address. */
  emptyTokens: Map<Address, TokenState>;
  market: WeakMap<
    SlotStore,
    {
      length: number;
      series: ReadonlyMap<Bytes32, SeriesState>;
      ids: readonly Bytes32[];
      value: Readonly<Record<Bytes32, SeriesState>>;
    }
  >;
  oracle: WeakMap<
    SlotStore,
    {
      length: number;
      count: number;
      questions: Readonly<Record<string, QuestionState>>;
      credits: Readonly<Record<Address, bigint>>;
    }
  >;
}

/** An empty cache. */
export function emptyObserveCache(): ObserveCache {
  return { tokens: new WeakMap(), emptyTokens: new Map(), market: new WeakMap(), oracle: new WeakMap() };
}

/** A store's ancestry is followed this far for something decoded before; past it, read afresh. */
const MAX_BASE_CHAIN = 64;

/**
 * The nearest decoded form of `store`'s contents: a cache entry of the store itself, or of a base
 * it was copied from, with every slot key written since (the base's later writes, then each
 * copy's). Undefined when none is found: decode the store from scratch.
 */
function nearest<E extends { length: number }>(
  cache: WeakMap<SlotStore, E>,
  store: SlotStore,
  usable: (entry: E) => boolean = () => true,
): { entry: E; since: string[] } | undefined {
  const copies: SlotStore[] = [];
  for (let at: SlotStore | undefined = store; at !== undefined && copies.length < MAX_BASE_CHAIN; at = at.base) {
    const entry = cache.get(at);
    if (entry !== undefined && usable(entry)) {
      const since = at.written.slice(entry.length);
      for (let i = copies.length - 1; i >= 0; i--) for (const key of (copies[i] as SlotStore).written) since.push(key);
      return { entry, since };
    }
    copies.push(at);
  }
  return undefined;
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
 * only what was written since it last decoded the same storage (see {@link ObserveCache}): for
 * a token, only the balances and allowance rows whose slots were written; for the market, only
 * the series whose slots were written. Unchanged parts are shared with earlier observed states
 * and deeply frozen: treat observed states as immutable values.
 */
export function observe(host: EvmHost): ObservedState {
  const { reader, observed, tracked, setup, observeCache: cache } = host;
  const state = host.chain.state;

  const tokens: Record<Address, TokenState> = {};
  for (const token of tracked.tokens) {
    // Native balances are account state, not storage: read afresh every time (a few accounts).
    const nativeSupply = host.nativeTokens?.get(token);
    if (nativeSupply !== undefined) {
      tokens[token] = nativeTokenState(host.chain, nativeSupply, observed);
      continue;
    }
    const slots = host.tokenSlots.get(token);
    if (slots === undefined) throw new Error(`observe: no storage layout known for token ${token}`);
    // An entry point's balances are in its ledger's storage.
    const store = state.storeOf(host.ledgerOf.get(token) ?? token);
    if (store === undefined) {
      let empty = cache.emptyTokens.get(token);
      if (empty === undefined) {
        empty = reader.tokenState(undefined, slots, observed);
        cache.emptyTokens.set(token, empty);
      }
      tokens[token] = empty;
      continue;
    }
    const cached = cache.tokens.get(store);
    if (cached !== undefined && cached.length === store.written.length) {
      tokens[token] = cached.state; // nothing written since: the common case
      continue;
    }
    const found = nearest(cache.tokens, store);
    const fresh =
      found === undefined
        ? reader.tokenState(store.slots, slots, observed)
        : reader.tokenUpdate(found.entry.state, store.slots, slots, observed, found.since, 0);
    cache.tokens.set(store, { length: store.written.length, state: fresh });
    tokens[token] = fresh;
  }

  const series = observeSeries(host);

  const oracle = setup.oracle.address;
  const oracleStore = state.storeOf(oracle);
  const count = tracked.questions.length;
  // Questions hold arrays whose slots depend on their lengths: any write since re-reads them all.
  const own = oracleStore === undefined ? undefined : cache.oracle.get(oracleStore);
  const unchanged = own !== undefined && own.count === count && own.length === oracleStore?.written.length;
  const found =
    unchanged || oracleStore === undefined ? undefined : nearest(cache.oracle, oracleStore, (e) => e.count === count);
  let oracleEntry = unchanged ? own : found?.since.length === 0 ? found.entry : undefined;
  if (oracleEntry === undefined) {
    const slots = oracleStore?.slots;
    const questions: Record<string, QuestionState> = {};
    for (const q of tracked.questions) questions[q.key] = deepFreeze(reader.question(slots, q.indexId, q.timestamp));
    const credits: Record<Address, bigint> = {};
    for (const account of observed) credits[account] = reader.credit(slots, account);
    oracleEntry = { length: 0, count, questions: Object.freeze(questions), credits: Object.freeze(credits) };
  }
  if (oracleStore !== undefined && !unchanged)
    cache.oracle.set(oracleStore, { ...oracleEntry, length: oracleStore.written.length });

  return {
    timestamp: host.chain.block.header.timestamp,
    market: setup.market,
    oracle,
    tokens,
    ledgers: host.ledgers,
    metadata: observedMetadata(tracked),
    series: series as Record<Bytes32, SeriesState>,
    oracleState: {
      ...host.oracleConfig,
      questions: oracleEntry.questions as Record<string, QuestionState>,
      credits: oracleEntry.credits as Record<Address, bigint>,
    },
    flows: observedFlows(tracked),
  };
}

/** The flows as observed, built once per change of `tracked.flows` (trackEvents clears it). */
function observedFlows(tracked: Tracked): Record<Address, { paidIn: bigint; paidOut: bigint }> {
  if (tracked.observedFlows === undefined) {
    const flows: Record<Address, { paidIn: bigint; paidOut: bigint }> = {};
    for (const [token, flow] of tracked.flows)
      flows[token] = Object.freeze({ paidIn: flow.paidIn, paidOut: flow.paidOut });
    tracked.observedFlows = Object.freeze(flows);
  }
  return tracked.observedFlows as Record<Address, { paidIn: bigint; paidOut: bigint }>;
}

/**
 * Every tracked series, in creation order: a series is read again only if one of its slots was
 * written since the market's storage was last decoded (or it was not decoded then).
 */
function observeSeries(host: EvmHost): Readonly<Record<Bytes32, SeriesState>> {
  const { reader, tracked, observeCache: cache } = host;
  const store = host.chain.state.storeOf(host.setup.market);
  const ids = tracked.series;
  const own = store === undefined ? undefined : cache.market.get(store);
  if (own !== undefined && own.length === store?.written.length && sameIds(own.ids, ids)) return own.value;
  const found = store === undefined ? undefined : nearest(cache.market, store);
  if (found !== undefined && found.since.length === 0 && sameIds(found.entry.ids, ids)) {
    if (store !== undefined && found.entry.length !== store.written.length)
      cache.market.set(store, { ...found.entry, length: store.written.length });
    return found.entry.value;
  }
  const dirty = new Set<Bytes32>();
  for (const key of found?.since ?? []) {
    const id = reader.seriesOfSlot(key);
    if (id !== undefined) dirty.add(id);
  }
  const known = found?.entry.series;
  const series = new Map<Bytes32, SeriesState>();
  const value: Record<Bytes32, SeriesState> = {};
  for (const id of ids) {
    let one = dirty.has(id) ? undefined : known?.get(id);
    if (one === undefined) one = Object.freeze(reader.series(store?.slots, id));
    series.set(id, one);
    value[id] = one;
  }
  const entry = { length: store?.written.length ?? 0, series, ids: [...ids], value: Object.freeze(value) };
  if (store !== undefined) cache.market.set(store, entry);
  return entry.value;
}

function sameIds(a: readonly Bytes32[], b: readonly Bytes32[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function deepFreeze(question: QuestionState): QuestionState {
  for (const answer of question.answers) Object.freeze(answer);
  Object.freeze(question.answers);
  return Object.freeze(question);
}
