import type { Artifacts } from '../compile/index.ts';
import { BranchRecorder, branchTotals } from '../guide/branch-recorder.ts';
import { type GuidedProgress, runGuidedCampaign } from '../guide/campaign.ts';
import { readCorpus, writeCorpus } from '../guide/corpus-files.ts';
import { formatGuidedSummary } from '../guide/summary.ts';
import { claimOutput, EXIT_OUTPUT_LOST, type OutputClaim } from '../io/output.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { describeFailure } from '../runner/render.ts';
import type { CampaignStats } from '../runner/stats.ts';
import { formatSummary } from '../runner/summary.ts';
import { buildTrace } from '../trace/build.ts';
import type { TraceWorld } from '../trace/format.ts';
import { deliverTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import { shownPath } from './kit/rerun.ts';
import { Progress } from './progress.ts';

/** The progress line with the corpus and the branch directions reached. */
class GuidedProgressLine extends Progress {
  guided: GuidedProgress | undefined;

  override line(stats: CampaignStats, totalRuns: number): string {
    const base = super.line(stats, totalRuns);
    const g = this.guided;
    return g === undefined ? base : `${base}  branches ${g.branches}  corpus ${g.corpusSize}`;
  }
}

/** What `cliffless fuzz --guided` runs (parsed by the fuzz command). */
export interface GuidedFuzzOptions {
  seed: number;
  runs: number;
  depth: number;
  probes: number;
  probeEvery: number;
  world: TraceWorld;
  /** The traces folder, claimed before any work. */
  out: OutputClaim;
  /** The command line that reruns this campaign. */
  rerun: string;
  /** The command line that replays a written trace (with the flags that change a replay). */
  replay: (trace: string) => string;
  timeSeconds?: number;
  corpus?: string;
  workers: number;
}

/**
 * `cliffless fuzz --guided [--corpus DIR]`: a coverage-guided campaign on this thread (the result
 * does not depend on `--workers`). The corpus folder is claimed before any work, read, replayed,
 * and what the campaign added is written into it at the end, never over a file. Exit 0, or 1 with
 * a written, shrunk trace.
 */
export async function guidedFuzz(
  options: GuidedFuzzOptions,
  compile: () => Artifacts,
  log: (line: string) => void,
): Promise<number> {
  const claim: OutputClaim | undefined =
    options.corpus === undefined ? undefined : claimOutput('corpus', options.corpus, { kind: 'folder' });
  // A malformed entry is refused before anything is compiled or run.
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
    `fuzzing (guided): seed ${options.seed}, ${finite ? `${options.runs} runs` : 'until the time budget'}, depth up to ${options.depth}, ${options.world.actors} actors` +
      `${options.corpus === undefined ? '' : `, corpus ${options.corpus} (${seedCorpus.length} entries)`}` +
      `${options.workers > 1 ? ' (guided campaigns run on one thread: --workers does not apply)' : ''}`,
  );
  const progress = new GuidedProgressLine();
  const result = await runGuidedCampaign(env, recorder, {
    seed: options.seed,
    runs: options.runs,
    depth: options.depth,
    probesPerStep: options.probes,
    probeEvery: options.probeEvery,
    corpus: seedCorpus,
    ...(options.timeSeconds === undefined ? {} : { timeSeconds: options.timeSeconds }),
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
  if (claim !== undefined) {
    const added = result.corpus.filter((e) => 'run' in e.origin);
    const written = writeCorpus(claim, added, env.setup, options.world);
    process.stdout.write(`corpus: ${written.length} new file(s) written to ${options.corpus}\n`);
  }
  if (result.failure === undefined) {
    process.stdout.write(result.interrupted ? 'stopped by the time budget: no failure found\n' : 'no failure found\n');
    return 0;
  }
  const start = new NameBook(env.setup);
  const where =
    result.failureFile === undefined
      ? `run ${result.failure.run} of the guided campaign with seed ${options.seed}`
      : `replaying the corpus entry ${result.failureFile}`;
  // The report first, in full: should the trace then fail to write, nothing of the result is lost.
  process.stdout.write(
    `\nFAILURE (shrunk from ${result.failure.originalLength} to ${result.failure.steps.length} actions)\n` +
      `${describeFailure(result.failure.failure, bookAfter(start, result.failure.steps.slice(0, -1)))}\n\n`,
  );
  const delivered = deliverTraceFile(
    options.out,
    `fuzz-guided-seed${options.seed}`,
    buildTrace({
      world: options.world,
      book: start,
      steps: result.failure.steps,
      failure: result.failure.failure,
      seed: options.seed,
    }),
  );
  if (delivered.written === undefined) {
    process.stdout.write(`the trace above was not written: save it to a file to replay it\n(found ${where})\n`);
    return 1 | EXIT_OUTPUT_LOST;
  }
  const shown = shownPath(delivered.written);
  process.stdout.write(`trace written to ${shown}\nreplay with: ${options.replay(shown)}\n(found ${where})\n`);
  return 1;
}
