import { Worker } from 'node:worker_threads';
import type { KillResult } from './kill-campaign.ts';
import type { Mutant } from './mutant.ts';
import type { MutantBudget, MutantOutcome } from './run-mutant.ts';
import type { WorkerAnswer, WorkerSetup, WorkerTask } from './worker-main.ts';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** How to run a set of mutants. */
export interface PoolOptions {
  /** Worker threads, each with its own solc and EVM (2 uses both cores of the development machine). */
  jobs: number;
  budget: MutantBudget;
  contractsDir: string;
  cacheDir?: string | false;
  /** Called as each mutant finishes, in completion order. */
  onOutcome?: (outcome: MutantOutcome, mutant: Mutant, done: number) => void;
  /** Ctrl-C: no mutant is started after it, those in progress are abandoned (their threads stopped). */
  signal?: AbortSignal;
}

/** The campaign on the unmutated contracts and every mutant's outcome, in the mutants' order. */
export interface PoolResult {
  baseline: KillResult;
  outcomes: MutantOutcome[];
}

/** What a pool stopped by its signal had done: `baseline` is absent if it had not finished. */
export interface InterruptedPool {
  interrupted: true;
  baseline?: KillResult;
  /** Outcomes of the mutants done, sparse, in the mutants' order. */
  outcomes: (MutantOutcome | undefined)[];
}

/**
 * Runs the campaign on the unmutated contracts and then on every mutant, spread over `jobs` worker
 * threads that each take the next task when free. The unmutated run must survive: if it fails, no
 * mutant outcome would mean anything, so the pool stops and returns that result with no outcomes.
 * Each outcome depends only on its mutant and the budget, never on scheduling.
 */
export async function runMutantPool(mutants: readonly Mutant[], options: PoolOptions): Promise<PoolResult>;
export async function runMutantPool(
  mutants: readonly Mutant[],
  options: PoolOptions & { signal: AbortSignal },
): Promise<PoolResult | InterruptedPool>;
export async function runMutantPool(
  mutants: readonly Mutant[],
  options: PoolOptions,
): Promise<PoolResult | InterruptedPool> {
  const tasks: WorkerTask[] = [
    { index: -1, kind: 'baseline' },
    ...mutants.map((mutant, index): WorkerTask => ({ index, kind: 'mutant', mutant })),
  ];
  const setup: WorkerSetup = {
    budget: options.budget,
    options: {
      contractsDir: options.contractsDir,
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    },
  };
  const outcomes: MutantOutcome[] = new Array(mutants.length);
  const workers: Worker[] = [];
  let baseline: KillResult | undefined;
  let done = 0;
  let stopped = false;
  try {
    await new Promise<void>((resolve, reject) => {
      if (options.signal?.aborted === true) return resolve();
      options.signal?.addEventListener('abort', () => resolve(), { once: true });
      let next = 0;
      let pending = tasks.length;
      const feed = (worker: Worker) => {
        const task = tasks[next++];
        if (task !== undefined) worker.postMessage(task);
      };
      const onAnswer = (worker: Worker, answer: WorkerAnswer) => {
        if (answer.kind === 'error') {
          reject(new Error(`a mutant worker failed on task ${answer.index}:\n${answer.message}`));
          return;
        }
        if (answer.kind === 'baseline') {
          baseline = answer.result;
          if (answer.result.killed) return resolve();
        } else {
          outcomes[answer.index] = answer.outcome;
          done++;
          options.onOutcome?.(answer.outcome, mutants[answer.index] as Mutant, done);
        }
        if (--pending === 0) resolve();
        else feed(worker);
      };
      for (let i = 0; i < Math.min(options.jobs, tasks.length); i++) {
        const worker = new Worker(WORKER_URL, { workerData: setup });
        workers.push(worker);
        worker.on('message', (answer: WorkerAnswer) => onAnswer(worker, answer));
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (pending > 0 && options.signal?.aborted !== true)
            reject(new Error(`a mutant worker exited with code ${code} before the run finished`));
        });
        feed(worker);
      }
    });
  } finally {
    stopped = options.signal?.aborted === true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (stopped && (baseline === undefined || (!baseline.killed && done < mutants.length)))
    return { interrupted: true, ...(baseline === undefined ? {} : { baseline }), outcomes };
  if (baseline === undefined) throw new Error('internal: the unmutated campaign never reported');
  return { baseline, outcomes: baseline.killed ? [] : outcomes };
}
