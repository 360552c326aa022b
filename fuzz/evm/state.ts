import type { AccountFields, StateManagerInterface } from '@ethereumjs/common';
import { OriginalStorageCache } from '@ethereumjs/statemanager';
import { Account, bytesToHex, type Address as EthAddress, KECCAK256_NULL } from '@ethereumjs/util';
import { keccak_256 } from '@noble/hashes/sha3.js';

/** One undone write: the map, the key, and what the key held before (absent when `had` is false). */
interface Undo {
  map: Map<string, unknown>;
  key: string;
  had: boolean;
  prev: unknown;
}

/**
 * An in-memory state with an undo log instead of copies.
 *
 * `SimpleStateManager` copies every account, code and storage map on each checkpoint, and the EVM
 * checkpoints on every call frame, so its cost grows with the world. Here a checkpoint pushes an
 * empty undo list, a write records the value it replaces, `commit` hands the list to the frame
 * below and `revert` plays it backwards: every operation costs what it changes, not what exists.
 *
 * Snapshots ({@link JournaledState.snapshot}) are plain copies taken between calls.
 *
 * Accounts are copied on the way in and out because the EVM mutates the `Account` it read before
 * writing it back; storage values are never mutated in place and are shared.
 */
export class JournaledState implements StateManagerInterface {
  readonly accounts = new Map<string, Account | undefined>();
  readonly code = new Map<string, Uint8Array>();
  /** address → slot (0x-hex, 32 bytes) → minimal big-endian value (empty for zero). */
  readonly storage = new Map<string, Map<string, Uint8Array>>();
  originalStorageCache: OriginalStorageCache;
  private readonly frames: Undo[][] = [];
  /** Storage writes per address since creation; with `epoch`, tells readers what may have changed. */
  private readonly writes = new Map<string, number>();
  /** Bumped by every restore, which may change any slot. */
  private epoch = 0;

  constructor() {
    this.originalStorageCache = new OriginalStorageCache(this.getStorage.bind(this));
  }

  private record(map: Map<string, unknown>, key: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame !== undefined) frame.push({ map, key, had: map.has(key), prev: map.get(key) });
  }

  async getAccount(address: EthAddress): Promise<Account | undefined> {
    const account = this.accounts.get(address.toString());
    return account === undefined ? undefined : copyAccount(account);
  }

  async putAccount(address: EthAddress, account?: Account): Promise<void> {
    const key = address.toString();
    this.record(this.accounts as Map<string, unknown>, key);
    this.accounts.set(key, account === undefined ? undefined : copyAccount(account));
  }

  async deleteAccount(address: EthAddress): Promise<void> {
    await this.putAccount(address, undefined);
  }

  async modifyAccountFields(address: EthAddress, fields: AccountFields): Promise<void> {
    const account = (await this.getAccount(address)) ?? new Account();
    account.nonce = fields.nonce ?? account.nonce;
    account.balance = fields.balance ?? account.balance;
    account.storageRoot = fields.storageRoot ?? account.storageRoot;
    account.codeHash = fields.codeHash ?? account.codeHash;
    account.codeSize = fields.codeSize ?? account.codeSize;
    await this.putAccount(address, account);
  }

  async getCode(address: EthAddress): Promise<Uint8Array> {
    return this.code.get(address.toString()) ?? new Uint8Array(0);
  }

  async putCode(address: EthAddress, value: Uint8Array): Promise<void> {
    const key = address.toString();
    this.record(this.code as Map<string, unknown>, key);
    this.code.set(key, value);
    await this.modifyAccountFields(address, { codeHash: value.length === 0 ? KECCAK256_NULL : keccak_256(value) });
  }

  async getCodeSize(address: EthAddress): Promise<number> {
    return (await this.getCode(address)).length;
  }

  async getStorage(address: EthAddress, key: Uint8Array): Promise<Uint8Array> {
    return this.storage.get(address.toString())?.get(bytesToHex(key)) ?? EMPTY;
  }

  async putStorage(address: EthAddress, key: Uint8Array, value: Uint8Array): Promise<void> {
    const hex = address.toString();
    this.writes.set(hex, (this.writes.get(hex) ?? 0) + 1);
    const slots = this.slotsOf(hex);
    const slot = bytesToHex(key);
    this.record(slots as Map<string, unknown>, slot);
    slots.set(slot, value);
  }

  async clearStorage(address: EthAddress): Promise<void> {
    const key = address.toString();
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    this.record(this.storage as Map<string, unknown>, key);
    this.storage.set(key, new Map());
  }

  /**
   * A token that changes whenever the storage of `address` may have changed (a write, even one
   * later reverted, or any restore): equal tokens mean equal storage, so a reader may reuse what it
   * decoded before.
   */
  storageVersion(address: string): string {
    return `${this.epoch}:${this.writes.get(address) ?? 0}`;
  }

  /** The raw value of a slot, synchronously: for observers that read storage directly. */
  peekStorage(address: string, slot: string): Uint8Array | undefined {
    return this.storage.get(address)?.get(slot);
  }

  private slotsOf(address: string): Map<string, Uint8Array> {
    let slots = this.storage.get(address);
    if (slots === undefined) {
      slots = new Map();
      // Creating the inner map is itself a write: reverting it must not leave a stale empty map
      // that a later clearStorage record would capture, so it is journaled like any other.
      this.record(this.storage as Map<string, unknown>, address);
      this.storage.set(address, slots);
    }
    return slots;
  }

  async checkpoint(): Promise<void> {
    this.frames.push([]);
  }

  async commit(): Promise<void> {
    const top = this.frames.pop();
    if (top === undefined) throw new Error('JournaledState.commit without a checkpoint');
    const parent = this.frames[this.frames.length - 1];
    if (parent !== undefined) for (const undo of top) parent.push(undo);
  }

  async revert(): Promise<void> {
    const top = this.frames.pop();
    if (top === undefined) throw new Error('JournaledState.revert without a checkpoint');
    undoAll(top);
  }

  /** Open frames (EVM checkpoints not yet committed or reverted). */
  get depth(): number {
    return this.frames.length;
  }

  /** Reverts open frames down to `depth`: recovery after the EVM threw mid-call. */
  async revertTo(depth: number): Promise<void> {
    while (this.frames.length > depth) await this.revert();
  }

  /**
   * A copy of the whole state, taken between calls (no frame open). Snapshots are immutable, so
   * one may be restored any number of times and in any order.
   */
  snapshot(): StateSnapshot {
    if (this.frames.length !== 0)
      throw new Error('JournaledState.snapshot: a frame is open; snapshot between calls only');
    const accounts = new Map<string, Account | undefined>();
    for (const [key, account] of this.accounts)
      accounts.set(key, account === undefined ? undefined : copyAccount(account));
    const storage = new Map<string, Map<string, Uint8Array>>();
    for (const [key, slots] of this.storage) storage.set(key, new Map(slots));
    return { accounts, code: new Map(this.code), storage };
  }

  /** Replaces the whole state by a copy of `saved` (which stays valid). */
  restore(saved: StateSnapshot): void {
    if (this.frames.length !== 0)
      throw new Error('JournaledState.restore: a frame is open; restore between calls only');
    this.accounts.clear();
    for (const [key, account] of saved.accounts) {
      this.accounts.set(key, account === undefined ? undefined : copyAccount(account));
    }
    this.code.clear();
    for (const [key, code] of saved.code) this.code.set(key, code);
    this.storage.clear();
    for (const [key, slots] of saved.storage) this.storage.set(key, new Map(slots));
    this.originalStorageCache.clear();
    this.epoch++;
  }

  async flush(): Promise<void> {}
  clearCaches(): void {}

  shallowCopy(): StateManagerInterface {
    throw new Error('JournaledState.shallowCopy is not supported: use snapshot and restore');
  }

  getStateRoot(): Promise<Uint8Array> {
    throw new Error('JournaledState has no state root');
  }

  setStateRoot(): Promise<void> {
    throw new Error('JournaledState has no state root');
  }

  hasStateRoot(): Promise<boolean> {
    throw new Error('JournaledState has no state root');
  }
}

/** A frozen copy of a {@link JournaledState}'s contents. */
export interface StateSnapshot {
  readonly accounts: ReadonlyMap<string, Account | undefined>;
  readonly code: ReadonlyMap<string, Uint8Array>;
  readonly storage: ReadonlyMap<string, ReadonlyMap<string, Uint8Array>>;
}

const EMPTY = new Uint8Array(0);

function undoAll(frame: Undo[]): void {
  for (let i = frame.length - 1; i >= 0; i--) {
    const undo = frame[i] as Undo;
    if (undo.had) undo.map.set(undo.key, undo.prev);
    else undo.map.delete(undo.key);
  }
}

function copyAccount(account: Account): Account {
  return Object.assign(Object.create(Object.getPrototypeOf(account) as object) as Account, account);
}
