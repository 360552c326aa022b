import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { interpretStep } from '../generate/interpret.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import type { DirectedRun } from './directed.ts';
import { outcomeFeature, phaseFeatures, relationFeatures } from './model-features.ts';
import type { BranchTarget } from './target.ts';

/**
 * Collects one directed run's features as the guided campaign does (fuzz/guide/model-features.ts):
 * the branch directions `recorder` reports, each action's outcome, its relations to the state and
 * the phase transitions; and the first step after which a target direction (else a near one) had
 * been reached. The directed audit and the directed kill campaign drive their runs through it, each
 * with its own runner.
 *
 * @example
 * const collector = new DirectedFeatures(recorder, target, env.setup, words); // before the run
 * const run = await runLockstep(env, (state, i) => collector.next(state, i));
 * for (const step of run.steps) collector.outcome(step.action, step.next);
 * return { ...run, ...collector.finish(run.steps.length) };
 */
export class DirectedFeatures {
  private readonly features = new Set<string>();
  private readonly aims: ReadonlySet<string>;
  private readonly near: ReadonlySet<string>;
  private hitTarget: number | undefined;
  private hitNear: number | undefined;
  private previous: ObservedState | undefined;

  /** Starts a run: what the recorder holds from before it (the world's reset) is dropped. */
  constructor(
    private readonly recorder: BranchRecorder,
    target: BranchTarget,
    private readonly setup: WorldSetup,
    private readonly words: readonly (readonly number[])[],
  ) {
    this.aims = new Set(target.directions);
    this.near = new Set(target.near);
    recorder.takeRun();
  }

  /**
   * The runner's step function: credits the directions of the step before `i` to it, then
   * interprets step `i`'s words against `state` (undefined past the last word step).
   */
  next(state: ObservedState, i: number): Action | undefined {
    this.collect(Math.max(0, i - 1));
    if (this.previous !== undefined) for (const f of phaseFeatures(this.previous, state)) this.features.add(f);
    this.previous = state;
    if (i >= this.words.length) return undefined;
    const action = interpretStep(this.words[i] as number[], this.setup, state);
    for (const f of relationFeatures(action, state)) this.features.add(f);
    return action;
  }

  /** Records an executed action's outcome. */
  outcome(action: Action, outcome: Outcome): void {
    this.features.add(outcomeFeature(action, outcome));
  }

  /** Ends the run of `steps` steps: every feature, sorted, and `hitStep` when a target was reached. */
  finish(steps: number): DirectedRun {
    this.collect(Math.max(0, steps - 1));
    const hitStep = this.hitTarget ?? this.hitNear;
    return { features: [...this.features].sort(), ...(hitStep === undefined ? {} : { hitStep }) };
  }

  private collect(step: number): void {
    for (const f of this.recorder.takeRun()) {
      this.features.add(f);
      if (this.hitTarget === undefined && this.aims.has(f)) this.hitTarget = step;
      if (this.hitNear === undefined && this.near.has(f)) this.hitNear = step;
    }
  }
}
