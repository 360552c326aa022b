/**
 * A copy-on-write view of a committed map for one transaction: reads go to the committed map until
 * the first write, which copies the map once; a record is cloned the first time it is written, so
 * the committed map and its records are never touched and stay valid as snapshots.
 */
export class CowMap<K, V> {
  readonly #base: ReadonlyMap<K, V>;
  readonly #clone: (value: V) => V;
  #copy: Map<K, V> | undefined;
  #owned: Set<K> | undefined;

  constructor(base: ReadonlyMap<K, V>, clone: (value: V) => V) {
    this.#base = base;
    this.#clone = clone;
  }

  get(key: K): V | undefined {
    return (this.#copy ?? this.#base).get(key);
  }

  has(key: K): boolean {
    return (this.#copy ?? this.#base).has(key);
  }

  /** The keys, in insertion order. */
  keys(): IterableIterator<K> {
    return (this.#copy ?? this.#base).keys();
  }

  get size(): number {
    return (this.#copy ?? this.#base).size;
  }

  /** The record under `key`, owned by this transaction and safe to mutate; undefined when absent. */
  mut(key: K): V | undefined {
    const value = this.get(key);
    if (value === undefined || this.#owned?.has(key)) return value;
    const copy = this.#clone(value);
    this.set(key, copy);
    return copy;
  }

  /** Stores `value`, which must be fresh (not shared with any committed state). */
  set(key: K, value: V): void {
    this.#copy ??= new Map(this.#base);
    this.#copy.set(key, value);
    this.#owned ??= new Set();
    this.#owned.add(key);
  }

  /** The map to commit: the committed one itself when nothing was written. */
  result(): ReadonlyMap<K, V> {
    return this.#copy ?? this.#base;
  }
}
