import { Worker } from 'node:worker_threads';

/** The most bytes one z3 answer may take; longer answers are cut (solc then reports an SMT error). */
const ANSWER_BYTES = 16 * 1024 * 1024;
/** How long z3-solver may take to load its WASM in the worker. */
const STARTUP_MS = 60_000;

const WORKER_URL = new URL('./z3-worker.mjs', import.meta.url);

/**
 * z3 answering SMT-LIB2 scripts synchronously, as solc-js's `smtSolver` callback must.
 *
 * z3-solver is asynchronous (its WASM runs on threads), so it lives in a worker thread; `solve`
 * posts the script and blocks this thread with `Atomics.wait` on a SharedArrayBuffer until the
 * worker has written z3's output there. A query that outlives its deadline (z3 normally honours
 * the `:timeout` option solc puts in every query) costs the worker: it is terminated, a fresh one
 * started, and the query answered `unknown`.
 *
 * @example
 * const z3 = Z3Bridge.start();
 * try { z3.solve('(declare-const x Int)(assert (> x 2))(check-sat)'); } finally { await z3.close(); }
 */
export class Z3Bridge {
  private worker!: Worker;
  /** [0] 1 when an answer is waiting, [1] its length in bytes, [2] 1 if it was cut. */
  private flag!: Int32Array;
  private data!: SharedArrayBuffer;
  private readonly decoder = new TextDecoder();
  /** Queries answered `unknown` because z3 overran the deadline (the worker was replaced). */
  overruns = 0;

  private constructor() {
    this.spawn();
  }

  /** Starts the worker and waits (blocking) until z3 is loaded. */
  static start(): Z3Bridge {
    return new Z3Bridge();
  }

  /**
   * z3's whole output for one script (e.g. `sat\n((x 3))\n`), or `unknown\n` when it has not
   * answered within `deadlineMs`.
   */
  solve(script: string, deadlineMs: number): string {
    this.worker.postMessage(script);
    const output = this.take(deadlineMs);
    if (output !== undefined) return output;
    this.overruns++;
    void this.worker.terminate();
    this.spawn();
    return 'unknown\n';
  }

  /** Stops the worker (and z3's threads with it). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  /** A new worker with buffers of its own, so a terminated one can never write into them. */
  private spawn(): void {
    const control = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    this.flag = new Int32Array(control);
    this.data = new SharedArrayBuffer(ANSWER_BYTES);
    this.worker = new Worker(WORKER_URL, { workerData: { control, data: this.data } });
    this.worker.unref(); // an idle bridge must not keep the process alive
    const ready = this.take(STARTUP_MS);
    if (ready !== 'ready') {
      void this.worker.terminate();
      throw new Error(`z3-solver did not start within ${STARTUP_MS / 1000}s in its worker thread`);
    }
  }

  /** Blocks until the worker has answered (then resets the flag), or returns undefined at the deadline. */
  private take(deadlineMs: number): string | undefined {
    if (Atomics.wait(this.flag, 0, 0, deadlineMs) === 'timed-out') return undefined;
    const length = Atomics.load(this.flag, 1);
    const text = this.decoder.decode(new Uint8Array(this.data).slice(0, length));
    Atomics.store(this.flag, 0, 0);
    return text;
  }
}
