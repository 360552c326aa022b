import { Worker } from 'node:worker_threads';
import type { Artifacts } from '../compile/index.ts';
import type { RunOptions } from '../runner/campaign.ts';
import { CampaignStats } from '../runner/stats.ts';
import type { TraceWorld } from '../trace/format.ts';
import type { GuidedJob, GuidedJobResult } from './run-job.ts';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** What a guided worker thread deploys and how it checks each run (sent once, structured-cloned). */
export interface GuidedWorkerPlan {
  artifacts: Artifacts;
  world: TraceWorld;
  options: RunOptions;
}

/** What the main thread sends a guided worker thread. */
export type GuidedWorkerRequest = { kind: 'plan'; plan: GuidedWorkerPlan } | { kind: 'run'; job: GuidedJob };

/** What a guided worker thread answers: one message per job. */
export type GuidedWorkerReply = { kind: 'result'; result: GuidedJobResult } | { kind: 'error'; message: string };

/** One thread and the job it is running, if any. */
interface Thread {
  worker: Worker;
  name: string;
  pending: { resolve: (result: GuidedJobResult) => void; reject: (error: Error) => void } | undefined;
  /** Set once the thread failed or exited: every later job is refused with it. */
  broken: Error | undefined;
}

/**
 * Worker threads for a guided campaign. `boot` starts them loading the harness at once (a second
 * or two, overlapped with the main thread's compile and deploy); `start` sends each the artifacts
 * to deploy its own world with a branch recorder; `run` then gives one thread one job at a time and
 * resolves with its result. Which thread runs which job does not matter: a run's result depends on
 * its input alone (fuzz/guide/run-job.ts).
 */
export class GuidedWorkerPool {
  private readonly threads: Thread[];

  private constructor(count: number) {
    this.threads = Array.from({ length: count }, (_, n) => {
      const thread: Thread = {
        worker: new Worker(WORKER_URL),
        name: `guided worker thread ${n + 1} of ${count}`,
        pending: undefined,
        broken: undefined,
      };
      const fail = (error: Error) => {
        thread.broken ??= error;
        const pending = thread.pending;
        thread.pending = undefined;
        pending?.reject(thread.broken);
      };
      thread.worker.on('message', (reply: GuidedWorkerReply) => {
        if (reply.kind === 'error') return fail(new Error(`${thread.name} failed: ${reply.message}`));
        const pending = thread.pending;
        thread.pending = undefined;
        // The counters crossed as plain data (a structured clone keeps the fields, not the class).
        const stats = new CampaignStats();
        stats.merge(reply.result.stats);
        pending?.resolve({ ...reply.result, stats });
      });
      thread.worker.on('error', (error) => fail(new Error(`${thread.name} failed: ${error.stack ?? error.message}`)));
      thread.worker.on('exit', (code) => fail(new Error(`${thread.name} exited (code ${code})`)));
      return thread;
    });
  }

  /** Starts `count` worker threads loading the harness. */
  static boot(count: number): GuidedWorkerPool {
    return new GuidedWorkerPool(count);
  }

  get size(): number {
    return this.threads.length;
  }

  /** Sends every thread the world to deploy; jobs sent after it wait for the deployment. */
  start(plan: GuidedWorkerPlan): void {
    const message: GuidedWorkerRequest = { kind: 'plan', plan };
    for (const thread of this.threads) thread.worker.postMessage(message);
  }

  /** Runs one job on thread `n` (one job per thread at a time). */
  run(n: number, job: GuidedJob): Promise<GuidedJobResult> {
    const thread = this.threads[n];
    if (thread === undefined) throw new Error(`internal: no guided worker thread ${n}`);
    if (thread.broken !== undefined) return Promise.reject(thread.broken);
    if (thread.pending !== undefined) throw new Error(`internal: ${thread.name} is already running a job`);
    return new Promise((resolve, reject) => {
      thread.pending = { resolve, reject };
      const message: GuidedWorkerRequest = { kind: 'run', job };
      thread.worker.postMessage(message);
    });
  }

  /** Stops every thread. */
  async terminate(): Promise<void> {
    for (const thread of this.threads) thread.broken ??= new Error(`${thread.name} was stopped`);
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }
}
