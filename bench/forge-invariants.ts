/**
 * forge's own invariant campaign on the same contracts, for the bench: the shipped suite
 * (test/forge/invariant/ProtocolInvariants.t.sol, foundry.toml's [invariant] runs and depth),
 * one thread, in throw-away output and cache folders. Compilation is one `forge test` that runs
 * nothing (its wall time); the campaign is a second one on the built project, timed by forge.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fuzz/compile/index.ts';

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
  /** Wall time of the `forge test` that only compiled (solc-js through bin/solc). */
  compileSeconds: number;
  /** Wall time of the `forge test` process that ran the campaign (startup and reporting included). */
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

/**
 * Runs forge's invariant suite once to compile (no test matches) and once to measure. Throws if
 * forge fails, a test fails, or its JSON lacks the invariant counts.
 */
export function measureForge(runsOverride?: number): ForgeFigures {
  const work = mkdtempSync(join(tmpdir(), 'cliffless-bench-forge-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FOUNDRY_OUT: join(work, 'out'),
      FOUNDRY_CACHE_PATH: join(work, 'cache'),
      ...(runsOverride === undefined ? {} : { FOUNDRY_INVARIANT_RUNS: String(runsOverride) }),
    };
    const forge = (extra: string[]) => {
      const start = performance.now();
      const result = spawnSync(
        join(PROJECT_ROOT, 'node_modules', '.bin', 'forge'),
        ['test', '--match-path', FORGE_SUITE, '-j', '1', '--json', ...extra],
        { cwd: PROJECT_ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      );
      if (result.error !== undefined) throw new Error(`bench: cannot run forge: ${result.error.message}`);
      return { ...result, seconds: (performance.now() - start) / 1000 };
    };
    // A name no test has: forge compiles the suite, then finds nothing to run (and says so).
    const build = forge(['--match-test', 'cliffless_bench_compile_only']);
    if (build.status !== 0 && !`${build.stdout}${build.stderr}`.includes('No tests')) {
      throw new Error(`bench: forge could not build the invariant suite:\n${build.stderr.slice(-3000)}`);
    }
    const test = forge([]);
    if (test.status !== 0) throw new Error(`bench: forge's invariant suite failed:\n${test.stdout.slice(-3000)}`);
    return {
      ...parseInvariants(test.stdout, runsOverride),
      compileSeconds: build.seconds,
      testWallSeconds: test.seconds,
    };
  } finally {
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
