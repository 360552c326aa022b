import { Worker } from 'node:worker_threads';
import { unlessAborted } from '../fuzz/cli/kit/sigint.ts';
import type { SmtCheckerOptions, SmtCheckerRun } from './smtchecker.ts';

const WORKER_URL = new URL('./smtchecker-worker.mjs', import.meta.url);

/**
 * {@link runSmtChecker} in a worker thread, so that the calling thread is not blocked for the run
 * and `signal` can stop it: on abort the worker (and the z3 worker it started) is terminated and
 * the promise rejects with `Interrupted`.
 */
export function runSmtCheckerInWorker(options: SmtCheckerOptions, signal: AbortSignal): Promise<SmtCheckerRun> {
  const worker = new Worker(WORKER_URL, { workerData: options });
  const run = new Promise<SmtCheckerRun>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the SMTChecker worker exited with code ${code} before answering`)));
  });
  return unlessAborted(run, signal, () => worker.terminate()).finally(() => void worker.terminate());
}
