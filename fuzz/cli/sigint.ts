/** The exit code of a command stopped by Ctrl-C: 128 + SIGINT's number, as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** An abort signal raised by the first Ctrl-C, and the way to stop listening. */
export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Turns the first SIGINT into an abort (the command stops cleanly: runs in progress finish, the
 * summary so far is printed, nothing is left half-written) and leaves the second to Node's default,
 * which ends the process at once, for a user who does not want to wait.
 */
export function interruptOnSigint(log: (line: string) => void): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    log('\ninterrupted: finishing the work in progress (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.removeListener('SIGINT', onSigint) };
}
