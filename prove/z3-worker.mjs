// The z3 side of the synchronous bridge (see z3-bridge.ts). z3-solver's API is asynchronous and
// solc-js asks its SMT callback synchronously, so z3 lives in this worker thread: the main thread
// posts a query and blocks on a shared Int32 flag; this worker solves the query, writes the answer
// into the shared buffer and wakes it.
import { parentPort, workerData } from 'node:worker_threads';
import { init } from 'z3-solver';

const { control, data } = workerData;
const flag = new Int32Array(control);
const bytes = new Uint8Array(data);
const encoder = new TextEncoder();

/** Layout of `control`: [0] state (0 idle, 1 answered), [1] answer length in bytes, [2] 1 if truncated. */
function answer(text) {
  const encoded = encoder.encode(text);
  const length = Math.min(encoded.length, bytes.length);
  bytes.set(encoded.subarray(0, length));
  Atomics.store(flag, 1, length);
  Atomics.store(flag, 2, length < encoded.length ? 1 : 0);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

const { Z3 } = await init();

/** Runs one SMT-LIB2 script on a fresh context, so no declaration or option leaks between queries. */
async function solve(script) {
  const config = Z3.mk_config();
  const context = Z3.mk_context(config);
  Z3.del_config(config);
  try {
    return await Z3.eval_smtlib2_string(context, script);
  } catch (error) {
    return `(error "${String(error instanceof Error ? error.message : error).replaceAll('"', "'")}")`;
  } finally {
    Z3.del_context(context);
  }
}

parentPort.on('message', async (query) => {
  answer(await solve(query));
});

answer('ready');
