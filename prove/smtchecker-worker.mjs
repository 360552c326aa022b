// One SMTChecker run in a worker thread: solc-js and the z3 bridge block the thread they run on
// for the whole run, so `prove` runs each job here and its main thread stays free to hear Ctrl-C
// (and to stop the job, z3's own worker with it). tsx compiles the TypeScript here too (hooks are
// per thread).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runSmtChecker } = await import('./smtchecker.ts');
parentPort.postMessage(runSmtChecker(workerData));
