import fc from 'fast-check';
import type { Action } from '../../reference/action.ts';
import { interpretStep } from '../generate/interpret.ts';
import { type Checks, DEFAULT_PROBE_EVERY } from './checks.ts';
import { checksFor, type Environment, resetEnvironment } from './environment.ts';
import type { StepFailure } from './failure.ts';
import { mergeWarps, minimizeList, ShrinkBudget, simplifyValues } from './minimize.ts';
import { type ExecutedStep, runSequence, type SequenceResult } from './run-sequence.ts';
import { CampaignStats } from './stats.ts';

/** Words per generated step: enough for every choice an action makes; deeper draws are derived. */
const WORDS_PER_STEP = 8;

/** Replays spent shrinking a failure, at most: bounds the time a failure takes to report. */
export const DEFAULT_SHRINK_BUDGET = 600;

/** What a campaign runs. */
export interface CampaignOptions {
  seed: number;
  runs: number;
  depth: number;
  /** Wall-clock budget in seconds; a run in progress finishes, then the campaign stops. */
  timeSeconds?: number;
  /** Probes (M6, O5) per probing step; see Checks. */
  probesPerStep: number;
  /** Probe after every k-th step and at each run's end (default {@link DEFAULT_PROBE_EVERY}). */
  probeEvery?: number;
  /** Replays the shrinker may spend on a failure (default {@link DEFAULT_SHRINK_BUDGET}). */
  shrinkBudget?: number;
  /** Called after every run of the campaign proper (not during shrinking). */
  onRun?: (stats: CampaignStats) => void;
}

/** A failure reduced to a short action list that still fails the same way. */
export interface MinimizedFailure {
  /** The minimized steps, the failing one last. */
  steps: ExecutedStep[];
  failure: StepFailure;
  /** Length of the failing sequence before fast-check and ddmin shrank it. */
  originalLength: number;
}

/** How a campaign ended. */
export interface CampaignResult {
  stats: CampaignStats;
  failure: MinimizedFailure | undefined;
  /** True when the time budget stopped the campaign before `runs`. */
  interrupted: boolean;
}

/** The sequence of generated steps fast-check draws and shrinks. */
export function stepsArbitrary(depth: number): fc.Arbitrary<number[][]> {
  const step = fc.array(fc.nat({ max: 0xffff_ffff }), { minLength: WORDS_PER_STEP, maxLength: WORDS_PER_STEP });
  return fc.array(step, { minLength: 1, maxLength: depth, size: 'max' });
}

/** Runs generated steps from the start state. */
export async function runGenerated(
  env: Environment,
  checks: Checks,
  words: readonly (readonly number[])[],
  stats?: CampaignStats,
): Promise<SequenceResult> {
  await resetEnvironment(env);
  checks.reset();
  return runSequence(
    env.model,
    env.evm,
    (state, i) => (i < words.length ? interpretStep(words[i] as number[], env.setup, state) : undefined),
    stats === undefined ? { checks } : { checks, stats },
  );
}

/** Runs a fixed action list from the start state. */
export async function runActions(
  env: Environment,
  checks: Checks,
  actions: readonly Action[],
  stats?: CampaignStats,
): Promise<SequenceResult> {
  await resetEnvironment(env);
  checks.reset();
  return runSequence(env.model, env.evm, (_, i) => actions[i], stats === undefined ? { checks } : { checks, stats });
}

/**
 * A differential campaign: fast-check draws step sequences from `seed`, each runs on the model and
 * the EVM from the same start state with every check after every step; the first failure is shrunk
 * with a bounded budget: ddmin over the generator's steps, ddmin over the concrete actions, then
 * smaller amounts. Same seed and contracts, same result.
 */
export async function runCampaign(env: Environment, options: CampaignOptions): Promise<CampaignResult> {
  const checks = checksFor(env, {
    probesPerStep: options.probesPerStep,
    probeEvery: options.probeEvery ?? DEFAULT_PROBE_EVERY,
  });
  const stats = new CampaignStats();
  let firstLength = 0;
  let failed = false;
  const property = fc.asyncProperty(stepsArbitrary(options.depth), async (words) => {
    const result = await runGenerated(env, checks, words, stats);
    stats.runs++;
    stats.recordReached(result.succeeded);
    if (result.failure !== undefined && !failed) {
      failed = true;
      stats.failures++;
      firstLength = result.steps.length;
    }
    options.onRun?.(stats);
    return result.failure === undefined;
  });
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    // fast-check's own shrinker would try every bit of every word of every step, each try a whole
    // EVM run; we stop at the first failure and shrink with a bounded budget below instead.
    endOnFailure: true,
    ...(options.timeSeconds === undefined
      ? {}
      : { interruptAfterTimeLimit: options.timeSeconds * 1000, markInterruptAsFailure: false }),
  });
  const interrupted = details.interrupted;
  if (!details.failed || details.counterexample === null) return { stats, failure: undefined, interrupted };

  // Each phase gets its own share, so a long ddmin cannot starve the value pass that makes a trace readable.
  const share = () => new ShrinkBudget(Math.ceil((options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET) / 4));
  const first = await runGenerated(env, checks, details.counterexample[0]);
  const target = first.failure;
  if (target === undefined)
    throw new Error('internal: the failing run did not fail again; the run is not deterministic');
  const sameFailure = (f: StepFailure | undefined) => f !== undefined && f.kind === target.kind && f.id === target.id;

  // 1. Generator steps: drop steps after the failure, then ddmin (later steps are re-interpreted).
  const words = await minimizeList(
    details.counterexample[0].slice(0, target.step + 1),
    async (candidate) => sameFailure((await runGenerated(env, checks, candidate)).failure),
    share(),
  );
  // 2. Concrete actions: ddmin, then smaller, rounder amounts.
  const generated = await runGenerated(env, checks, words);
  const stillFails = async (candidate: Action[]) => sameFailure((await runActions(env, checks, candidate)).failure);
  let actions = await minimizeList(
    generated.steps.map((s) => s.action),
    stillFails,
    share(),
  );
  actions = await mergeWarps(actions, stillFails, share());
  actions = await simplifyValues(actions, stillFails, share());
  const final = await runActions(env, checks, actions);
  if (final.failure === undefined) throw new Error('internal: the minimized trace no longer fails');
  return {
    stats,
    failure: { steps: final.steps, failure: final.failure, originalLength: firstLength },
    interrupted,
  };
}
