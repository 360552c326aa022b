import { parentPort } from 'node:worker_threads';
import type { Mutant } from '../fuzz/mutate/mutant.ts';
import { type MutantBudget, type MutantOutcome, runDifferentialOnMutant } from '../fuzz/mutate/run-mutant.ts';

/** One mutant to run, and the answer: its outcome, or the harness's own failure. */
export interface HarnessTask {
  mutant: Mutant;
  budget: MutantBudget;
}
export type HarnessAnswer = { kind: 'outcome'; outcome: MutantOutcome } | { kind: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('harness-worker-main.ts runs only as a worker thread (see harness-mutant.ts)');

port.on('message', async (task: HarnessTask) => {
  try {
    // No mutant cache: every compile is a real one, so the compile times compare with forge's.
    const outcome = await runDifferentialOnMutant(task.mutant, task.budget, { cacheDir: false });
    port.postMessage({ kind: 'outcome', outcome } satisfies HarnessAnswer);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ kind: 'error', message } satisfies HarnessAnswer);
  }
});
