/**
 * `npm run bench:mutants`: how fast the differential harness and the forge invariant suite each
 * kill the mutants of `cliffless mutate`, under the same time budget per mutant. Prints a table
 * (and optionally JSON). Exit 0 after printing, 1 if a tool failed or killed the unmutated
 * contracts (no figure would mean anything), 2 for a bad flag or an unknown --only id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quote } from 'shell-quote';
import { usageFailure } from '../fuzz/cli/kit/args.ts';
import { exitOnSigint } from '../fuzz/cli/kit/sigint.ts';
import { PROJECT_ROOT } from '../fuzz/compile/index.ts';
import { UsageError } from '../fuzz/errors.ts';
import { claimOutput, deliverOutput, EXIT_OUTPUT_LOST, type OutputClaim, OutputPathError } from '../fuzz/io/output.ts';
import { FIXED_SET_EXPECTED, fixedMutantSet } from '../fuzz/mutate/fixed-set.ts';
import { generateMutants } from '../fuzz/mutate/generate.ts';
import type { Mutant } from '../fuzz/mutate/mutant.ts';
import type { MutantBudget } from '../fuzz/mutate/run-mutant.ts';
import { type ForgeBudget, type ForgeOutcome, runForgeOnMutant } from './forge-mutant.ts';
import { HarnessRunner } from './harness-mutant.ts';
import { machineInfo } from './machine.ts';
import { MUTANTS_HELP, MUTANTS_SPEC, type MutantBenchArgs, parseMutantBenchArgs } from './mutants-args.ts';
import {
  forgeCell,
  formatMutantReport,
  type HarnessOutcome,
  harnessCell,
  type MutantBenchConfig,
  type MutantRow,
  mutantReportJson,
} from './mutants-report.ts';

/** The shipped suite's depth (foundry.toml) and `cliffless fuzz`'s: each tool at its own default. */
const FORGE_DEPTH = 64;
const HARNESS_DEPTH = 100;
/** Enough runs that the time budget, not the run count, ends every surviving campaign. */
const UNBOUNDED_RUNS = 1_000_000;

/** The mutants asked for, in the set's order; an unknown --only id is a usage error. */
function selectMutants(args: MutantBenchArgs): Mutant[] {
  const all = args.all ? generateMutants() : fixedMutantSet();
  if (args.only === undefined) return all;
  const unknown = args.only.filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw usageFailure(MUTANTS_SPEC)(
      `--only: no mutant ${unknown.map((id) => `"${id}"`).join(', ')} in ${args.all ? 'the generated set' : 'the fixed set (--all for every mutant)'}`,
    );
  }
  return all.filter((m) => args.only?.includes(m.id));
}

/** The unmutated contracts, as a "mutant" that changes nothing: both tools must let it survive. */
function baselineMutant(): Mutant {
  const file = 'contracts/SplitMarket.sol';
  const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return { id: 'unmutated', file, line: 1, operator: 'constant', original: '', replacement: '', source };
}

/** Both tools on a list of mutants, rows in the list's order. */
async function runTools(
  mutants: readonly Mutant[],
  config: { jobs: 1 | 2; forge: ForgeBudget; harness: MutantBudget; harnessRunner: HarnessRunner; guided: boolean },
  log: (line: string) => void,
): Promise<MutantRow[]> {
  const forgeOutcomes: ForgeOutcome[] = [];
  const harnessOutcomes: HarnessOutcome[] = [];
  const at = (i: number) => `[${i + 1}/${mutants.length}] ${(mutants[i] as Mutant).id}`;
  const forgeOne = async (i: number) => {
    const outcome = await runForgeOnMutant(mutants[i] as Mutant, config.forge);
    log(`${at(i)} forge: ${forgeCell(outcome)} (compile ${outcome.compileSeconds.toFixed(1)}s)`);
    forgeOutcomes[i] = outcome;
  };
  const guidedOutcomes: HarnessOutcome[] = [];
  const harnessOne = async (i: number) => {
    const outcome = await config.harnessRunner.run(mutants[i] as Mutant, config.harness);
    log(`${at(i)} harness: ${harnessCell(outcome)} (compile ${outcome.compileSeconds.toFixed(1)}s)`);
    harnessOutcomes[i] = outcome;
    if (!config.guided) return;
    // The same campaign with its runs chosen by the loop directed at the mutated line.
    const guided = await config.harnessRunner.run(mutants[i] as Mutant, { ...config.harness, guided: true });
    log(`${at(i)} guided harness: ${harnessCell(guided)}`);
    guidedOutcomes[i] = guided;
  };
  if (config.jobs === 1) {
    // One tool at a time: neither campaign ever shares the machine with the other.
    for (let i = 0; i < mutants.length; i++) {
      await forgeOne(i);
      await harnessOne(i);
    }
  } else {
    // Two queues side by side, one core each; each tool still runs one mutant at a time.
    const queue = async (one: (i: number) => Promise<void>) => {
      for (let i = 0; i < mutants.length; i++) await one(i);
    };
    await Promise.all([queue(forgeOne), queue(harnessOne)]);
  }
  return mutants.map((mutant, i) => {
    const expected = FIXED_SET_EXPECTED[mutant.id];
    return {
      id: mutant.id,
      ...(expected === undefined ? {} : { expected }),
      forge: forgeOutcomes[i] as ForgeOutcome,
      harness: harnessOutcomes[i] as HarnessOutcome,
      ...(guidedOutcomes[i] === undefined ? {} : { guided: guidedOutcomes[i] }),
    };
  });
}

async function main(argv: string[]): Promise<number> {
  let args: MutantBenchArgs;
  let mutants: Mutant[];
  let json: OutputClaim | undefined;
  try {
    args = parseMutantBenchArgs(argv);
    if (args.help) {
      process.stdout.write(MUTANTS_HELP);
      return 0;
    }
    json = args.json === undefined ? undefined : claimOutput('json', args.json, { force: args.force });
    mutants = selectMutants(args);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof OutputPathError)) throw error;
    process.stderr.write(`bench:mutants: ${error.message}\n\n${MUTANTS_HELP}`);
    return 2;
  }
  const config: MutantBenchConfig = {
    set: args.all ? 'all' : 'fixed',
    budget: args.budget,
    seed: args.seed,
    jobs: args.jobs,
    forgeDepth: FORGE_DEPTH,
    harnessDepth: HARNESS_DEPTH,
    guided: args.guided,
  };
  const forge: ForgeBudget = { seed: args.seed, timeSeconds: args.budget, runs: UNBOUNDED_RUNS, depth: FORGE_DEPTH };
  const harness: MutantBudget = {
    seed: args.seed,
    timeSeconds: args.budget,
    runs: UNBOUNDED_RUNS,
    depth: HARNESS_DEPTH,
  };
  const log = (line: string) => process.stderr.write(`bench:mutants: ${line}\n`);
  const start = machineInfo();
  log(
    `${mutants.length} mutants and the unmutated contracts, ${args.budget}s each per tool after compiling; load average ${start.load.map((l) => l.toFixed(2)).join(' ')}`,
  );
  exitOnSigint(
    () =>
      `\ninterrupted by Ctrl-C: the outcomes so far are those logged above; no table${json === undefined ? '' : ', --json not written'}\n` +
      `rerun with: npm run bench:mutants -- ${quote(process.argv.slice(2))}\n`,
  );
  const harnessRunner = new HarnessRunner();
  let rows: MutantRow[];
  let baseline: MutantRow | undefined;
  try {
    const tools = { jobs: args.jobs, forge, harness, harnessRunner, guided: args.guided };
    [baseline] = await runTools([baselineMutant()], tools, log);
    if (
      baseline !== undefined &&
      (baseline.forge.status !== 'survived' ||
        baseline.harness.status !== 'survived' ||
        (baseline.guided !== undefined && baseline.guided.status !== 'survived'))
    ) {
      log(
        `the unmutated contracts must survive both tools, but forge: ${forgeCell(baseline.forge)}${baseline.forge.detail ? ` (${baseline.forge.detail})` : ''}; harness: ${harnessCell(baseline.harness)}${baseline.harness.detail ? ` (${baseline.harness.detail})` : ''}${baseline.guided === undefined ? '' : `; guided harness: ${harnessCell(baseline.guided)}`}`,
      );
      return 1;
    }
    rows = await runTools(mutants, tools, log);
  } finally {
    await harnessRunner.close();
  }
  const end = machineInfo();
  process.stdout.write(formatMutantReport(rows, config, start, end, baseline));
  if (json !== undefined) {
    const report = mutantReportJson(rows, config, start, end, baseline);
    const delivered = deliverOutput(json, `${JSON.stringify(report, null, 2)}\n`, 'BENCH JSON');
    if (delivered.lost !== undefined) return EXIT_OUTPUT_LOST;
    log(`figures written to ${json.path}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench:mutants: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
