import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_HELP, parseBenchArgs } from '../../bench/args.ts';
import { type BareWorld, deployBareWorld, replayBare } from '../../bench/bare-replay.ts';
import { type CallLogEntry, callCount, mainLine, resetCount } from '../../bench/call-log.ts';
import { forgeSeconds, parseInvariants } from '../../bench/forge-invariants.ts';
import { machineInfo } from '../../bench/machine.ts';
import { BENCH_WORLD, DEFAULT_CONFIG, QUICK_CONFIG, runBench } from '../../bench/measure.ts';
import { type Profile, profileCampaign, SECTIONS } from '../../bench/profile.ts';
import { formatReport, reportJson, restMs } from '../../bench/report.ts';
import { compileContracts } from '../../fuzz/compile/index.ts';
import { UsageError } from '../../fuzz/errors.ts';
import { runCampaign } from '../../fuzz/runner/campaign.ts';
import { Checks } from '../../fuzz/runner/checks.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../../fuzz/runner/prepare.ts';

/**
 * The bench's measuring code at a tiny size: the figures must be complete and consistent (the
 * bare replays run exactly the calls the harness made, and prove it). No speed is asserted here:
 * timings depend on the machine, and a speed target is the bench's to report, not a test's.
 */
const CAMPAIGN = { seed: 1, runs: 3, depth: 20, probesPerStep: 2 };

const PATCHED = ['equivalence', 'properties', 'atEnd', 'checkPayouts', 'runProbes', 'runViews'];
const proto = Checks.prototype as unknown as Record<string, unknown>;
const originals = PATCHED.map((name) => proto[name]);

let env: PreparedEnvironment;
let bare: BareWorld;
let profile: Profile;

beforeAll(async () => {
  const { artifacts } = compileContracts();
  env = await prepareEnvironment(artifacts, BENCH_WORLD);
  bare = await deployBareWorld(artifacts, BENCH_WORLD);
  profile = await profileCampaign(env, CAMPAIGN);
});

describe('bench: the instrumented campaign', () => {
  it('runs the same campaign as an uninstrumented one, and leaves nothing patched', async () => {
    const plain = await runCampaign(env, CAMPAIGN);
    expect(plain.failure).toBeUndefined();
    expect(profile.actions).toBe(plain.stats.actions);
    expect(Object.hasOwn(env.host.chain.evm, 'runCall')).toBe(false);
    expect(PATCHED.map((name) => proto[name])).toEqual(originals);
    expect(originals.every((method) => typeof method === 'function')).toBe(true);
  });

  it('logs one call per non-warp action, one run start per run, and probe calls between save and load', () => {
    expect(profile.calls.main).toBeGreaterThan(0);
    // Every action but a time warp is one main-line call.
    expect(profile.calls.main).toBeLessThanOrEqual(profile.actions);
    expect(resetCount(profile.log)).toBe(CAMPAIGN.runs);
    expect(callCount(mainLine(profile.log))).toBe(profile.calls.main);
    expect(callCount(profile.log)).toBe(
      profile.calls.main + profile.calls.probe + profile.calls.payout + profile.calls.view,
    );
    expect(profile.calls.probe).toBeGreaterThan(0);
    expect(profile.calls.view).toBeGreaterThan(0);
    let saved = false;
    for (const entry of profile.log) {
      if (entry.kind === 'save') saved = true;
      if (entry.kind === 'reset') saved = false;
      if (entry.kind === 'call' && entry.purpose === 'probe') expect(saved).toBe(true);
    }
  });

  it('times every section, and the sections add up to no more than the total', () => {
    // Every section is measured (a section the profiler forgot would be missing or NaN).
    expect(Object.keys(profile.ms).sort()).toEqual([...SECTIONS].sort());
    for (const section of SECTIONS) expect(Number.isFinite(profile.ms[section]), section).toBe(true);
    // properties is what remains after payouts, probes and views are taken out: below zero means
    // one of them was counted twice.
    expect(profile.ms.properties).toBeGreaterThanOrEqual(0);
    for (const section of [
      'modelExecute',
      'evmExecute',
      'evmRunCall',
      'evmObserve',
      'd1',
      'probes',
      'views',
    ] as const) {
      expect(profile.ms[section], section).toBeGreaterThan(0);
    }
    expect(profile.ms.evmRunCall).toBeLessThanOrEqual(profile.ms.evmExecute);
    expect(profile.ms.probeRunCall).toBeLessThanOrEqual(profile.ms.probeExecute);
    expect(restMs(profile)).toBeGreaterThanOrEqual(0);
  });
});

describe('bench: the bare replay', () => {
  it('replays exactly the harness main-line calls, and all its calls, with the same results', async () => {
    const main = await replayBare(bare, mainLine(profile.log), true);
    expect(main).toEqual({ calls: profile.calls.main, resets: CAMPAIGN.runs });
    const all = await replayBare(bare, profile.log, true);
    expect(all.calls).toBe(profile.calls.main + profile.calls.probe + profile.calls.payout + profile.calls.view);
  });

  it('notices a replay that runs something else', async () => {
    const log = mainLine(profile.log);
    const index = log.findIndex((e) => e.kind === 'call' && e.call.data.length > 4);
    const entry = log[index] as Extract<CallLogEntry, { kind: 'call' }>;
    const data = Uint8Array.from(entry.call.data);
    data[4] = (data[4] ?? 0) ^ 0xff; // corrupt the first argument word
    const tampered = [...log];
    tampered[index] = { ...entry, call: { ...entry.call, data } };
    await expect(replayBare(bare, tampered, true)).rejects.toThrow(/differs from the campaign's/);
  });
});

describe('bench: the whole measurement at a tiny size', () => {
  it('produces every figure, consistent with itself, in the table and the JSON', async () => {
    // Scaling at its smallest (forge is measured by `npm run bench` only: it compiles for a minute).
    const tiny = { actorRuns: 1, actorRounds: 1, workerRuns: 3, workerRounds: 1, forge: false };
    const figures = await runBench({ ...QUICK_CONFIG, ...CAMPAIGN, runs: 2, rounds: 2, ...tiny });
    expect(figures.actions).toBeGreaterThan(0);
    expect(figures.runStarts).toBe(2);
    for (const subject of [figures.harness, figures.harnessNoProbes, figures.bare, figures.bareAll]) {
      expect(subject.samples.rounds).toHaveLength(2);
      for (const t of subject.samples.rounds) {
        expect(t.wallMs).toBeGreaterThan(0);
        expect(t.cpuMs).toBeGreaterThan(0);
      }
      expect(Number.isFinite(subject.actionsPerSecond.wallMs)).toBe(true);
      expect(subject.actionsPerSecond.wallMs).toBeCloseTo((figures.actions * 1000) / subject.samples.median.wallMs, 6);
    }
    for (const ratio of Object.values(figures.ratio)) {
      expect(ratio.median.wallMs).toBeGreaterThan(0);
      expect(ratio.range[0]).toBeLessThanOrEqual(ratio.range[1]);
    }
    expect(figures.ratio.probes.median.wallMs).toBeCloseTo(
      figures.harness.actionsPerSecond.wallMs / figures.bare.actionsPerSecond.wallMs,
      9,
    );
    expect(figures.profile.noProbes.calls.probe).toBe(0);
    expect(figures.profile.probes.calls).toEqual(figures.calls);

    const machine = machineInfo();
    const text = formatReport(figures, machine, machine);
    for (const label of ['harness, 2 probes/4 steps', 'harness, probes off', "bare EVM, actions' calls", 'target:']) {
      expect(text).toContain(label);
    }
    expect(text).toContain(machine.node);
    const json = JSON.parse(JSON.stringify(reportJson(figures, machine, machine)));
    expect(json.actions).toBe(figures.actions);
    expect(json.ratio.probes.wall).toBeGreaterThan(0);
    expect(Object.keys(json.breakdown.probes.ms)).toEqual([...SECTIONS, 'rest']);

    // Actors: one campaign per world size, with a breakdown; workers: the same campaign on 1 and 2.
    expect(figures.actors?.map((a) => a.actors)).toEqual([2, 4, 8, 16]);
    for (const a of figures.actors ?? []) {
      expect(a.actions).toBeGreaterThan(0);
      expect(a.actionsPerSecond).toBeCloseTo((a.actions * 1000) / a.wallMs, 6);
      expect(a.usPerAction.evmExecute).toBeGreaterThan(0);
    }
    expect(figures.workers?.map((w) => w.workers)).toEqual([1, 2]);
    expect(figures.workers?.[0]?.actions).toBe(figures.workers?.[1]?.actions);
    expect(figures.forge).toBeUndefined();
    for (const label of ['scaling with actors', 'cost x 2 actors', 'worker threads', 'speedup']) {
      expect(text).toContain(label);
    }
    expect(json.actors.figures).toHaveLength(4);
    expect(json.workers.speedup).toBeGreaterThan(0);
    expect(json.forge).toBeNull();
  });
});

describe("bench: forge's figures", () => {
  const test = (duration: string, calls: number) => ({
    status: 'Success',
    reason: null,
    duration,
    kind: { Invariant: { runs: 32, calls, reverts: 10 } },
  });
  const output = (results: Record<string, unknown>) =>
    `Compiling...\n${JSON.stringify({ 'test/forge/invariant/ProtocolInvariants.t.sol:ProtocolInvariantsTest': { duration: '1s', test_results: results } })}`;

  it("reads forge's durations", () => {
    expect(forgeSeconds('1m 4s 860ms 307µs 738ns')).toBeCloseTo(64.860307738, 9);
    expect(forgeSeconds('900ms')).toBeCloseTo(0.9, 12);
    expect(() => forgeSeconds('4 seconds')).toThrow(/cannot read/);
  });

  it('adds up calls and test time over the invariant tests only', () => {
    const figures = parseInvariants(
      output({
        'invariant_M1_pairs()': test('2s', 2048),
        'invariant_O5_liveness()': test('1s 500ms', 1024),
        'test_other()': { status: 'Success', reason: null, duration: '9s' },
      }),
    );
    expect(figures).toMatchObject({ invariants: 2, runs: 64, calls: 3072, reverts: 20, campaignSeconds: 3.5 });
    expect(figures.callsPerSecond).toBeCloseTo(3072 / 3.5, 9);
  });

  it('refuses output that is not what it measures', () => {
    expect(() => parseInvariants('no json')).toThrow(/no JSON/);
    expect(() => parseInvariants(output({}))).toThrow(/no invariant test/);
    expect(() => parseInvariants(output({ 'invariant_M1_pairs()': { ...test('1s', 1), status: 'Failure' } }))).toThrow(
      /did not pass/,
    );
  });
});

describe('bench: flags', () => {
  it('takes --quick, --no-forge, --no-scale and --worker-runs', () => {
    expect(parseBenchArgs(['--quick']).config).toEqual(QUICK_CONFIG);
    expect(parseBenchArgs(['--quick', '--runs', '9']).config).toEqual({ ...QUICK_CONFIG, runs: 9 });
    const skip = parseBenchArgs(['--no-forge', '--no-scale', '--worker-runs', '40']).config;
    expect(skip).toEqual({ ...DEFAULT_CONFIG, forge: false, scale: false, workerRuns: 40 });
    expect(() => parseBenchArgs(['--no-forge=1'])).toThrow(/takes no value/);
  });

  it('takes --runs, --rounds, --probes and --json, and rejects anything else', () => {
    expect(parseBenchArgs([]).config).toEqual(DEFAULT_CONFIG);
    const args = parseBenchArgs(['--runs', '7', '--rounds=3', '--probes', '1', '--json', 'out.json']);
    expect(args.config).toEqual({ ...DEFAULT_CONFIG, runs: 7, rounds: 3, probesPerStep: 1 });
    expect(args.json).toBe('out.json');
    expect(() => parseBenchArgs(['--rusn', '7'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/at least 1/);
    expect(() => parseBenchArgs(['--runs'])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--json', '--runs', '3'])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['7'])).toThrow(/`npm run bench` takes no arguments, got 7/);
    expect(parseBenchArgs(['--json', 'out.json', '--force']).force).toBe(true);
    expect(() => parseBenchArgs(['--force'])).toThrow(/--force applies only with --json/);
    expect(() => parseBenchArgs(['--runs', '7', '--runs=8'])).toThrow(/--runs is given twice/);
    expect(() => parseBenchArgs(['--json', 'a.json', '--quick', '--json', 'b.json'])).toThrow(/--json is given twice/);
    expect(() => parseBenchArgs(['--no-forge', '--no-forge'])).toThrow(/--no-forge is given twice/);
  });

  it("refuses with the kit's usage error (exit 2, pointing at the bench's own --help) and documents every flag", () => {
    const error = (() => {
      try {
        parseBenchArgs(['--rusn', '7']);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(/unknown flag --rusn for `npm run bench` \(did you mean --runs\?\)/);
    expect((error as UsageError).describe()).toMatch(/Run `npm run bench -- --help` for the options/);
    expect(() => parseBenchArgs(['--no-drift', '--drift-only'])).toThrow(/--no-drift does not apply with --drift-only/);
    for (const flag of ['--quick', '--no-forge', '--no-scale', '--runs', '--rounds', '--probes', '--worker-runs']) {
      expect(BENCH_HELP).toContain(flag);
    }
    expect(BENCH_HELP).toMatch(/--runs <int> +runs per campaign .*\(default: 30\)/);
  });

  it('refuses an existing --json file without --force, before measuring anything, and leaves it as it was', () => {
    const root = join(import.meta.dirname, '..', '..');
    const dir = mkdtempSync(join(tmpdir(), 'cliffless-bench-'));
    const existing = join(dir, 'figures.json');
    writeFileSync(existing, '{"earlier": true}\n');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--json', existing], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--json ${existing}: already exists`);
    expect(readFileSync(existing, 'utf8')).toBe('{"earlier": true}\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with a clear message on an unknown flag', () => {
    const root = join(import.meta.dirname, '..', '..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--bogus'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown flag --bogus');
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a flag given twice, before measuring anything', () => {
    const root = join(import.meta.dirname, '..', '..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--runs', '1', '--runs', '2'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--runs is given twice');
    expect(result.stdout).toBe('');
  });
});
