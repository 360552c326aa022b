/**
 * Reading `forge test --json` for the mutant bench: did the combined invariant fail, on which
 * property, after how long and how many calls.
 */
import { FAILURE_PREFIX } from './forge-all-invariants.ts';

/** What one forge test run says about a mutant. */
export interface ForgeTestResult {
  status: 'killed' | 'survived';
  /** The property id (`M1`, `O4`, ...), `setUp` if the suite's setUp failed, `revert` otherwise. */
  killedBy?: string;
  /** forge's reason, as it printed it. */
  detail?: string;
  /** forge's own duration of the test: its campaign, setUp included, compilation excluded. */
  seconds: number;
  /** Runs completed and handler calls made (forge's counts; absent when setUp failed). For a
   *  kill, `calls` adds the failing run's calls, so it is the calls made until the failure. */
  runs?: number;
  calls?: number;
}

interface ForgeJsonTest {
  status: string;
  reason: string | null;
  duration: string;
  kind?: { Invariant?: { runs: number; calls: number } };
  /** A failing invariant run: `[?, calls]` with the calls of the failing run (unshrunk). */
  counterexample?: { Sequence?: [unknown, unknown[]] } | null;
}

/** A forge output that is not what the bench expects: says what was missing and shows the text. */
export class ForgeOutputError extends Error {
  override readonly name = 'ForgeOutputError';
}

/**
 * Parses `forge test --json` (stdout; anything before the first `{` is ignored) and returns the
 * result of `test` in the suite whose id ends with `:contract`. A failing `setUp()` counts as a
 * kill by `setUp` (the mutant broke the suite's seeded history), since forge then runs nothing.
 */
export function parseForgeTest(stdout: string, contract: string, test: string): ForgeTestResult {
  const start = stdout.indexOf('{');
  let suites: Record<string, { test_results?: Record<string, ForgeJsonTest> }>;
  try {
    suites = JSON.parse(start === -1 ? '' : stdout.slice(start));
  } catch {
    throw new ForgeOutputError(`forge test printed no JSON:\n${stdout.slice(0, 2000)}`);
  }
  const suite = Object.entries(suites).find(([id]) => id.endsWith(`:${contract}`))?.[1];
  const results = suite?.test_results;
  if (results === undefined) throw new ForgeOutputError(`forge test --json has no suite ${contract}`);
  const setUp = results['setUp()'];
  if (setUp !== undefined && setUp.status === 'Failure') {
    return {
      status: 'killed',
      killedBy: 'setUp',
      detail: setUp.reason ?? 'setUp failed',
      seconds: parseDuration(setUp.duration),
    };
  }
  const result = results[`${test}()`];
  if (result === undefined) throw new ForgeOutputError(`forge test --json has no result for ${contract}.${test}()`);
  const seconds = parseDuration(result.duration);
  const counts = result.kind?.Invariant;
  const extra: { runs?: number; calls?: number } =
    counts === undefined ? {} : { runs: counts.runs, calls: counts.calls };
  if (result.status === 'Success') return { status: 'survived', seconds, ...extra };
  if (result.status !== 'Failure') {
    throw new ForgeOutputError(`${contract}.${test}() has status ${result.status}, expected Success or Failure`);
  }
  const failing = result.counterexample?.Sequence?.[1];
  if (counts !== undefined && Array.isArray(failing)) extra.calls = counts.calls + failing.length;
  const reason = result.reason ?? '';
  const at = reason.indexOf(FAILURE_PREFIX);
  if (at !== -1) {
    const rest = reason.slice(at + FAILURE_PREFIX.length);
    const id = rest.slice(0, rest.indexOf(':'));
    // The suite's predicates already start their message with the id: say it once.
    let detail = rest.slice(id.length + 1).trim();
    if (detail.startsWith(`${id}: `)) detail = detail.slice(id.length + 2);
    return { status: 'killed', killedBy: id, detail, seconds, ...extra };
  }
  return { status: 'killed', killedBy: 'revert', detail: reason || 'failed without a reason', seconds, ...extra };
}

const UNIT_SECONDS: Record<string, number> = {
  d: 86_400,
  h: 3600,
  m: 60,
  s: 1,
  ms: 1e-3,
  µs: 1e-6,
  us: 1e-6,
  ns: 1e-9,
};

/** forge's durations, e.g. `2s 42ms 902µs 443ns` or `1m 3s 5ms`, in seconds. */
export function parseDuration(text: string): number {
  const parts = text.trim().split(/\s+/);
  let seconds = 0;
  for (const part of parts) {
    const match = /^(\d+)([a-zµ]+)$/.exec(part);
    const unit = match === null ? undefined : UNIT_SECONDS[match[2] as string];
    if (match === null || unit === undefined) throw new ForgeOutputError(`unreadable forge duration "${text}"`);
    seconds += Number(match[1]) * unit;
  }
  return seconds;
}
