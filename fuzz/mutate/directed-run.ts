import type { ObservedState } from '../../properties/observed-state.ts';
import { interpretStep } from '../generate/interpret.ts';
import type { BranchRecorder } from '../guide/branch-recorder.ts';
import type { DirectedRun } from '../guide/directed.ts';
import { outcomeFeature, phaseFeatures, relationFeatures } from '../guide/model-features.ts';
import type { BranchTarget } from '../guide/target.ts';
import type { Checks } from '../runner/checks.ts';
import { type Environment, resetEnvironment } from '../runner/environment.ts';
import { runSequence, type SequenceResult } from '../runner/run-sequence.ts';
import type { CampaignStats } from '../runner/stats.ts';

/** A checked run with what it reached; `thrown` when the harness itself threw on the mutant. */
export type FeatureRun = SequenceResult & DirectedRun & { thrown?: unknown };

/**
 * Runs generated steps from the start state on the model and the mutant in lockstep with every
 * check (as `runGenerated`), and collects the run's features as the guided campaign does (branch
 * directions, outcomes, relations, phases); `hitStep` is the first step after which the mutated
 * line's branch direction (else one of its function's) had been reached, where an aimed mutation
 * cuts the run.
 */
export async function runWithFeatures(
  env: Environment,
  checks: Checks,
  recorder: BranchRecorder,
  target: BranchTarget,
  words: readonly (readonly number[])[],
  stats: CampaignStats,
): Promise<FeatureRun> {
  await resetEnvironment(env);
  checks.reset();
  recorder.takeRun();
  const features = new Set<string>();
  const aims = new Set(target.directions);
  const near = new Set(target.near);
  let hitTarget: number | undefined;
  let hitNear: number | undefined;
  let previous: ObservedState | undefined;
  const collect = (step: number) => {
    for (const f of recorder.takeRun()) {
      features.add(f);
      if (hitTarget === undefined && aims.has(f)) hitTarget = step;
      if (hitNear === undefined && near.has(f)) hitNear = step;
    }
  };
  const result = await runSequence(
    env.model,
    env.evm,
    (state, i) => {
      collect(Math.max(0, i - 1));
      if (previous !== undefined) for (const f of phaseFeatures(previous, state)) features.add(f);
      previous = state;
      if (i >= words.length) return undefined;
      const action = interpretStep(words[i] as number[], env.setup, state);
      for (const f of relationFeatures(action, state)) features.add(f);
      return action;
    },
    {
      checks,
      stats,
      afterStep: (_, step) => {
        features.add(outcomeFeature(step.action, step.outcome));
        return undefined;
      },
    },
  );
  collect(Math.max(0, result.steps.length - 1));
  const hitStep = hitTarget ?? hitNear;
  return { ...result, features: [...features].sort(), ...(hitStep === undefined ? {} : { hitStep }) };
}
