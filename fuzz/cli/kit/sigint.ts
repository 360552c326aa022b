/** The exit code of a command stopped by Ctrl-C: 128 + SIGINT's number, as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** An abort signal raised by the first Ctrl-C, and the way to stop listening. */
export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Turns the first SIGINT into an abort (`doing` says what the command does now) (the command stops cleanly: runs in progress finish, the
 * summary so far is printed, nothing is left half-written) and leaves the second to Node's default,
 * which ends the process at once, for a user who does not want to wait.
 */
export function interruptOnSigint(log: (line: string) => void, doing = 'finishing the work in progress'): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    log(`\ninterrupted: ${doing} (Ctrl-C again to quit at once)`);
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}

/**
 * One turn of the event loop. Work made only of promises (an EVM run, an audit run) never lets the
 * SIGINT handler in; awaiting this between two units of work does, so the abort is seen promptly.
 */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Settles with `work`, or rejects with {@link Interrupted} as soon as `signal` aborts (running
 * `onAbort` first, to stop the threads or processes doing the work). For work that cannot look at
 * the signal itself: a worker thread, a child process.
 */
export function unlessAborted<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => unknown): Promise<T> {
  if (signal.aborted) {
    void onAbort();
    return Promise.reject(new Interrupted());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      void onAbort();
      reject(new Interrupted());
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** Thrown by {@link unlessAborted} when the work was abandoned on Ctrl-C. */
export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor() {
    super('interrupted by Ctrl-C');
  }
}

/** What {@link exitOnSigint} undoes before the process ends: children to stop, folders to remove. */
const undoers = new Set<() => void>();

/**
 * Registers `undo` (stop a child process, remove a temporary folder) to run should
 * {@link exitOnSigint} end the process; call the returned function once the work is done.
 */
export function undoOnInterrupt(undo: () => void): () => void {
  undoers.add(undo);
  return () => undoers.delete(undo);
}

/**
 * For tools that have nothing to print before the end (the benches measure every figure together):
 * the first SIGINT runs every registered undo, prints `message()` and exits 130 at once. A tool that
 * never calls this keeps Node's default, and its undo list is never used.
 */
export function exitOnSigint(message: () => string): void {
  process.once('SIGINT', () => {
    for (const undo of undoers) {
      try {
        undo();
      } catch {
        // Best effort: the other undos must still run.
      }
    }
    process.stdout.write(message());
    process.exit(EXIT_INTERRUPTED);
  });
}
