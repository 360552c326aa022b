import { Worker } from 'node:worker_threads';
import type { Artifacts } from '../compile/index.ts';
import type { RunOptions } from '../runner/campaign.ts';
import type { TraceWorld } from '../trace/format.ts';
import type { RunBoard } from './board.ts';
import type { RunReport } from './fold.ts';
import type { Shard } from './plan.ts';
import { type StatsData, statsFromData } from './stats-data.ts';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** What every worker thread is given (structured-cloned; the board's buffer is shared). */
export interface WorkerData {
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

/** Worker threads to start on a campaign's board. */
export interface PoolPlan {
  artifacts: Artifacts;
  world: TraceWorld;
  options: RunOptions;
  board: RunBoard;
  threads: number;
  deadline: number | undefined;
  onRun: (report: RunReport) => void;
}

/** Running worker threads. */
export interface Pool {
  /** Resolves when every thread has stopped (true if the deadline stopped one); rejects if one failed. */
  finished: Promise<boolean>;
  terminate(): Promise<void>;
}

/**
 * Starts worker threads that each deploy their own world from the given artifacts (nothing is
 * compiled again) and claim runs from the shared board until none is left. Every run is reported
 * (on this thread) as it arrives. A thread that fails aborts the board, so every other stops
 * after its current run, and `finished` rejects with its error.
 */
export function startWorkers(plan: PoolPlan): Pool {
  const threads: Worker[] = [];
  const each = Array.from({ length: plan.threads }, (_, n) => {
    const data: WorkerData = {
      artifacts: plan.artifacts,
      world: plan.world,
      options: plan.options,
      runs: plan.board.runs,
      shard: plan.board.shard,
      board: plan.board.buffer,
      deadline: plan.deadline,
    };
    const thread = new Worker(WORKER_URL, { workerData: data });
    threads.push(thread);
    const name = `campaign worker thread ${n + 1} of ${plan.threads}`;
    return new Promise<boolean>((resolve, reject) => {
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
  });
  const finished = Promise.all(each).then((stopped) => stopped.some((interrupted) => interrupted));
  // Awaited by the caller once its own runs are done; a failure before then must not be unhandled.
  finished.catch(() => {});
  return {
    finished,
    terminate: async () => {
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}
