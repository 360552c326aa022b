/**
 * The harness side of `bench:mutants`: runDifferentialOnMutant in one worker thread that takes
 * one mutant at a time, so a campaign never shares its core with another harness campaign.
 */
import { Worker } from 'node:worker_threads';
import type { Mutant } from '../fuzz/mutate/mutant.ts';
import type { MutantBudget, MutantOutcome } from '../fuzz/mutate/run-mutant.ts';
import type { HarnessAnswer, HarnessTask } from './harness-worker-main.ts';

const WORKER_URL = new URL('./harness-worker.mjs', import.meta.url);

export class HarnessRunner {
  private readonly worker = new Worker(WORKER_URL);
  private pending: { resolve: (o: MutantOutcome) => void; reject: (e: Error) => void } | undefined;

  constructor() {
    this.worker.on('message', (answer: HarnessAnswer) => {
      const pending = this.take();
      if (answer.kind === 'outcome') pending?.resolve(answer.outcome);
      else pending?.reject(new Error(`the harness failed on a mutant:\n${answer.message}`));
    });
    this.worker.on('error', (error) => this.take()?.reject(error));
    this.worker.on('exit', (code) =>
      this.take()?.reject(new Error(`the harness worker exited (code ${code}) mid-mutant`)),
    );
  }

  private take() {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  /** Runs one mutant; one at a time (a second call before the first settles is a bug). */
  run(mutant: Mutant, budget: MutantBudget): Promise<MutantOutcome> {
    if (this.pending !== undefined) return Promise.reject(new Error('HarnessRunner runs one mutant at a time'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ mutant, budget } satisfies HarnessTask);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
