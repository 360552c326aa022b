import { spawn } from 'node:child_process';

/** What an interrupted process printed and how it exited. */
export interface Interrupted {
  pid: number | undefined;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node args…` in `cwd`, sends it one SIGINT, to it alone, as soon as `ready` says so (given
 * what it has printed so far: its progress, so it is working, not starting up), and collects what it
 * printed and its exit code. `ready` is also asked every 50 ms, for a readiness it cannot print. The
 * SIGKILL guard after `guardMs` bounds a process that would ignore the signal; it is not a timing check.
 */
export function interruptWhen(
  args: string[],
  ready: (printed: string) => boolean,
  options: { cwd: string; env?: NodeJS.ProcessEnv; guardMs: number },
): Promise<Interrupted> {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const check = () => {
    if (!sent && ready(stdout + stderr)) {
      sent = true;
      child.kill('SIGINT');
    }
  };
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    check();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    check();
  });
  const poll = setInterval(check, 50);
  const guard = setTimeout(() => child.kill('SIGKILL'), options.guardMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ pid: child.pid, code, stdout, stderr });
    }),
  );
}
