import { Worker } from 'node:worker_threads';
import type { Artifacts } from '../compile/index.ts';
import type { CampaignPool, PoolPlan, RunOptions } from '../runner/campaign.ts';
import type { Shard } from '../runner/shard.ts';
import type { TraceWorld } from '../trace/format.ts';
import { type StatsData, statsFromData } from './stats-data.ts';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** What a worker thread is sent to start (structured-cloned; the board's buffer is shared). */
export interface WorkerPlan {
  artifacts: Artifacts;
  world: TraceWorld;
  options: RunOptions;
  runs: number;
  shard: Shard;
  board: SharedArrayBuffer;
  deadline: number | undefined;
}

/** What a worker thread posts back: one message per run, then one when it has stopped. */
export type WorkerMessage =
  | { kind: 'run'; index: number; stats: StatsData; failed: boolean; length: number }
  | { kind: 'done'; interrupted: boolean };

/**
 * Worker threads for one campaign. `boot` starts them at once: loading the harness takes a worker
 * a second or two, which the caller can overlap with compiling and deploying its own world. `run`
 * then sends each the campaign; each deploys its own world from the given artifacts (nothing is
 * compiled again) and claims runs from the shared board until none is left.
 */
export class WorkerPool implements CampaignPool {
  private readonly threads: Worker[];
  private started = false;

  private constructor(count: number) {
    this.threads = Array.from({ length: count }, () => new Worker(WORKER_URL));
  }

  /** Starts `count` worker threads loading the harness. */
  static boot(count: number): WorkerPool {
    return new WorkerPool(count);
  }

  get size(): number {
    return this.threads.length;
  }

  /**
   * Runs the campaign's part on every thread, reporting every run (on this thread) as it arrives.
   * The promise resolves when all have stopped (true if the deadline stopped one); a thread that
   * fails aborts the board, so every other stops after its current run, and the promise rejects.
   * It is handled from the start: the caller may await it after its own runs.
   */
  run(plan: PoolPlan): Promise<boolean> {
    if (this.started) throw new Error('internal: a worker pool runs one campaign');
    this.started = true;
    const message: WorkerPlan = {
      artifacts: plan.artifacts,
      world: plan.world,
      options: plan.options,
      runs: plan.board.runs,
      shard: plan.board.shard,
      board: plan.board.buffer,
      deadline: plan.deadline,
    };
    const each = this.threads.map((thread, n) => {
      const name = `campaign worker thread ${n + 1} of ${this.threads.length}`;
      const finished = new Promise<boolean>((resolve, reject) => {
        let done = false;
        thread.on('message', (message: WorkerMessage) => {
          if (message.kind === 'done') {
            // A port keeps order: every run message came before this one.
            done = true;
            resolve(message.interrupted);
            void thread.terminate();
            return;
          }
          plan.onRun({
            index: message.index,
            stats: statsFromData(message.stats),
            failed: message.failed,
            length: message.length,
          });
        });
        thread.on('error', (error) => {
          plan.board.abort();
          reject(new Error(`${name} failed: ${error.stack ?? error.message}`));
        });
        thread.on('exit', (code) => {
          if (done) return;
          plan.board.abort();
          reject(new Error(`${name} exited (code ${code}) before finishing its runs`));
        });
      });
      thread.postMessage(message);
      return finished;
    });
    const finished = Promise.all(each).then((stopped) => stopped.some((interrupted) => interrupted));
    finished.catch(() => {});
    return finished;
  }

  /** Stops every thread (finished ones are already gone). */
  async terminate(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
