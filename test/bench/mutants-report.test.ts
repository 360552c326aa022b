import { describe, expect, it } from 'vitest';
import type { ForgeOutcome } from '../../bench/forge-mutant.ts';
import type { MachineInfo } from '../../bench/machine.ts';
import { DEFAULT_BUDGET_SECONDS, MUTANTS_HELP, parseMutantBenchArgs } from '../../bench/mutants-args.ts';
import {
  formatMutantReport,
  type HarnessOutcome,
  type MutantBenchConfig,
  type MutantRow,
  mutantReportJson,
  summarizeMutants,
} from '../../bench/mutants-report.ts';
import { UsageError } from '../../fuzz/errors.ts';

const forgeKill = (id: string, killedBy: string, secondsToKill: number): ForgeOutcome => ({
  id,
  status: 'killed',
  killedBy,
  secondsToKill,
  campaignSeconds: secondsToKill,
  calls: 40,
  compileSeconds: 30,
  seconds: 40,
});
const forgeSurvivor = (id: string): ForgeOutcome => ({
  id,
  status: 'survived',
  calls: 9000,
  compileSeconds: 20,
  seconds: 50,
});
const harnessKill = (id: string, killedBy: string, secondsToKill: number): HarnessOutcome => ({
  id,
  status: 'killed',
  killedBy,
  secondsToKill,
  actionsToKill: 12,
  compileSeconds: 4,
  seconds: 5,
});
const harnessSurvivor = (id: string): HarnessOutcome => ({ id, status: 'survived', compileSeconds: 2, seconds: 22 });

/** Five mutants covering every combination, plus one that does not compile. */
const ROWS: MutantRow[] = [
  { id: 'a', expected: 'killed', forge: forgeKill('a', 'M2', 0.5), harness: harnessKill('a', 'D1', 0.1) },
  { id: 'b', expected: 'killed', forge: forgeSurvivor('b'), harness: harnessKill('b', 'M7', 0.3) },
  { id: 'c', expected: 'killed', forge: forgeKill('c', 'setUp', 0.02), harness: harnessKill('c', 'D1', 0.7) },
  { id: 'd', expected: 'survived', forge: forgeKill('d', 'O4', 3.5), harness: harnessSurvivor('d') },
  { id: 'e', expected: 'killed', forge: forgeSurvivor('e'), harness: harnessSurvivor('e') },
  {
    id: 'f',
    forge: { id: 'f', status: 'invalid', detail: 'Error (1): x', compileSeconds: 3, seconds: 3 },
    harness: { id: 'f', status: 'invalid', compileSeconds: 1, seconds: 1 },
  },
];

const MACHINE: MachineInfo = {
  date: '2026-11-24T10:00:00.000Z',
  node: 'v20.0.0',
  cpu: 'Test CPU',
  cores: 2,
  load: [1, 2, 3],
};
const CONFIG: MutantBenchConfig = { set: 'fixed', budget: 20, seed: 1, jobs: 1, forgeDepth: 64, harnessDepth: 100 };

describe('bench:mutants: the summary', () => {
  it('counts kills over the mutants that compile, medians over the killed ones', () => {
    const s = summarizeMutants(ROWS);
    expect(s.forge).toEqual({
      compared: 5,
      kills: 3,
      medianSecondsToKill: 0.5,
      medianSecondsToKillBoth: expect.closeTo(0.26, 9),
      medianCompileSeconds: 30,
    });
    expect(s.harness).toEqual({
      compared: 5,
      kills: 3,
      medianSecondsToKill: 0.3,
      medianSecondsToKillBoth: expect.closeTo(0.4, 9),
      medianCompileSeconds: 4,
    });
    expect(s.harnessOnly).toEqual(['b']);
    expect(s.forgeOnly).toEqual(['d']);
    expect(s.neither).toEqual(['e']);
    expect(s.invalid).toEqual(['f']);
    expect(s.unexpected).toEqual(['e']);
  });

  it('has no median when a tool killed nothing', () => {
    const s = summarizeMutants([ROWS[4] as MutantRow]);
    expect(s.forge.medianSecondsToKill).toBeUndefined();
    expect(s.harness.kills).toBe(0);
  });

  it('prints the table, the per-tool lines and both machine lines', () => {
    const text = formatMutantReport(ROWS, CONFIG, MACHINE, { ...MACHINE, date: '2026-11-24T10:05:00.000Z' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('6 mutants (the fixed set), 20s per mutant per tool after compiling, seed 1, jobs 1');
    expect(lines.find((l) => l.startsWith('a '))).toMatch(
      /^a\s+killed M2 0\.50s \(40 calls\)\s+killed D1 0\.10s \(12 actions\)\s+killed$/,
    );
    expect(lines.find((l) => l.startsWith('e '))).toMatch(/^e\s+survived \(9000 calls\)\s+survived\s+killed$/);
    expect(lines.find((l) => l.startsWith('f '))).toMatch(
      /invalid \(does not compile\)\s+invalid \(does not compile\)\s+-$/,
    );
    expect(text).toMatch(/^kills\s+3\/5\s+3\/5$/m);
    expect(text).toMatch(/^median time-to-kill\s+0\.50s\s+0\.30s$/m);
    expect(text).toMatch(/^ {2}on mutants both killed\s+0\.26s\s+0\.40s$/m);
    expect(text).toMatch(/^median compile\s+30\.00s\s+4\.00s$/m);
    expect(text).toContain('killed by the harness, not forge: b\n');
    expect(text).toContain('killed by forge, not the harness: d\n');
    expect(text).toContain('left out, do not compile: f\n');
    expect(text).toContain("harness outcome differs from the fixed set's expectation: e\n");
    expect(text).toContain('started 2026-11-24T10:00:00.000Z, Test CPU, 2 cores, node v20.0.0, load 1.00 2.00 3.00');
    expect(text).toContain('ended   2026-11-24T10:05:00.000Z');
  });

  it("prints the unmutated contracts' line when given, and a survivor's actions", () => {
    const baseline: MutantRow = {
      id: 'unmutated',
      forge: forgeSurvivor('unmutated'),
      harness: { ...harnessSurvivor('unmutated'), actions: 4100 },
    };
    const text = formatMutantReport(ROWS, CONFIG, MACHINE, MACHINE, baseline);
    expect(text).toContain('unmutated contracts: forge survived (9000 calls), harness survived (4100 actions)\n');
    expect(formatMutantReport(ROWS, CONFIG, MACHINE, MACHINE)).not.toContain('unmutated contracts');
  });

  it('drops the expectation column for generated mutants, and the JSON carries every outcome', () => {
    const all = { ...CONFIG, set: 'all' as const };
    const text = formatMutantReport(ROWS, all, MACHINE, MACHINE);
    expect(text).not.toContain('expected');
    expect(text).toContain('(every generated mutant)');
    const json = mutantReportJson(ROWS, all, MACHINE, MACHINE) as {
      mutants: MutantRow[];
      summary: { forgeOnly: string[] };
    };
    expect(json.mutants).toHaveLength(6);
    expect(json.summary.forgeOnly).toEqual(['d']);
  });
});

describe('bench:mutants: flags', () => {
  it('has defaults and reads every flag', () => {
    expect(parseMutantBenchArgs([])).toEqual({
      budget: DEFAULT_BUDGET_SECONDS,
      jobs: 1,
      seed: 1,
      all: false,
      only: undefined,
      json: undefined,
      force: false,
      guided: true,
      help: false,
    });
    expect(
      parseMutantBenchArgs([
        '--budget',
        '5',
        '--jobs=2',
        '--seed',
        '0',
        '--all',
        '--only',
        'a,b',
        '--only=c',
        '--json',
        'x.json',
        '--force',
        '--no-guided',
      ]),
    ).toEqual({
      budget: 5,
      jobs: 2,
      seed: 0,
      all: true,
      only: ['a', 'b', 'c'],
      json: 'x.json',
      force: true,
      guided: false,
      help: false,
    });
  });

  it.each([
    [['--bogus'], /unknown flag --bogus/],
    [['extra'], /`npm run bench:mutants` takes no arguments, got extra/],
    [['--budget'], /--budget needs a value/],
    [['--budget', '0'], /--budget must be at least 1/],
    [['--budget', '1.5'], /--budget must be a whole number/],
    [['--jobs', '3'], /--jobs must be at most 2/],
    [['--seed', '-1'], /--seed needs a value|--seed must be/],
    [['--only', 'a,,b'], /--only has an empty mutant id/],
    [['--all=yes'], /--all takes no value/],
    [['--force'], /--force applies only with --json/],
    [['--json', '--all'], /--json needs a value/],
    [['--budget', '5', '--budget=6'], /--budget is given twice/],
    [['--seed', '1', '--jobs', '1', '--seed', '2'], /--seed is given twice/],
    [['--all', '--all'], /--all is given twice/],
    [['--budget', '4294967296'], /--budget must be at most 4294967295/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseMutantBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseMutantBenchArgs(argv)).toThrow(message);
  });

  it("documents --only as repeatable and exits 2 through the kit's UsageError", () => {
    expect(MUTANTS_HELP).toMatch(/--only <string>\.\.\. +only these mutant ids, comma-separated/);
    expect(MUTANTS_HELP).toMatch(/--budget <int> +seconds per mutant .*\(default: 20\)/);
    expect(parseMutantBenchArgs(['--only', 'x', '--only', 'y,z']).only).toEqual(['x', 'y', 'z']);
    try {
      parseMutantBenchArgs(['--jobs', '3']);
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).describe()).toMatch(/`npm run bench:mutants -- --help`/);
    }
  });
});
