import type { PreparedEnvironment } from '../runner/prepare.ts';
import type { ExecutedStep } from '../runner/run-sequence.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import { type CorpusEntry, type GuidedOptions, type GuidedResult, runGuidedCampaign } from './campaign.ts';
import { GasMeter } from './maximize-meter.ts';
import { type Measured, type Metric, measure } from './metrics.ts';

/** The run with the highest value of the metric (the first one to reach it). */
export interface BestRun {
  measured: Measured;
  /** Its steps, as executed (up to and including a failing step, if it failed). */
  steps: ExecutedStep[];
  origin: CorpusEntry['origin'];
  /** Whether its last step failed a check (then the campaign ended with it). */
  failed: boolean;
}

/** How a maximizing campaign ended: the guided campaign's result and the best run. */
export interface MaximizeResult {
  guided: GuidedResult;
  /** Undefined only when no input ran at all (a time budget spent before run 0). */
  best: BestRun | undefined;
  /** Runs (campaign runs, not loaded entries) that raised the best value, in order: [run, value]. */
  raises: [number, bigint][];
}

/**
 * `fuzz --maximize`: the guided campaign (every input checked in lockstep with every property, D1
 * included), measuring `metric` on each input as it ends. A run whose value is above every earlier
 * one becomes the best and joins the corpus, so later runs mutate around it. Inputs are measured in
 * run-index order on this thread, so the seed, contracts and starting corpus decide the best run;
 * ties keep the earlier one. The first failure still ends the campaign; the failing run is
 * measured too (its steps up to the failing one), since a value a broken contract reaches counts.
 */
export async function runMaximizeCampaign(
  env: PreparedEnvironment,
  recorder: BranchRecorder,
  metric: Metric,
  options: Omit<GuidedOptions, 'onInput'> & { onRaise?: (value: bigint) => void },
): Promise<MaximizeResult> {
  const meter = new GasMeter(env.evm, env.host);
  let best: BestRun | undefined;
  const raises: [number, bigint][] = [];
  const guided = await runGuidedCampaign({ ...env, evm: meter.side }, recorder, {
    ...options,
    onInput: async (run, origin) => {
      // A stale corpus entry that ran nothing has no trace to show.
      if (run.steps.length === 0) return false;
      const measured = await measureSteps(metric, env, run.steps, meter);
      const previous = best?.measured.value ?? 0n;
      if (best === undefined || measured.value > previous)
        best = { measured, steps: run.steps, origin, failed: run.failure !== undefined };
      if (measured.value <= previous) return false;
      if ('run' in origin) raises.push([origin.run, measured.value]);
      options.onRaise?.(measured.value);
      return true;
    },
  });
  return { guided, best, raises };
}

/**
 * The metric's value for steps that have just run on `env` (its EVM still in their end state),
 * with each step's gas from `meter`. The campaign and `cliffless replay` both measure through it.
 */
export async function measureSteps(
  metric: Metric,
  env: PreparedEnvironment,
  steps: readonly ExecutedStep[],
  meter: GasMeter,
): Promise<Measured> {
  return measure(metric, {
    steps,
    gas: meter.gasOf(steps),
    final: await env.evm.observe(),
    book: bookAfter(new NameBook(env.setup), steps),
    actors: env.setup.actors,
  });
}
