import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { removeOwnTemporaries } from '../compile/cache.ts';
import { checkContractsFolder } from '../compile/contracts-folder.ts';
import { CompileError, PROJECT_ROOT } from '../compile/index.ts';
import { CliflessError, UsageError } from '../errors.ts';
import { claimOutput, deliverOutput, EXIT_OUTPUT_LOST, requireDistinct } from '../io/output.ts';
import { MUTANT_CACHE_DIR } from '../mutate/compile-mutant.ts';
import {
  collapseWhitespace,
  type Declarations,
  defaultEquivalentFile,
  EQUIVALENT_FILE_NAME,
  type EquivalentList,
  entryCount,
  matchDeclarations,
  readEquivalentList,
} from '../mutate/equivalents.ts';
import { generateMutants } from '../mutate/generate.ts';
import { renderMarkdown } from '../mutate/markdown.ts';
import { runMutantPool } from '../mutate/pool.ts';
import { buildReport } from '../mutate/report.ts';
import type { MutantBudget } from '../mutate/run-mutant.ts';
import { selectMutants } from '../mutate/select.ts';
import { formatMutationSummary } from '../mutate/summary.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { rerunLine } from './kit/rerun.ts';
import { EXIT_INTERRUPTED, interruptOnSigint } from './kit/sigint.ts';

export const mutateSpec: CommandSpec = {
  name: 'mutate',
  summary: 'mutation testing: mutate the contracts, run a differential campaign on each, report what survives',
  usage:
    'cliffless mutate [--runs N] [--depth N] [--seed N] [--jobs N] [--only OP|ID] [--equivalent FILE] [--markdown FILE] [--json FILE]',
  positionals: [],
  flags: [
    {
      name: 'seed',
      conflicts: ['list'],
      type: 'int',
      min: 0,
      default: '1',
      description: 'Seed of every campaign: same seed and contracts, same result',
    },
    {
      name: 'runs',
      conflicts: ['list'],
      type: 'int',
      min: 1,
      default: '100',
      description: 'Action sequences per mutant, at most (a failure stops early)',
    },
    {
      name: 'depth',
      conflicts: ['list'],
      type: 'int',
      min: 1,
      default: '100',
      description: 'Most actions per sequence',
    },
    {
      name: 'time-per-mutant',
      conflicts: ['list'],
      type: 'duration',
      description: 'Also stop each campaign after this long (e.g. 20s); outcomes then depend on speed',
    },
    {
      name: 'jobs',
      conflicts: ['list'],
      type: 'int',
      min: 1,
      default: '2',
      description: 'Worker threads (each compiles and fuzzes one mutant at a time)',
    },
    {
      name: 'only',
      type: 'string',
      description: 'Comma-separated operators (rounding-flip) or pieces of ids (PayoutMath.sol, SplitMarket.sol:80:)',
    },
    { name: 'max', type: 'int', min: 1, description: 'Run only the first N mutants (after --only)' },
    {
      name: 'markdown',
      conflicts: ['list'],
      type: 'string',
      description: 'Write the full report (kill matrix, survivor diffs) as Markdown',
    },
    { name: 'json', conflicts: ['list'], type: 'string', description: 'Write the full report as JSON' },
    {
      name: 'force',
      needs: ['markdown', 'json'],
      type: 'boolean',
      description: 'Overwrite --markdown / --json files that exist',
    },
    {
      name: 'min-score',
      conflicts: ['list'],
      type: 'int',
      min: 0,
      description: 'Exit 1 when the mutation score (percent) is below this',
    },
    {
      name: 'guided',
      conflicts: ['list'],
      type: 'boolean',
      description:
        'Choose each campaign’s runs with the guided loop directed at the mutated line’s branches (same runs and depth)',
    },
    { name: 'contracts', type: 'string', description: 'Contracts folder to mutate instead of ./contracts' },
    {
      name: 'equivalent',
      conflicts: ['no-equivalent'],
      type: 'string',
      description: `Declared equivalent mutants (JSON), still run; a declared survivor leaves the score (default: ${EQUIVALENT_FILE_NAME} beside the contracts folder, if there is one)`,
    },
    {
      name: 'no-equivalent',
      type: 'boolean',
      description: `Read no declarations file: every survivor counts against the score`,
    },
    {
      name: 'no-cache',
      conflicts: ['list'],
      type: 'boolean',
      description: 'Compile every mutant afresh (default: reuse .cliffless/mutant-cache)',
    },
    { name: 'list', type: 'boolean', description: 'List the selected mutants and exit, running nothing' },
  ],
  examples: [
    'npx cliffless mutate --markdown mutants.md --json mutants.json   # every mutant, both cores',
    'npx cliffless mutate --only PayoutMath.sol                        # one file',
    'npx cliffless mutate --only rounding-flip,relational-boundary --runs 50',
    'npx cliffless mutate --list --only SplitMarket.sol:80:',
    'npx cliffless mutate --no-equivalent                              # score every survivor, declared or not',
  ],
};

/** The flags a rerun repeats: every one given (outputs included, so the rerun writes them). */
const MUTATE_FLAGS = mutateSpec.flags.map((flag) => flag.name);

/**
 * `cliffless mutate`: exit 0 when the run completed (and the score is at least --min-score), 1 when
 * the score is below --min-score or the unmutated contracts already fail the campaign, 2 for bad
 * flags, paths, existing outputs or contracts that do not compile, 130 on Ctrl-C (the mutants done
 * so far are reported; the report files are not written).
 */
export async function mutateCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const force = f.force === true;
  const minScore = f['min-score'] as number | undefined;
  if (minScore !== undefined && minScore > 100) throw new UsageError('--min-score is a percentage: 0 to 100', 'mutate');
  const jobs = (f.jobs as number | undefined) ?? 2;
  if (jobs > 16) throw new UsageError('--jobs must be at most 16', 'mutate');
  const markdown = f.markdown === undefined ? undefined : claimOutput('markdown', f.markdown as string, { force });
  const json = f.json === undefined ? undefined : claimOutput('json', f.json as string, { force });
  requireDistinct([markdown, json]);
  const contractsDir = resolve((f.contracts as string | undefined) ?? join(PROJECT_ROOT, 'contracts'));
  checkContractsFolder(contractsDir, f.contracts === undefined ? contractsDir : `--contracts ${String(f.contracts)}`);
  // Read (and refused if malformed) before any work, like the output claims above.
  const equivalentList = readDeclarations(f, contractsDir);

  let all: ReturnType<typeof generateMutants>;
  try {
    all = generateMutants({ contractsDir });
  } catch (error) {
    if (error instanceof CompileError)
      throw new CliflessError('the contracts do not compile', { details: error.message });
    throw error;
  }
  const mutants = selectMutants(all, f.only as string | undefined, f.max as number | undefined);
  const declarations = equivalentList === undefined ? undefined : matchDeclarations(equivalentList, all);
  const declared = (id: string) => declarations?.byId.has(id) === true;
  const declaredInSelection = mutants.filter((m) => declared(m.id)).length;
  if (f.list === true) {
    for (const m of mutants) {
      const mark = declared(m.id) ? '\t[declared equivalent]' : '';
      process.stdout.write(`${m.id}\t${oneLine(m.original)} → ${oneLine(m.replacement)}${mark}\n`);
    }
    process.stdout.write(`${mutants.length} of ${all.length} mutants\n`);
    if (declarations !== undefined) process.stdout.write(declarationsNote(declarations, declaredInSelection));
    return 0;
  }

  const budget: MutantBudget = {
    seed: (f.seed as number | undefined) ?? 1,
    runs: (f.runs as number | undefined) ?? 100,
    depth: (f.depth as number | undefined) ?? 100,
    ...(f['time-per-mutant'] === undefined ? {} : { timeSeconds: f['time-per-mutant'] as number }),
    ...(f.guided === true ? { guided: true } : {}),
  };
  const shownDir = relative(process.cwd(), contractsDir) || '.';
  log(
    `mutating ${shownDir}: ${mutants.length} of ${all.length} mutants; each gets seed ${budget.seed}, up to ${budget.runs} runs of up to ${budget.depth} actions${budget.timeSeconds === undefined ? '' : `, ${budget.timeSeconds}s at most`}${budget.guided === true ? ', guided at the mutated line' : ''}; ${jobs} worker${jobs === 1 ? '' : 's'}`,
  );
  if (declarations !== undefined) log(declarationsNote(declarations, declaredInSelection).trimEnd());
  const started = performance.now();
  const width = String(mutants.length).length;
  const stop = interruptOnSigint(log, 'stopping the mutants in progress');
  const pooled = await runMutantPool(mutants, {
    signal: stop.signal,
    jobs,
    budget,
    contractsDir,
    ...(f['no-cache'] === true ? { cacheDir: false as const } : {}),
    onOutcome: (o, _m, done) => {
      const what =
        o.status === 'killed'
          ? `killed by ${o.killedBy} after ${o.actionsToKill} actions (${o.secondsToKill?.toFixed(1)}s)`
          : o.status === 'survived'
            ? `survived ${o.runs} runs, ${o.actions} actions${o.interrupted === true ? ' (time budget)' : ''}`
            : 'invalid: does not compile';
      const verdict = !declared(o.id)
        ? ''
        : o.status === 'killed'
          ? '  [DECLARED EQUIVALENT: the declaration is wrong]'
          : '  [declared equivalent]';
      log(
        `[${String(done).padStart(width)}/${mutants.length}] ${o.id}  ${what}${verdict}  [compile ${o.compileSeconds.toFixed(1)}s, total ${o.seconds.toFixed(1)}s]`,
      );
    },
  }).finally(() => stop.dispose());
  const originals = () =>
    Object.fromEntries(
      [...new Set(mutants.map((m) => m.file))].map((file) => [
        file,
        readFileSync(join(contractsDir, ...file.slice('contracts/'.length).split('/')), 'utf8'),
      ]),
    );
  if ('interrupted' in pooled) {
    // A worker stopped mid-compile may have left its temporary cache file: nothing may survive.
    removeOwnTemporaries(MUTANT_CACHE_DIR);
    removeOwnTemporaries(join(PROJECT_ROOT, '.cliffless', 'cache'));
    const done = mutants.flatMap((m, i) => {
      const outcome = pooled.outcomes[i];
      return outcome === undefined ? [] : [{ mutant: m, outcome }];
    });
    if (pooled.baseline !== undefined && !pooled.baseline.killed && done.length > 0) {
      const partial = buildReport({
        contracts: shownDir,
        budget: { ...budget, jobs },
        baseline: pooled.baseline,
        mutants: done.map((d) => d.mutant),
        outcomes: done.map((d) => d.outcome),
        originals: originals(),
        seconds: (performance.now() - started) / 1000,
        ...(declarations === undefined ? {} : { declarations }),
      });
      process.stdout.write(`\n${formatMutationSummary(partial)}`);
    }
    const outputs = [markdown, json].filter((c) => c !== undefined).map((c) => `--${c.flag}`);
    process.stdout.write(
      `interrupted by Ctrl-C after ${done.length} of ${mutants.length} mutants${pooled.baseline === undefined ? ' (the unmutated campaign had not finished)' : ''}: the figures above are the mutants done so far` +
        `${outputs.length > 0 ? `; ${outputs.join(' and ')} not written` : ''}\n` +
        `rerun with: ${rerunLine('mutate', args, MUTATE_FLAGS)}\n`,
    );
    return EXIT_INTERRUPTED;
  }
  const result = pooled;
  if (result.baseline.killed) {
    process.stdout.write(
      `the unmutated contracts already fail this campaign (killed by ${result.baseline.killedBy}), so no mutant result would mean anything:\n${result.baseline.detail}\n` +
        `reproduce with: ${rerunLine('fuzz', { positionals: [], flags: { seed: budget.seed, runs: budget.runs, depth: budget.depth, time: budget.timeSeconds, contracts: f.contracts } }, ['seed', 'runs', 'depth', 'time', 'contracts'])}\n`,
    );
    return 1;
  }

  const report = buildReport({
    contracts: shownDir,
    budget: { ...budget, jobs },
    baseline: result.baseline,
    mutants,
    outcomes: result.outcomes,
    originals: originals(),
    seconds: (performance.now() - started) / 1000,
    ...(declarations === undefined ? {} : { declarations }),
  });
  process.stdout.write(`\n${formatMutationSummary(report)}`);
  let lost = 0;
  for (const [claim, text, what] of [
    [markdown, () => renderMarkdown(report), 'MARKDOWN REPORT'],
    [json, () => `${JSON.stringify(report, null, 2)}\n`, 'JSON REPORT'],
  ] as const) {
    if (claim === undefined) continue;
    const delivered = deliverOutput(claim, text(), what);
    if (delivered.lost !== undefined) lost = EXIT_OUTPUT_LOST;
    else log(`report written to ${claim.path}`);
  }
  if (minScore !== undefined && report.total.score !== null && report.total.score * 100 < minScore) {
    process.stdout.write(`mutation score ${(report.total.score * 100).toFixed(1)}% is below --min-score ${minScore}\n`);
    return 1 | lost;
  }
  return lost;
}

/**
 * The declarations file to use: --equivalent's, none with --no-equivalent, else
 * mutate-equivalent.json beside the contracts folder when it exists (its ids name mutants of those
 * contracts, so it travels with them).
 */
function readDeclarations(f: ParsedArgs['flags'], contractsDir: string): EquivalentList | undefined {
  if (f['no-equivalent'] === true) return undefined;
  if (f.equivalent !== undefined) return readEquivalentList(f.equivalent as string, 'equivalent');
  const fallback = defaultEquivalentFile(contractsDir);
  if (!existsSync(fallback)) return undefined;
  return readEquivalentList(relative(process.cwd(), fallback) || fallback, undefined);
}

function declarationsNote(d: Declarations, inSelection: number): string {
  const stale = d.stale.map((s) => `  stale, not applied: ${s.id}: ${s.problem}\n`).join('');
  return (
    `declared equivalent in ${d.file}: ${entryCount(d.declared)}, ${inSelection} selected, ${d.stale.length} stale` +
    `${d.stale.length > 0 ? ' (check them against `cliffless mutate --list`)' : ''}\n${stale}`
  );
}

/** As the declarations' `original` is matched, so that an entry can be copied from `--list`. */
function oneLine(text: string): string {
  return collapseWhitespace(text) || '(nothing)';
}
