import { writeFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { exhaustiveCommand } from '../exhaustive/command.ts';
import { runCampaign } from '../runner/campaign.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { describeFailure } from '../runner/render.ts';
import { buildTrace } from '../trace/build.ts';
import { writeTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import type { CommandSpec, ParsedArgs } from './args.ts';
import { compileForCli } from './compile-step.ts';
import { Progress } from './progress.ts';
import { formatSummary, summaryJson } from './summary.ts';

export const fuzzSpec: CommandSpec = {
  name: 'fuzz',
  summary: 'run a differential campaign: model against the contracts in the embedded EVM',
  usage: 'cliffless fuzz [--runs N] [--depth N] [--seed N] [--time 10m] [--out DIR]',
  positionals: [],
  flags: [
    { name: 'runs', type: 'int', min: 1, default: '100', description: 'Action sequences to run' },
    { name: 'depth', type: 'int', min: 1, default: '100', description: 'Most actions per sequence' },
    { name: 'seed', type: 'int', min: 0, default: '1', description: 'Seed: same seed and contracts, same result' },
    {
      name: 'time',
      type: 'duration',
      description: 'Stop after this long (e.g. 90s, 15m); the result then depends on speed',
    },
    { name: 'out', type: 'string', default: 'traces', description: 'Folder a counterexample trace is written to' },
    { name: 'actors', type: 'int', min: 1, default: '4', description: 'Actors besides the arbitrator (1 to 16)' },
    {
      name: 'probes',
      type: 'int',
      min: 0,
      default: '2',
      description: 'M6/O5 probes run per step on throw-away copies',
    },
    {
      name: 'probe-every',
      type: 'int',
      min: 1,
      description: `Probe after every N-th step and at each run's end (default ${DEFAULT_PROBE_EVERY}; 1 with --exhaustive)`,
    },
    { name: 'contracts', type: 'string', description: 'Contracts folder to fuzz instead of ./contracts' },
    { name: 'summary-json', type: 'string', description: 'Also write the summary as JSON to this file' },
    {
      name: 'exhaustive',
      type: 'boolean',
      description:
        'Run every action sequence up to --depth (default 3) over a small domain instead (docs: fuzz/exhaustive/domain.ts)',
    },
    { name: 'prelude', type: 'string', description: "With --exhaustive: start after 'created' (default) or 'settled'" },
  ],
  examples: [
    'npx cliffless fuzz                         # 100 runs, seed 1: the CI campaign',
    'npx cliffless fuzz --seed 7 --runs 2000     # a deeper campaign',
    'npx cliffless fuzz --time 15m --seed $RANDOM # an open-ended random one',
    'npx cliffless fuzz --exhaustive --depth 4   # every sequence of 4 actions over a small domain',
  ],
};

/** `cliffless fuzz`: exit 0 when every run passed, 1 with a written trace on a failure. */
export async function fuzzCommand(args: ParsedArgs): Promise<number> {
  const f = args.flags;
  if (f.exhaustive === true)
    return exhaustiveCommand(f, (contracts) => compileForCli(contracts, (line) => process.stderr.write(`${line}\n`)));
  const seed = (f.seed as number | undefined) ?? 1;
  const runs = (f.runs as number | undefined) ?? (f.time === undefined ? 100 : Number.MAX_SAFE_INTEGER);
  const depth = (f.depth as number | undefined) ?? 100;
  const actors = (f.actors as number | undefined) ?? 4;
  const out = (f.out as string | undefined) ?? 'traces';
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (actors > 16) throw new UsageError('--actors must be at most 16', 'fuzz');

  const artifacts = compileForCli(f.contracts as string | undefined, log);
  const world = { actors, approvals: true };
  const env = await prepareEnvironment(artifacts, world);
  log(
    `fuzzing: seed ${seed}, ${Number.isFinite(runs) && runs < Number.MAX_SAFE_INTEGER ? `${runs} runs` : 'until the time budget'}, depth up to ${depth}, ${actors} actors`,
  );

  const progress = new Progress();
  const result = await runCampaign(env, {
    seed,
    runs,
    depth,
    probesPerStep: (f.probes as number | undefined) ?? 2,
    probeEvery: (f['probe-every'] as number | undefined) ?? DEFAULT_PROBE_EVERY,
    ...(f.time === undefined ? {} : { timeSeconds: f.time as number }),
    onRun: (stats) => progress.update(stats, runs),
  });
  progress.done();
  const seconds = progress.elapsed();
  process.stdout.write(`${formatSummary(result.stats, seconds, seed)}\n`);
  if (f['summary-json'] !== undefined) {
    writeFileSync(f['summary-json'] as string, `${JSON.stringify(summaryJson(result.stats, seed), null, 2)}\n`);
  }
  if (result.failure === undefined) {
    process.stdout.write(result.interrupted ? 'stopped by the time budget: no failure found\n' : 'no failure found\n');
    return 0;
  }
  const start = new NameBook(env.setup);
  const trace = buildTrace({ world, book: start, steps: result.failure.steps, failure: result.failure.failure, seed });
  const path = writeTraceFile(out, `fuzz-seed${seed}`, trace);
  const book = bookAfter(start, result.failure.steps.slice(0, -1));
  process.stdout.write(
    `\nFAILURE (shrunk from ${result.failure.originalLength} to ${result.failure.steps.length} actions)\n` +
      `${describeFailure(result.failure.failure, book)}\n\ntrace written to ${path}\n` +
      `replay with: npx cliffless replay ${path}\n`,
  );
  return 1;
}
