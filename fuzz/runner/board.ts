import type { Shard } from './shard.ts';

/** No failing run known yet. */
const NONE = BigInt(Number.MAX_SAFE_INTEGER);
const NEXT = 0;
const FAILURE = 1;

/**
 * The runs of one campaign (or shard) as every thread working on it sees them, in shared memory:
 * the next run to claim, and the smallest failing run index found so far. Threads claim runs in
 * ascending index order, one at a time, so fast threads take more runs and every run below the
 * last one claimed is run to its end. A claimed run above a known failure is skipped: it cannot
 * be the campaign's failure, which is the failing run with the smallest index.
 */
export class RunBoard {
  private readonly cells: BigInt64Array;

  /** A new board, or a view of one another thread created (pass its `buffer`). */
  constructor(
    readonly runs: number,
    readonly shard: Shard,
    readonly buffer: SharedArrayBuffer = RunBoard.fresh(),
  ) {
    this.cells = new BigInt64Array(buffer);
  }

  private static fresh(): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
    new BigInt64Array(buffer)[FAILURE] = NONE;
    return buffer;
  }

  /** The next run index to execute, or undefined when none is left below the runs and any failure. */
  claim(): number | undefined {
    const position = Number(Atomics.add(this.cells, NEXT, 1n));
    const index = this.shard.index + position * this.shard.count;
    if (index >= this.runs || index > this.smallestFailure) return undefined;
    return index;
  }

  /** No more runs for anyone (a worker failed: the campaign stops). */
  abort(): void {
    Atomics.store(this.cells, NEXT, NONE);
  }

  /** The smallest failing index reported, or Infinity. */
  get smallestFailure(): number {
    const value = Atomics.load(this.cells, FAILURE);
    return value === NONE ? Number.POSITIVE_INFINITY : Number(value);
  }

  /** Records a failing run; keeps the smaller of it and what is there. */
  reportFailure(index: number): void {
    const mine = BigInt(index);
    for (;;) {
      const current = Atomics.load(this.cells, FAILURE);
      if (current <= mine) return;
      if (Atomics.compareExchange(this.cells, FAILURE, current, mine) === current) return;
    }
  }
}
