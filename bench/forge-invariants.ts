/**
 * forge's own invariant campaign on the same contracts, for the bench: the shipped suite
 * (test/forge/invariant/ProtocolInvariants.t.sol, foundry.toml's [invariant] runs and depth),
 * one thread, in throw-away output and cache folders, so forge compiles first. forge times each
 * test itself; compiling (and starting up) is the rest of the process's wall time. (A first
 * `forge test` matching no test leaves no cache a second one reuses: forge compiled again.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { undoOnInterrupt } from '../fuzz/cli/kit/sigint.ts';
import { PROJECT_ROOT } from '../fuzz/compile/index.ts';
import { runProcess } from './process.ts';

export const FORGE_SUITE = 'test/forge/invariant/ProtocolInvariants.t.sol';

/** What forge's invariant campaign did and how long it took. */
export interface ForgeFigures {
  /** `invariant_*` tests run (each its own campaign checking its own property after every call). */
  invariants: number;
  /** Runs and handler calls over all of them, as forge counts them. */
  runs: number;
  calls: number;
  reverts: number;
  /** Sum of forge's durations of the invariant tests (one thread: they ran one after another). */
  campaignSeconds: number;
  /** The `forge test` process's wall time minus its test time: compiling (solc-js through bin/solc) and startup. */
  compileSeconds: number;
  /** Wall time of the whole `forge test` process. */
  testWallSeconds: number;
  /** `calls / campaignSeconds`. */
  callsPerSecond: number;
  /** FOUNDRY_INVARIANT_RUNS when the bench overrode foundry.toml's runs (--quick), else undefined. */
  runsOverride: number | undefined;
}

interface ForgeTest {
  status: string;
  duration: string;
  kind?: { Invariant?: { runs: number; calls: number; reverts: number } };
}

/** A guard against a hung forge, not a budget: the default suite compiles and runs in minutes. */
const FORGE_LIMIT_SECONDS = 3600;

/**
 * Runs forge's invariant suite in fresh output folders (it compiles, then runs). Throws if forge
 * fails, a test fails, or its JSON lacks the invariant counts. Forge runs as a child the event loop
 * waits on, not a blocking call, so that Ctrl-C is handled while it runs: the child is stopped and
 * the folders removed (bench/process.ts, and the undo below).
 */
export async function measureForge(runsOverride?: number): Promise<ForgeFigures> {
  const work = mkdtempSync(join(tmpdir(), 'cliffless-bench-forge-'));
  const forget = undoOnInterrupt(() => rmSync(work, { recursive: true, force: true }));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FOUNDRY_OUT: join(work, 'out'),
      FOUNDRY_CACHE_PATH: join(work, 'cache'),
      ...(runsOverride === undefined ? {} : { FOUNDRY_INVARIANT_RUNS: String(runsOverride) }),
    };
    const test = await runProcess(
      join(PROJECT_ROOT, 'node_modules', '.bin', 'forge'),
      ['test', '--match-path', FORGE_SUITE, '-j', '1', '--json'],
      { cwd: PROJECT_ROOT, env, limitSeconds: FORGE_LIMIT_SECONDS },
    );
    const wall = test.wallSeconds;
    if (test.code !== 0) {
      const how = test.timedOut ? `ran past ${FORGE_LIMIT_SECONDS}s and was stopped` : 'failed';
      throw new Error(`bench: forge's invariant suite ${how}:\n${test.stdout.slice(-3000)}${test.stderr.slice(-3000)}`);
    }
    const figures = parseInvariants(test.stdout, runsOverride);
    return { ...figures, compileSeconds: wall - figures.campaignSeconds, testWallSeconds: wall };
  } finally {
    forget();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The counts and durations of every invariant test in `forge test --json` output. */
export function parseInvariants(
  stdout: string,
  runsOverride?: number,
): Omit<ForgeFigures, 'compileSeconds' | 'testWallSeconds'> {
  const start = stdout.indexOf('{');
  let suites: Record<string, { test_results?: Record<string, ForgeTest> }>;
  try {
    suites = JSON.parse(start === -1 ? '' : stdout.slice(start));
  } catch {
    throw new Error(`bench: forge printed no JSON:\n${stdout.slice(0, 2000)}`);
  }
  const figures = { invariants: 0, runs: 0, calls: 0, reverts: 0, campaignSeconds: 0 };
  for (const suite of Object.values(suites)) {
    for (const [name, test] of Object.entries(suite.test_results ?? {})) {
      const counts = test.kind?.Invariant;
      if (!name.startsWith('invariant_')) continue;
      if (counts === undefined) throw new Error(`bench: forge reported no invariant counts for ${name}`);
      if (test.status !== 'Success') throw new Error(`bench: forge's ${name} did not pass (${test.status})`);
      figures.invariants++;
      figures.runs += counts.runs;
      figures.calls += counts.calls;
      figures.reverts += counts.reverts;
      figures.campaignSeconds += forgeSeconds(test.duration);
    }
  }
  if (figures.invariants === 0) throw new Error(`bench: forge ran no invariant test of ${FORGE_SUITE}`);
  return { ...figures, callsPerSecond: figures.calls / figures.campaignSeconds, runsOverride };
}

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, µs: 1e-6, us: 1e-6, ns: 1e-9 };

/** forge's durations, e.g. `1m 4s 860ms 307µs 738ns`, in seconds. */
export function forgeSeconds(text: string): number {
  let seconds = 0;
  let matched = '';
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|µs|us|ns|m|s)/g)) {
    seconds += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
    matched += match[0];
  }
  if (matched !== text.replace(/\s+/g, '')) throw new Error(`bench: cannot read forge's duration "${text}"`);
  return seconds;
}
