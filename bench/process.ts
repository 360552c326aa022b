import { spawn } from 'node:child_process';
import { undoOnInterrupt } from '../fuzz/cli/kit/sigint.ts';

/** What a finished child process printed, how it ended and how long it took. */
export interface ProcessResult {
  /** Exit code, or null if a signal (our time guard) ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  /** True if the guard killed it for running past `limitSeconds`. */
  timedOut: boolean;
}

/**
 * Runs a command without a shell and collects its output, without blocking the event loop (the
 * bench runs a worker thread meanwhile). A process still running after `limitSeconds` is killed
 * and reported with `timedOut`: a guard against a hung tool, not a budget. A Ctrl-C handled by
 * `exitOnSigint` (fuzz/cli/kit/sigint.ts) kills it too, with every process it started.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; limitSeconds: number },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Its own process group, killed whole: the command may be a wrapper (npm's `forge` is a node
    // script that starts the forge binary, which starts solc), and killing only the wrapper would
    // leave the real work running.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already; the child itself, should it remain
      }
    };
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const forget = undoOnInterrupt(kill);
    const guard = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.limitSeconds * 1000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(guard);
      forget();
      reject(new Error(`cannot run ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(guard);
      forget();
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        wallSeconds: (performance.now() - start) / 1000,
        timedOut,
      });
    });
  });
}
