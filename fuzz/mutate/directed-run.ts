import type { BranchRecorder } from '../guide/branch-recorder.ts';
import type { DirectedRun } from '../guide/directed.ts';
import { DirectedFeatures } from '../guide/directed-features.ts';
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
  const collector = new DirectedFeatures(recorder, target, env.setup, words);
  const result = await runSequence(env.model, env.evm, (state, i) => collector.next(state, i), {
    checks,
    stats,
    afterStep: (_, step) => {
      collector.outcome(step.action, step.outcome);
      return undefined;
    },
  });
  return { ...result, ...collector.finish(result.steps.length) };
}
