import { bytesToHex } from '@ethereumjs/util';
import type { QuestionState, SeriesState, TokenState } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { ContractArtifact } from '../compile/artifacts.ts';
import { arrayBase, mappingValue, member, type SlotRef, structMembers, typeSlots, variable } from './layout.ts';
import type { JournaledState } from './state.ts';
import {
  arrayElementSlot,
  keyWord,
  mappingSlot,
  readField,
  readWord,
  slotKey,
  wordToAddress,
  wordToBytes32,
} from './storage-read.ts';

/** Where an OpenZeppelin ERC20's three variables live in one token contract's layout. */
export interface TokenSlots {
  balances: bigint;
  allowances: bigint;
  totalSupply: string;
}

/**
 * Reads the world's state straight from storage, by the variable and member names of the
 * compiled storage layouts: no EVM execution, so observing after every step stays cheap. Mapping
 * slots are hashed once per key and cached (the same accounts are read after every step).
 *
 * It trusts nothing but the layout: a renamed variable throws, and `observeViaCalls` (the public
 * views) cross-checks it in the tests.
 */
export class WorldReader {
  private readonly keys = new Map<string, string>();
  /** Per token layout: the slot keys of every observed balance and allowance, in observation order. */
  private readonly tables = new Map<TokenSlots, TokenTable>();
  /** Per series id: the slot key of each SeriesInfo field. */
  private readonly seriesKeys = new Map<string, Record<keyof SeriesState, string>>();
  private readonly tokenLayouts = new Map<string, TokenSlots>();
  private readonly market: MarketLayout;
  private readonly oracle: OracleLayout;

  constructor(
    private readonly state: JournaledState,
    market: ContractArtifact,
    oracle: ContractArtifact,
  ) {
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
      slots = {
        balances: variable(layout, name, '_balances').slot,
        allowances: variable(layout, name, '_allowances').slot,
        totalSupply: slotKey(variable(layout, name, '_totalSupply').slot),
      };
      this.tokenLayouts.set(id, slots);
    }
    return slots;
  }

  /**
   * A token's supply, and the balances and allowances of `accounts` (always the same list for a
   * host), reading precomputed slot keys straight from the token's storage map.
   */
  tokenState(token: Address, slots: TokenSlots, accounts: readonly Address[]): TokenState {
    let table = this.tables.get(slots);
    if (table === undefined) {
      table = {
        balances: accounts.map((a) => this.key1(slots.balances, a)),
        allowances: accounts.map((o) => accounts.map((s) => this.key2(slots.allowances, o, s))),
      };
      this.tables.set(slots, table);
    }
    const storage = this.state.storage.get(token);
    const balances: Record<Address, bigint> = {};
    const allowances: Record<Address, Record<Address, bigint>> = {};
    for (const [i, owner] of accounts.entries()) {
      balances[owner] = wordOf(storage?.get(table.balances[i] as string));
      const keys = table.allowances[i] as string[];
      const row: Record<Address, bigint> = {};
      for (const [j, spender] of accounts.entries()) row[spender] = wordOf(storage?.get(keys[j] as string));
      allowances[owner] = Object.freeze(row);
    }
    return Object.freeze({
      totalSupply: wordOf(storage?.get(slots.totalSupply)),
      balances: Object.freeze(balances),
      allowances: Object.freeze(allowances),
    });
  }

  /** SplitMarket's `_series[id]`, as `series(id)` reports it. */
  series(market: Address, id: Bytes32): SeriesState {
    let keys = this.seriesKeys.get(id);
    if (keys === undefined) {
      const at = BigInt(this.key1(this.market.base, id));
      const fields = this.market.fields;
      keys = Object.fromEntries(SERIES_FIELDS.map((f) => [f, slotKey(at + fields[f].slot)])) as Record<
        keyof SeriesState,
        string
      >;
      this.seriesKeys.set(id, keys);
    }
    const storage = this.state.storage.get(market);
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

  /** SlowOracle's question `(indexId, timestamp)` with all its answers. */
  question(oracle: Address, indexId: Bytes32, timestamp: bigint): QuestionState {
    const { base, fields, answer, answerSlots } = this.oracle;
    const at = BigInt(this.key2(base, indexId, timestamp));
    const read = (ref: SlotRef, from = at) => readField(this.state, oracle, from, ref);
    const count = read(fields.answers);
    const answers: QuestionState['answers'] = [];
    for (let i = 0n; i < count; i++) {
      const element = arrayElementSlot(at + fields.answers.slot, i, answerSlots);
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
  credit(oracle: Address, account: Address): bigint {
    return readWord(this.state, oracle, this.key1(this.oracle.credits, account));
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
