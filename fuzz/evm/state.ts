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
 * Snapshots ({@link JournaledState.snapshot}) are taken between calls. Each account's storage is a
 * {@link SlotStore}; a snapshot shares the stores and marks them read-only, and the first write to
 * a shared store copies it (copy-on-write), so snapshot and restore cost the number of accounts,
 * and a step after a restore copies only the storage it writes.
 *
 * Accounts are copied on the way in and out because the EVM mutates the `Account` it read before
 * writing it back, so stored accounts are never mutated and snapshots share them; storage values
 * are never mutated in place and are shared too.
 */
export class JournaledState implements StateManagerInterface {
  readonly accounts = new Map<string, Account | undefined>();
  readonly code = new Map<string, Uint8Array>();
  /** address → its storage (absent: no slot ever written). */
  readonly storage = new Map<string, SlotStore>();
  originalStorageCache: OriginalStorageCache;
  private readonly frames: Undo[][] = [];

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
    return this.storage.get(address.toString())?.slots.get(bytesToHex(key)) ?? EMPTY;
  }

  async putStorage(address: EthAddress, key: Uint8Array, value: Uint8Array): Promise<void> {
    const store = this.writableStore(address.toString());
    const slot = bytesToHex(key);
    store.written.push(slot);
    this.record(store.slots as Map<string, unknown>, slot);
    store.slots.set(slot, value);
  }

  async clearStorage(address: EthAddress): Promise<void> {
    const key = address.toString();
    this.record(this.storage as Map<string, unknown>, key);
    this.storage.set(key, new SlotStore(new Map(), undefined));
  }

  /**
   * The storage of `address` now, or undefined if it never had any. A store's contents change
   * only by writes listed in its `written`, so `(store, written.length)` identifies its contents:
   * a reader may reuse what it decoded from the same pair, or re-read only the keys written since.
   */
  storeOf(address: string): SlotStore | undefined {
    return this.storage.get(address);
  }

  /** The raw value of a slot, synchronously: for observers that read storage directly. */
  peekStorage(address: string, slot: string): Uint8Array | undefined {
    return this.storage.get(address)?.slots.get(slot);
  }

  /**
   * The store of `address` ready for a write: created if absent, copied first if a snapshot holds
   * it. Replacing the store is journaled like any write, so a revert puts the old one back.
   */
  private writableStore(address: string): SlotStore {
    const store = this.storage.get(address);
    if (store !== undefined && !store.shared) return store;
    const fresh =
      store === undefined ? new SlotStore(new Map(), undefined) : new SlotStore(new Map(store.slots), store);
    this.record(this.storage as Map<string, unknown>, address);
    this.storage.set(address, fresh);
    return fresh;
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
   * The whole state, taken between calls (no frame open). Snapshots are immutable, so one may be
   * restored any number of times and in any order. Storage is not copied: the snapshot shares
   * every store and marks it read-only, and the live state copies a store when it next writes it.
   */
  snapshot(): StateSnapshot {
    if (this.frames.length !== 0)
      throw new Error('JournaledState.snapshot: a frame is open; snapshot between calls only');
    // Stored accounts are never mutated (put stores a copy, get hands one out): share them.
    const accounts = new Map(this.accounts);
    const storage = new Map<string, SlotStore>();
    for (const [key, store] of this.storage) {
      store.shared = true;
      storage.set(key, store);
    }
    return { accounts, code: new Map(this.code), storage };
  }

  /** Replaces the whole state by `saved` (which stays valid: its stores are shared, read-only). */
  restore(saved: StateSnapshot): void {
    if (this.frames.length !== 0)
      throw new Error('JournaledState.restore: a frame is open; restore between calls only');
    this.accounts.clear();
    for (const [key, account] of saved.accounts) this.accounts.set(key, account);
    this.code.clear();
    for (const [key, code] of saved.code) this.code.set(key, code);
    this.storage.clear();
    for (const [key, store] of saved.storage) this.storage.set(key, store);
    this.originalStorageCache.clear();
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

/** A frozen copy of a {@link JournaledState}'s contents (its stores are shared and read-only). */
export interface StateSnapshot {
  readonly accounts: ReadonlyMap<string, Account | undefined>;
  readonly code: ReadonlyMap<string, Uint8Array>;
  readonly storage: ReadonlyMap<string, SlotStore>;
}

/**
 * One account's storage: slot (0x-hex, 32 bytes) → minimal big-endian value (empty for zero),
 * with the keys written since the store was made, so a reader can tell what may have changed.
 * Once `shared` (held by a snapshot) it is never written again: the state copies it first, and the
 * copy names it as its `base`, so a reader that decoded the base re-reads only the copy's writes.
 */
export class SlotStore {
  /** Slot keys written in this store, in order; repeats and writes later reverted included. */
  readonly written: string[] = [];
  /** Held by a snapshot: read-only from now on. */
  shared = false;

  constructor(
    readonly slots: Map<string, Uint8Array>,
    /** The shared store this one was copied from (its contents then are the base's final ones). */
    readonly base: SlotStore | undefined,
  ) {}
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
