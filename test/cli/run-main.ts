import { main } from '../../fuzz/cli/main.ts';

/** What `main` printed and returned. */
export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cliffless <argv>` in this process (no child, no tsx start-up), capturing what it writes to
 * standard output and error; `onStderr` sees each piece of standard error as it is written (a test
 * uses it to act at a given point of the run). Not reentrant: one call at a time.
 */
export async function runMain(argv: string[], onStderr?: (text: string) => void): Promise<MainResult> {
  const written = { stdout: '', stderr: '' };
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      written[stream] += text;
      if (stream === 'stderr') onStderr?.(text);
      return true;
    }) as typeof process.stdout.write;
  // As for a spawned command (test/support/cli.ts): run inside GitHub Actions, the suite's commands
  // must not annotate the pull request or write into the job's summary unless a test asks.
  const github = { GITHUB_ACTIONS: process.env.GITHUB_ACTIONS, GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY };
  delete process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_STEP_SUMMARY;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await main(argv);
    return { code, ...written };
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
    for (const [name, value] of Object.entries(github)) if (value !== undefined) process.env[name] = value;
  }
}
