import type { GuidedExecutor, GuidedJob, GuidedJobResult } from './run-job.ts';
import type { GuidedWorkerPool } from './worker-pool.ts';

/** A turn of the event loop, so the workers' messages are taken between this thread's own runs. */
const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs an epoch's jobs on this thread (`runHere`) and on every thread of `pool` at once. Jobs are
 * handed out in index order, one per free thread; once a job fails, no later job starts (the ones
 * before it all finish), so the prefix returned is the same as one thread's: the campaign admits it
 * in run-index order and its corpus, counts and failure do not depend on the number of threads.
 */
export function threadedExecutor(
  runHere: (job: GuidedJob) => Promise<GuidedJobResult>,
  pool: GuidedWorkerPool,
): GuidedExecutor {
  return {
    async runEpoch(jobs, deadline) {
      const results: (GuidedJobResult | undefined)[] = new Array(jobs.length).fill(undefined);
      let next = 0;
      let limit = jobs.length;
      const take = (): number | undefined => {
        if (next >= limit || (deadline !== undefined && Date.now() >= deadline)) return undefined;
        return next++;
      };
      const lane = async (run: (job: GuidedJob) => Promise<GuidedJobResult>, pause?: () => Promise<void>) => {
        try {
          for (let n = take(); n !== undefined; n = take()) {
            const result = await run(jobs[n] as GuidedJob);
            results[n] = result;
            if (result.failed) limit = Math.min(limit, n + 1);
            await pause?.();
          }
        } catch (error) {
          limit = 0; // every other lane stops after its current job; the error is the epoch's
          throw error;
        }
      };
      const lanes = [
        lane(runHere, yieldToMessages),
        ...Array.from({ length: pool.size }, (_, t) => lane((job) => pool.run(t, job))),
      ];
      const settled = await Promise.allSettled(lanes);
      const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (rejected !== undefined) throw rejected.reason;
      const prefix: GuidedJobResult[] = [];
      for (const result of results) {
        if (result === undefined) break;
        prefix.push(result);
        if (result.failed) break;
      }
      return prefix;
    },
  };
}
