import { checkD1, type Observation } from '../../properties/d1-equivalence.ts';
import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action, ActionKind } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import { NameBook } from '../trace/names.ts';
import { trackSeries } from '../trace/track-series.ts';
import { genericPath, withNames } from './naming.ts';
import { type AuditEnvironment, resetAudit } from './sides.ts';

/** Differences listed per step at most (the first one names the difference; the rest inform). */
const LISTED_PATHS = 12;

/** One action run on the model and both versions. */
export interface AuditStep {
  action: Action;
  model: Outcome;
  base: Outcome;
  next: Outcome;
}

/** One place where the versions differ, with names instead of addresses. */
export interface PathDifference {
  path: string;
  base: string;
  next: string;
}

/** Whether each version has agreed with the model (outcome and observed state) at every step so far. */
export interface ModelAgreement {
  base: boolean;
  next: boolean;
}

/** The first step of a run at which the base and the new version behaved differently. */
export interface VersionDifference {
  step: number;
  action: Action;
  /** What identifies the difference across runs: `${kind} ${genericPath}`, e.g. `redeem outcome.returns[0]`. */
  key: string;
  kind: ActionKind;
  /** The generic path of the first difference (actors `*`, series `#*`), as an allow-list matches it. */
  path: string;
  /** Every differing path at this step, named, outcome before state, in D1's order. */
  differences: PathDifference[];
  model: Outcome;
  base: Outcome;
  next: Outcome;
  agreement: ModelAgreement;
}

/** Gas of one action that succeeded on both versions from the same state. */
export interface GasSample {
  kind: ActionKind;
  base: bigint;
  next: bigint;
}

/** What one run did, up to and including its first difference. */
export interface AuditRun {
  steps: AuditStep[];
  difference: VersionDifference | undefined;
  gas: GasSample[];
  /** The first step at which each version disagreed with the model, if any. */
  modelDivergence: { base?: number; next?: number };
}

/**
 * Runs actions on the model, the base and the new version in lockstep from the start state. After
 * each step it compares base against new with D1's comparison (outcome: success or revert, error
 * name and arguments, returns, every event in order; then the whole observed state), and each
 * version against the model. The run stops at the first base/new difference: after it the two
 * states differ, so later differences (and gas) would compare unlike with unlike. `next` chooses
 * each action from the new version's state (the generator) or returns a fixed one (a trace).
 */
export async function runLockstep(
  env: AuditEnvironment,
  next: (state: ObservedState, index: number) => Action | undefined,
): Promise<AuditRun> {
  await resetAudit(env);
  const book = new NameBook(env.setup);
  const run: AuditRun = { steps: [], difference: undefined, gas: [], modelDivergence: {} };
  let state = await env.next.observe();
  for (let index = 0; ; index++) {
    const action = next(state, index);
    if (action === undefined) break;
    const model: Observation = { outcome: await env.model.execute(action), state: await env.model.observe() };
    const base: Observation = { outcome: await env.base.execute(action), state: await env.base.observe() };
    const baseGas = env.baseHost.lastGas;
    const fresh: Observation = { outcome: await env.next.execute(action), state: await env.next.observe() };
    const newGas = env.newHost.lastGas;
    run.steps.push({ action, model: model.outcome, base: base.outcome, next: fresh.outcome });
    trackSeries(book, action, fresh.outcome);

    if (run.modelDivergence.base === undefined && checkD1(model, base).length > 0) run.modelDivergence.base = index;
    if (run.modelDivergence.next === undefined && checkD1(model, fresh).length > 0) run.modelDivergence.next = index;
    const differences = checkD1(base, fresh, LISTED_PATHS).map((v) => ({
      path: withNames(v.path ?? '', book),
      base: withNames(v.expected, book),
      next: withNames(v.actual, book),
    }));
    const first = differences[0];
    if (first !== undefined) {
      const path = genericPath(first.path);
      run.difference = {
        step: index,
        action,
        key: `${action.kind} ${path}`,
        kind: action.kind,
        path,
        differences,
        model: model.outcome,
        base: base.outcome,
        next: fresh.outcome,
        agreement: {
          base: run.modelDivergence.base === undefined,
          next: run.modelDivergence.next === undefined,
        },
      };
      return run;
    }
    if (base.outcome.ok && baseGas !== undefined && newGas !== undefined) {
      run.gas.push({ kind: action.kind, base: baseGas.total, next: newGas.total });
    }
    state = fresh.state;
  }
  return run;
}
