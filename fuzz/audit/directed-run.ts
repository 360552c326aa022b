import type { ObservedState } from '../../properties/observed-state.ts';
import { interpretStep } from '../generate/interpret.ts';
import type { BranchRecorder } from '../guide/branch-recorder.ts';
import type { DirectedRun } from '../guide/directed.ts';
import { outcomeFeature, phaseFeatures, relationFeatures } from '../guide/model-features.ts';
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
  recorder.takeRun();
  const run = await runLockstep(env, (state, i) => {
    collect(Math.max(0, i - 1));
    if (previous !== undefined) for (const f of phaseFeatures(previous, state)) features.add(f);
    previous = state;
    if (i >= words.length) return undefined;
    const action = interpretStep(words[i] as number[], env.setup, state);
    for (const f of relationFeatures(action, state)) features.add(f);
    return action;
  });
  collect(Math.max(0, run.steps.length - 1));
  for (const step of run.steps) features.add(outcomeFeature(step.action, step.next));
  const hitStep = hitTarget ?? hitNear;
  return { ...run, features: [...features].sort(), ...(hitStep === undefined ? {} : { hitStep }) };
}
