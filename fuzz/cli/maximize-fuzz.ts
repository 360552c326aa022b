import { basename } from 'node:path';
import { compileForCli } from '../compile/for-cli.ts';
import { BranchRecorder, branchTotals } from '../guide/branch-recorder.ts';
import type { GuidedProgress } from '../guide/campaign.ts';
import { readCorpus, writeCorpus } from '../guide/corpus-files.ts';
import { type BestRun, runMaximizeCampaign } from '../guide/maximize.ts';
import { maximizeTrace } from '../guide/maximize-trace.ts';
import { type Metric, metricName } from '../guide/metrics.ts';
import { formatGuidedSummary } from '../guide/summary.ts';
import { claimOutput, EXIT_OUTPUT_LOST, type OutputClaim } from '../io/output.ts';
import { writeSummaryFile } from '../parallel/summary-file.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { describeFailure } from '../runner/render.ts';
import type { CampaignStats } from '../runner/stats.ts';
import { formatSummary, summaryJson } from '../runner/summary.ts';
import { buildTrace } from '../trace/build.ts';
import { deliverTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import type { ParsedArgs } from './kit/args.ts';
import { rerunLine, shownPath } from './kit/rerun.ts';
import { Progress } from './progress.ts';

/** The progress line with the corpus, the branch directions and the best value so far. */
class MaximizeProgressLine extends Progress {
  guided: GuidedProgress | undefined;
  best = 0n;

  override line(stats: CampaignStats, totalRuns: number): string {
    const g = this.guided;
    const base = super.line(stats, totalRuns);
    return g === undefined ? base : `${base}  branches ${g.branches}  corpus ${g.corpusSize}  best ${this.best}`;
  }
}

/** What the fuzz command has parsed and claimed before `--maximize` takes over. */
export interface MaximizeFlags {
  metric: Metric;
  seed: number;
  runs: number;
  depth: number;
  actors: number;
  /** The traces folder, claimed before any work. */
  out: OutputClaim;
  /** `--summary-json`, claimed before any work. */
  summary: OutputClaim | undefined;
  /** The command line that reruns this campaign. */
  rerun: string;
}

/**
 * `cliffless fuzz --maximize METRIC`: a guided campaign that also keeps the runs raising the
 * metric, then prints the best value with its unit and the run that reached it, and writes that
 * run as a trace (`maximize-<metric>-seed<N>-<hash>.json` in `--out`, with a `maximize` record that
 * `cliffless replay` measures again). A failure still ends the campaign and is shrunk and written
 * as in `fuzz --guided`. Exit 0, or 1 with a failure; plus 4 when an output could not be written.
 */
export async function maximizeFuzz(
  args: ParsedArgs,
  flags: MaximizeFlags,
  log: (line: string) => void,
): Promise<number> {
  const f = args.flags;
  const options = {
    ...flags,
    probes: (f.probes as number | undefined) ?? 2,
    probeEvery: (f['probe-every'] as number | undefined) ?? DEFAULT_PROBE_EVERY,
    world: { actors: flags.actors, approvals: true },
    replay: (trace: string) =>
      rerunLine('replay', { positionals: [trace], flags: { contracts: f.contracts, probes: f.probes } }, [
        'contracts',
        'probes',
      ]),
    timeSeconds: f.time as number | undefined,
    corpus: f.corpus as string | undefined,
  };
  const compile = () => compileForCli(f.contracts as string | undefined, log);
  const name = metricName(options.metric);
  const claim = options.corpus === undefined ? undefined : claimOutput('corpus', options.corpus, { kind: 'folder' });
  const seedCorpus = options.corpus === undefined ? [] : readCorpus(options.corpus, options.world);
  const artifacts = compile();
  let recorder: BranchRecorder | undefined;
  const env = await prepareEnvironment(artifacts, options.world, {
    onChain: (chain) => {
      recorder = new BranchRecorder(chain.evm, artifacts);
    },
  });
  if (recorder === undefined) throw new Error('internal: the branch recorder was never attached');
  const finite = options.runs < Number.MAX_SAFE_INTEGER;
  log(
    `maximizing ${name} (guided): seed ${options.seed}, ${finite ? `${options.runs} runs` : 'until the time budget'}, depth up to ${options.depth}, ${options.world.actors} actors` +
      `${options.corpus === undefined ? '' : `, corpus ${options.corpus} (${seedCorpus.length} entries)`}`,
  );
  const progress = new MaximizeProgressLine();
  const {
    guided: result,
    best,
    raises,
  } = await runMaximizeCampaign(env, recorder, options.metric, {
    seed: options.seed,
    runs: options.runs,
    depth: options.depth,
    probesPerStep: options.probes,
    probeEvery: options.probeEvery,
    corpus: seedCorpus,
    ...(options.timeSeconds === undefined ? {} : { timeSeconds: options.timeSeconds }),
    onRaise: (value) => {
      progress.best = value;
    },
    onRun: (g) => {
      progress.guided = g;
      progress.update(g.stats, options.runs);
    },
  });
  recorder.detach();
  progress.done();
  const seconds = { runs: Math.max(0, progress.elapsed() - result.shrinkSeconds), shrink: result.shrinkSeconds };
  process.stdout.write(`${formatSummary(result.stats, seconds, options.rerun)}\n`);
  process.stdout.write(`${formatGuidedSummary(result, branchTotals(artifacts))}\n`);
  let lost = 0;
  if (claim !== undefined) {
    // Entries kept only for the value reach nothing new: the corpus folder keeps features.
    const added = result.corpus.filter((e) => 'run' in e.origin && e.added.length > 0);
    const written = writeCorpus(claim, added, env.setup, options.world);
    process.stdout.write(`corpus: ${written.length} new file(s) written to ${options.corpus}\n`);
  }
  const found = best === undefined || best.measured.value === 0n ? undefined : foundBy(best, options.seed);
  if (raises.length > 0) {
    process.stdout.write(`raised by runs (run: value): ${raises.map(([r, v]) => `${r}: ${v}`).join(', ')}\n`);
  }
  let bestTrace: string | undefined;
  if (best === undefined) {
    process.stdout.write(`best ${name}: no input ran\n`);
  } else if (best.measured.value === 0n) {
    // Nothing to show: every run is a run at 0.
    process.stdout.write(`best ${name}: 0 ${best.measured.unit}: no run raised it above 0 (no trace written)\n`);
  } else {
    const { value, unit, at } = best.measured;
    process.stdout.write(`best ${name}: ${value} ${unit}${at === '' ? '' : ` (${at})`}, ${found}\n`);
    const trace = maximizeTrace(options.world, env.setup, best, name, options.seed, found as string);
    const delivered = deliverTraceFile(options.out, `maximize-${name.replace(':', '-')}-seed${options.seed}`, trace);
    if (delivered.written === undefined) {
      lost = EXIT_OUTPUT_LOST;
      process.stdout.write('the best trace above was not written: save it to a file to replay it\n');
    } else {
      bestTrace = delivered.written;
      const shown = shownPath(bestTrace);
      process.stdout.write(`best trace written to ${shown}\nreplay with: ${options.replay(shown)}\n`);
    }
  }
  let failureTrace: string | undefined;
  if (result.failure !== undefined) {
    const start = new NameBook(env.setup);
    process.stdout.write(
      `\nFAILURE (shrunk from ${result.failure.originalLength} to ${result.failure.steps.length} actions)\n` +
        `${describeFailure(result.failure.failure, bookAfter(start, result.failure.steps.slice(0, -1)))}\n\n`,
    );
    const failure = buildTrace({
      world: options.world,
      book: start,
      steps: result.failure.steps,
      failure: result.failure.failure,
      seed: options.seed,
    });
    const delivered = deliverTraceFile(options.out, `fuzz-maximize-seed${options.seed}`, failure);
    if (delivered.written === undefined) {
      lost = EXIT_OUTPUT_LOST;
      process.stdout.write('the failure trace above was not written: save it to a file to replay it\n');
    } else {
      failureTrace = delivered.written;
      const where =
        result.failureFile === undefined
          ? `run ${result.failure.run} of seed ${options.seed}`
          : `replaying ${result.failureFile}`;
      const shown = shownPath(failureTrace);
      process.stdout.write(
        `failure trace written to ${shown}\nreplay with: ${options.replay(shown)}\n(found ${where})\n`,
      );
    }
  } else {
    process.stdout.write(result.interrupted ? 'stopped by the time budget: no failure found\n' : 'no failure found\n');
  }
  if (options.summary !== undefined) {
    const document = {
      ...summaryJson(result.stats, options.seed),
      maximize: {
        metric: name,
        value: best === undefined ? null : best.measured.value.toString(),
        unit: best?.measured.unit ?? null,
        at: best?.measured.at ?? null,
        found: found ?? null,
        trace: bestTrace === undefined ? null : basename(bestTrace),
        raises: raises.map(([run, value]) => ({ run, value: value.toString() })),
        runs: result.runsDone,
        complete: result.failure === undefined && !result.interrupted,
        failure:
          result.failure === undefined
            ? null
            : {
                id: result.failure.failure.id,
                message: result.failure.failure.message,
                trace: failureTrace === undefined ? null : basename(failureTrace),
              },
      },
    };
    if (writeSummaryFile(options.summary, document).lost !== undefined) lost = EXIT_OUTPUT_LOST;
  }
  return (result.failure === undefined ? 0 : 1) | lost;
}

/** Which input reached the best value, in words. */
function foundBy(best: BestRun, seed: number): string {
  return 'run' in best.origin
    ? `found by run ${best.origin.run} of seed ${seed}`
    : `reached by the corpus entry ${best.origin.file}`;
}
