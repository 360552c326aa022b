import { bytesToHex } from '@ethereumjs/util';
import type { QuestionState, SeriesState, TokenState } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { ContractArtifact } from '../compile/artifacts.ts';
import { arrayBase, mappingValue, member, type SlotRef, structMembers, typeSlots, variable } from './layout.ts';
import {
  arrayElementSlot,
  keyWord,
  mappingSlot,
  readField,
  readWord,
  type Slots,
  slotKey,
  wordToAddress,
  wordToBytes32,
} from './storage-read.ts';

/**
 * Where an OpenZeppelin ERC20's three variables live in one token contract's layout. A
 * RebasingToken keeps shares where balances would be: `balances` and `totalSupply` are then its
 * `_shares` and `_totalShares`, each divided by the word at `sharesPerToken` as the token's views do.
 */
export interface TokenSlots {
  balances: bigint;
  allowances: bigint;
  totalSupply: string;
  /** RebasingToken only: the slot key of `sharesPerToken`, the divisor of every balance. */
  sharesPerToken?: string;
}

/**
 * Reads the world's state straight from storage (one account's slots at a time), by the variable
 * and member names of the compiled storage layouts: no EVM execution, so observing after every
 * step stays cheap. Mapping slots are hashed once per key and cached (the same accounts are read
 * after every step), and a token can be updated from the slot keys written since it was read.
 *
 * It trusts nothing but the layout: a renamed variable throws, and `observeViaCalls` (the public
 * views) cross-checks it in the tests.
 */
export class WorldReader {
  private readonly keys = new Map<string, string>();
  /** First slot of a dynamic array's elements, by the slot of its length. */
  private readonly arrayStarts = new Map<bigint, bigint>();
  /** Per token layout: the slot keys of every observed balance and allowance, in observation order. */
  private readonly tables = new Map<TokenSlots, TokenTable>();
  /** Per series id: the slot key of each SeriesInfo field. */
  private readonly seriesKeys = new Map<string, Record<keyof SeriesState, string>>();
  /** Slot key → the series whose fields it holds, for every series read so far. */
  private readonly seriesBySlot = new Map<string, Bytes32>();
  private readonly tokenLayouts = new Map<string, TokenSlots>();
  private readonly market: MarketLayout;
  private readonly oracle: OracleLayout;

  constructor(market: ContractArtifact, oracle: ContractArtifact) {
    this.market = marketLayout(market);
    this.oracle = oracleLayout(oracle);
  }

  /** The ERC20 slots of a token contract (cached per artifact). */
  tokenSlots(artifact: ContractArtifact): TokenSlots {
    const id = `${artifact.sourceName}:${artifact.contractName}`;
    let slots = this.tokenLayouts.get(id);
    if (slots === undefined) {
      const layout = artifact.storageLayout;
      const name = artifact.contractName;
      const rebasing = layout.storage.some((s) => s.label === 'sharesPerToken');
      slots = {
        balances: variable(layout, name, rebasing ? '_shares' : '_balances').slot,
        allowances: variable(layout, name, '_allowances').slot,
        totalSupply: slotKey(variable(layout, name, rebasing ? '_totalShares' : '_totalSupply').slot),
        ...(rebasing ? { sharesPerToken: slotKey(variable(layout, name, 'sharesPerToken').slot) } : {}),
      };
      this.tokenLayouts.set(id, slots);
    }
    return slots;
  }

  /**
   * A token's supply, and the balances and allowances of `accounts` (always the same list for a
   * reader), reading precomputed slot keys from the token's slots. Deeply frozen.
   */
  tokenState(storage: Slots, slots: TokenSlots, accounts: readonly Address[]): TokenState {
    const table = this.table(slots, accounts);
    const per = perUnit(storage, slots);
    const balances: Record<Address, bigint> = {};
    const allowances: Record<Address, Record<Address, bigint>> = {};
    for (const [i, owner] of accounts.entries()) {
      balances[owner] = wordOf(storage?.get(table.balances[i] as string)) / per;
      allowances[owner] = allowanceRow(storage, table.allowances[i] as string[], accounts);
    }
    return Object.freeze({
      totalSupply: wordOf(storage?.get(slots.totalSupply)) / per,
      balances: Object.freeze(balances),
      allowances: Object.freeze(allowances),
    });
  }

  /**
   * `previous` (what {@link tokenState} gave for these slots earlier) brought up to date after
   * writes to the slot keys `written`: only the supply, balances and allowance rows those keys
   * hold are read again; everything else is shared with `previous`. Keys of unobserved accounts
   * or other variables change nothing observed and are skipped. The same as a full `tokenState`
   * of `storage`, provided `written` lists every key written since `previous` was read.
   */
  tokenUpdate(
    previous: TokenState,
    storage: Slots,
    slots: TokenSlots,
    accounts: readonly Address[],
    written: readonly string[],
    from: number,
  ): TokenState {
    const table = this.table(slots, accounts);
    const n = accounts.length;
    let supply = false;
    let balances = false;
    const rows = new Set<number>();
    for (let k = from; k < written.length; k++) {
      const code = table.bySlot.get(written[k] as string);
      if (code === undefined) continue;
      if (code === SUPPLY) supply = true;
      else if (code === PER_UNIT) {
        supply = true;
        balances = true;
      } else if (code < n) balances = true;
      else rows.add(Math.floor((code - n) / n));
    }
    if (!supply && !balances && rows.size === 0) return previous;
    const per = perUnit(storage, slots);
    let newBalances = previous.balances;
    if (balances) {
      const fresh: Record<Address, bigint> = {};
      for (const [i, owner] of accounts.entries())
        fresh[owner] = wordOf(storage?.get(table.balances[i] as string)) / per;
      newBalances = Object.freeze(fresh);
    }
    let newAllowances = previous.allowances;
    if (rows.size > 0) {
      const fresh: Record<Address, Record<Address, bigint>> = {};
      for (const [i, owner] of accounts.entries()) {
        fresh[owner] = rows.has(i)
          ? allowanceRow(storage, table.allowances[i] as string[], accounts)
          : (previous.allowances[owner] as Record<Address, bigint>);
      }
      newAllowances = Object.freeze(fresh);
    }
    return Object.freeze({
      totalSupply: supply ? wordOf(storage?.get(slots.totalSupply)) / per : previous.totalSupply,
      balances: newBalances,
      allowances: newAllowances,
    });
  }

  private table(slots: TokenSlots, accounts: readonly Address[]): TokenTable {
    let table = this.tables.get(slots);
    if (table === undefined) {
      const n = accounts.length;
      const balances = accounts.map((a) => this.key1(slots.balances, a));
      const allowances = accounts.map((o) => accounts.map((s) => this.key2(slots.allowances, o, s)));
      const bySlot = new Map<string, number>([[slots.totalSupply, SUPPLY]]);
      // A rebase writes only the divisor, and moves every balance and the supply.
      if (slots.sharesPerToken !== undefined) bySlot.set(slots.sharesPerToken, PER_UNIT);
      for (const [i, key] of balances.entries()) bySlot.set(key, i);
      for (const [i, row] of allowances.entries()) for (const [j, key] of row.entries()) bySlot.set(key, n + i * n + j);
      table = { balances, allowances, bySlot };
      this.tables.set(slots, table);
    }
    return table;
  }

  /** SplitMarket's `_series[id]`, as `series(id)` reports it. */
  series(storage: Slots, id: Bytes32): SeriesState {
    let keys = this.seriesKeys.get(id);
    if (keys === undefined) {
      const at = BigInt(this.key1(this.market.base, id));
      const fields = this.market.fields;
      keys = Object.fromEntries(SERIES_FIELDS.map((f) => [f, slotKey(at + fields[f].slot)])) as Record<
        keyof SeriesState,
        string
      >;
      this.seriesKeys.set(id, keys);
      for (const key of Object.values(keys)) this.seriesBySlot.set(key, id);
    }
    const { fields } = this.market;
    const read = (field: keyof SeriesState) => fieldOf(wordOf(storage?.get(keys[field])), fields[field]);
    return {
      collateral: wordToAddress(read('collateral')),
      oracle: wordToAddress(read('oracle')),
      indexId: wordToBytes32(read('indexId')),
      strike: read('strike'),
      expiry: read('expiry'),
      pToken: wordToAddress(read('pToken')),
      nToken: wordToAddress(read('nToken')),
      locked: read('locked'),
      settled: read('settled') !== 0n,
      settlementPrice: read('settlementPrice'),
    };
  }

  /** The series a market slot key holds a field of, if it is one of a series read before. */
  seriesOfSlot(key: string): Bytes32 | undefined {
    return this.seriesBySlot.get(key);
  }

  /** SlowOracle's question `(indexId, timestamp)` with all its answers. */
  question(storage: Slots, indexId: Bytes32, timestamp: bigint): QuestionState {
    const { base, fields, answer, answerSlots } = this.oracle;
    const at = BigInt(this.key2(base, indexId, timestamp));
    const read = (ref: SlotRef, from = at) => readField(storage, from, ref);
    const count = read(fields.answers);
    const answers: QuestionState['answers'] = [];
    const lengthSlot = at + fields.answers.slot;
    let start = this.arrayStarts.get(lengthSlot);
    if (start === undefined) {
      start = arrayElementSlot(lengthSlot, 0n, answerSlots);
      this.arrayStarts.set(lengthSlot, start);
    }
    for (let i = 0n; i < count; i++) {
      const element = start + i * answerSlots;
      answers.push({
        answerer: wordToAddress(read(answer.answerer, element)),
        value: read(answer.value, element),
        bond: read(answer.bond, element),
      });
    }
    return {
      indexId,
      timestamp,
      answers,
      lastAnswerAt: read(fields.lastAnswerAt),
      arbitrationPending: read(fields.arbitrationPending) !== 0n,
      arbitrationUsed: read(fields.arbitrationUsed) !== 0n,
      arbitrationRequestedAt: read(fields.arbitrationRequestedAt),
      finalized: read(fields.finalized) !== 0n,
      finalValue: read(fields.finalValue),
    };
  }

  /** SlowOracle's `credits(account)`. */
  credit(storage: Slots, account: Address): bigint {
    return readWord(storage, this.key1(this.oracle.credits, account));
  }

  /** Slot key of `mapping[a]` at `base`, cached. */
  private key1(base: bigint, a: string | bigint): string {
    const id = `${base}:${a}`;
    let key = this.keys.get(id);
    if (key === undefined) {
      key = slotKey(mappingSlot(keyWord(a), base));
      this.keys.set(id, key);
    }
    return key;
  }

  /** Slot key of `mapping[a][b]` at `base`, cached. */
  private key2(base: bigint, a: string | bigint, b: string | bigint): string {
    const id = `${base}:${a}:${b}`;
    let key = this.keys.get(id);
    if (key === undefined) {
      key = slotKey(mappingSlot(keyWord(b), BigInt(this.key1(base, a))));
      this.keys.set(id, key);
    }
    return key;
  }
}

interface TokenTable {
  balances: string[];
  allowances: string[][];
  /** Slot key → what it holds: {@link SUPPLY}, balance i (i < n), or allowance (i, j) as n + i·n + j. */
  bySlot: Map<string, number>;
}

const SUPPLY = -1;
/** The table code of a RebasingToken's `sharesPerToken` slot. */
const PER_UNIT = -2;

/**
 * What balances and the supply are divided by: 1 for an ERC20, a RebasingToken's `sharesPerToken`
 * (1 too while its storage is empty, where every balance is 0 anyway).
 */
function perUnit(storage: Slots, slots: TokenSlots): bigint {
  if (slots.sharesPerToken === undefined) return 1n;
  const per = wordOf(storage?.get(slots.sharesPerToken));
  return per === 0n ? 1n : per;
}

function allowanceRow(storage: Slots, keys: readonly string[], accounts: readonly Address[]): Record<Address, bigint> {
  const row: Record<Address, bigint> = {};
  for (const [j, spender] of accounts.entries()) row[spender] = wordOf(storage?.get(keys[j] as string));
  return Object.freeze(row);
}

/** A storage value (minimal big-endian bytes; absent or empty is 0) as a bigint. */
function wordOf(value: Uint8Array | undefined): bigint {
  return value === undefined || value.length === 0 ? 0n : BigInt(bytesToHex(value));
}

/** The packed field `ref` of a slot's word. */
function fieldOf(word: bigint, ref: SlotRef): bigint {
  if (ref.offset === 0 && ref.bytes === 32) return word;
  return (word >> BigInt(8 * ref.offset)) & ((1n << BigInt(8 * ref.bytes)) - 1n);
}

interface MarketLayout {
  base: bigint;
  fields: Record<keyof SeriesState, SlotRef>;
}

interface OracleLayout {
  credits: bigint;
  base: bigint;
  fields: Record<Exclude<keyof QuestionState, 'indexId' | 'timestamp'>, SlotRef>;
  answer: Record<'answerer' | 'value' | 'bond', SlotRef>;
  answerSlots: bigint;
}

const SERIES_FIELDS = [
  'collateral',
  'oracle',
  'indexId',
  'strike',
  'expiry',
  'pToken',
  'nToken',
  'locked',
  'settled',
  'settlementPrice',
] as const;

const QUESTION_FIELDS = [
  'answers',
  'lastAnswerAt',
  'arbitrationPending',
  'arbitrationUsed',
  'arbitrationRequestedAt',
  'finalized',
  'finalValue',
] as const;

function marketLayout(artifact: ContractArtifact): MarketLayout {
  const layout = artifact.storageLayout;
  const name = artifact.contractName;
  const series = variable(layout, name, '_series');
  const members = structMembers(layout, name, mappingValue(layout, name, series.type));
  const fields = Object.fromEntries(SERIES_FIELDS.map((f) => [f, member(members, name, f)]));
  return { base: series.slot, fields: fields as MarketLayout['fields'] };
}

function oracleLayout(artifact: ContractArtifact): OracleLayout {
  const layout = artifact.storageLayout;
  const name = artifact.contractName;
  const questions = variable(layout, name, '_questions');
  const questionType = mappingValue(layout, name, mappingValue(layout, name, questions.type));
  const members = structMembers(layout, name, questionType);
  const fields = Object.fromEntries(QUESTION_FIELDS.map((f) => [f, member(members, name, f)]));
  const answerType = arrayBase(layout, name, member(members, name, 'answers').type);
  const answerMembers = structMembers(layout, name, answerType);
  return {
    credits: variable(layout, name, 'credits').slot,
    base: questions.slot,
    fields: fields as OracleLayout['fields'],
    answer: {
      answerer: member(answerMembers, name, 'answerer'),
      value: member(answerMembers, name, 'value'),
      bond: member(answerMembers, name, 'bond'),
    },
    answerSlots: typeSlots(layout, answerType),
  };
}
