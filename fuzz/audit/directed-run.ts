import type { BranchRecorder } from '../guide/branch-recorder.ts';
import type { DirectedRun } from '../guide/directed.ts';
import { DirectedFeatures } from '../guide/directed-features.ts';
import type { BranchTarget } from '../guide/target.ts';
import { type AuditRun, runLockstep } from './lockstep.ts';
import type { AuditEnvironment } from './sides.ts';

/** An audit run with what it reached: the feedback of a directed audit. */
export type FeatureRun = AuditRun & DirectedRun;

/**
 * Runs generated steps in lockstep (as {@link runWordsLockstep}) with a branch recorder on the new
 * version's EVM, and collects the run's features: the new version's branch directions, each
 * action's outcome on it, its relations to the state and the phase transitions (the guided
 * campaign's features, fuzz/guide/model-features.ts). `hitStep` is the first step after which a
 * changed line's direction (else a direction of a function holding one) had been reached.
 */
export async function runWordsWithFeatures(
  env: AuditEnvironment,
  recorder: BranchRecorder,
  target: BranchTarget,
  words: readonly (readonly number[])[],
): Promise<FeatureRun> {
  const collector = new DirectedFeatures(recorder, target, env.setup, words);
  const run = await runLockstep(env, (state, i) => collector.next(state, i));
  for (const step of run.steps) collector.outcome(step.action, step.next);
  return { ...run, ...collector.finish(run.steps.length) };
}
