import type { Shard } from './shard.ts';
import { CampaignStats } from './stats.ts';

/** What one run reports, from whichever worker ran it. */
export interface RunReport {
  index: number;
  /** This run's counters alone (runs 1, failures 1 if it failed). */
  stats: CampaignStats;
  failed: boolean;
  /** Steps the run executed (for a failure: its length before shrinking). */
  length: number;
}

/** Runs counted, as ranges of run indices (inclusive) stepping by the shard count. */
export type RunRanges = [number, number][];

/** The campaign's deterministic result, whatever order runs arrived in. */
export interface Folded {
  stats: CampaignStats;
  /** The failing run with the smallest index, if any. */
  failure: { index: number; length: number } | undefined;
  /** The runs counted in `stats`. */
  ranges: RunRanges;
}

/**
 * Adds runs up in index order as they arrive from any number of workers: counted are exactly the
 * runs up to the first failing one (or all), so the counts are the same for one worker or many.
 * A contiguous prefix is summed as soon as it is complete; runs that arrive early wait.
 */
export class RunFold {
  /** Every run seen so far, summed (for the progress line only: not deterministic). */
  readonly live = new CampaignStats();
  private readonly counted = new CampaignStats();
  private readonly pending = new Map<number, RunReport>();
  private next: number;
  private prefixEnd: number | undefined;
  private failure: { index: number; length: number } | undefined;

  constructor(private readonly shard: Shard) {
    this.next = shard.index;
  }

  add(report: RunReport): void {
    this.live.merge(report.stats);
    if (this.failure !== undefined && report.index > this.failure.index) return;
    this.pending.set(report.index, report);
    let run = this.pending.get(this.next);
    while (run !== undefined && this.failure === undefined) {
      this.pending.delete(this.next);
      this.counted.merge(run.stats);
      this.prefixEnd = run.index;
      if (run.failed) this.failure = { index: run.index, length: run.length };
      this.next += this.shard.count;
      run = this.pending.get(this.next);
    }
  }

  /**
   * The result once every worker is done. Runs left waiting are those after a gap (a time budget
   * stopped a worker first): they count too, up to the smallest failing index among them.
   */
  finish(): Folded {
    const stats = new CampaignStats();
    stats.merge(this.counted);
    const ranges: RunRanges = this.prefixEnd === undefined ? [] : [[this.shard.index, this.prefixEnd]];
    let failure = this.failure;
    for (const index of [...this.pending.keys()].sort((a, b) => a - b)) {
      if (failure !== undefined) break;
      const run = this.pending.get(index) as RunReport;
      stats.merge(run.stats);
      const last = ranges[ranges.length - 1];
      if (last !== undefined && last[1] + this.shard.count === index) last[1] = index;
      else ranges.push([index, index]);
      if (run.failed) failure = { index, length: run.length };
    }
    return { stats, failure, ranges };
  }
}
