import { parentPort, workerData } from 'node:worker_threads';
import { compileContracts } from '../compile/index.ts';
import { type KillBudget, type KillResult, runKillCampaign } from './kill-campaign.ts';
import type { Mutant } from './mutant.ts';
import { type MutantBudget, type MutantOutcome, type RunMutantOptions, runDifferentialOnMutant } from './run-mutant.ts';

/** What the pool gives each worker when it starts. */
export interface WorkerSetup {
  budget: MutantBudget;
  options: RunMutantOptions & { contractsDir: string };
}

/** One task: the campaign on the unmutated contracts, or one mutant. */
export type WorkerTask = { index: number; kind: 'baseline' } | { index: number; kind: 'mutant'; mutant: Mutant };

/** A task's answer; `error` when the task itself threw (a harness failure, not a kill). */
export type WorkerAnswer =
  | { index: number; kind: 'baseline'; result: KillResult }
  | { index: number; kind: 'mutant'; outcome: MutantOutcome }
  | { index: number; kind: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('worker-main.ts runs only as a worker thread (see pool.ts)');
const { budget, options } = workerData as WorkerSetup;

port.on('message', async (task: WorkerTask) => {
  try {
    if (task.kind === 'baseline') {
      const { artifacts } = compileContracts({ contractsDir: options.contractsDir });
      const result = await runKillCampaign(artifacts, budget satisfies KillBudget);
      port.postMessage({ index: task.index, kind: 'baseline', result } satisfies WorkerAnswer);
    } else {
      const outcome = await runDifferentialOnMutant(task.mutant, budget, options);
      port.postMessage({ index: task.index, kind: 'mutant', outcome } satisfies WorkerAnswer);
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ index: task.index, kind: 'error', message } satisfies WorkerAnswer);
  }
});
