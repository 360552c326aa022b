/** Wall and CPU time of one measured stretch, in milliseconds. */
export interface Timing {
  wallMs: number;
  /** User + system CPU of the whole process (all its threads, so GC helpers count). */
  cpuMs: number;
}

/** Runs `body` and returns its result with the wall and CPU time it took. */
export async function timed<T>(body: () => Promise<T>): Promise<{ value: T; time: Timing }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await body();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, time: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per-round timings and their medians (wall and CPU taken separately). */
export interface Samples {
  rounds: Timing[];
  median: Timing;
}

/** Medians of a list of timings. */
export function summarize(rounds: readonly Timing[]): Samples {
  return {
    rounds: [...rounds],
    median: { wallMs: median(rounds.map((t) => t.wallMs)), cpuMs: median(rounds.map((t) => t.cpuMs)) },
  };
}
