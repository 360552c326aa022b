import type { Action } from '../../reference/action.ts';
import { interpretStep } from '../generate/interpret.ts';
import { mergeWarps, minimizeList, ShrinkBudget, simplifyValues } from '../runner/minimize.ts';
import { type AuditRun, runLockstep } from './lockstep.ts';
import type { AuditEnvironment } from './sides.ts';

/** Runs generated steps (interpreted against the new version's state) in lockstep. */
export function runWordsLockstep(env: AuditEnvironment, words: readonly (readonly number[])[]): Promise<AuditRun> {
  return runLockstep(env, (state, i) =>
    i < words.length ? interpretStep(words[i] as number[], env.setup, state) : undefined,
  );
}

/** Runs a fixed action list in lockstep. */
export function runActionsLockstep(env: AuditEnvironment, actions: readonly Action[]): Promise<AuditRun> {
  return runLockstep(env, (_, i) => actions[i]);
}

/**
 * Shrinks the run that first showed the difference `key` to a short action list whose first
 * base/new difference is still `key`, with the fuzzer's shrinker (fuzz/runner/minimize.ts): ddmin
 * over the generator's steps, ddmin over the concrete actions, adjacent warps joined, then smaller,
 * rounder amounts. `budget` replays in all, shared equally by the four phases. Deterministic.
 */
export async function shrinkDifference(
  env: AuditEnvironment,
  words: readonly (readonly number[])[],
  key: string,
  budget: number,
): Promise<AuditRun> {
  const share = () => new ShrinkBudget(Math.ceil(budget / 4));
  const first = await runWordsLockstep(env, words);
  const found = first.difference;
  if (found === undefined || found.key !== key) {
    throw new Error(`internal: the run no longer shows ${key}; the audit is not deterministic`);
  }
  const same = (run: AuditRun) => run.difference?.key === key;
  const kept = await minimizeList(
    words.slice(0, found.step + 1),
    async (candidate) => same(await runWordsLockstep(env, candidate)),
    share(),
  );
  const generated = await runWordsLockstep(env, kept);
  const stillDiffers = async (candidate: Action[]) => same(await runActionsLockstep(env, candidate));
  let actions = await minimizeList(
    generated.steps.map((s) => s.action),
    stillDiffers,
    share(),
  );
  actions = await mergeWarps(actions, stillDiffers, share());
  actions = await simplifyValues(actions, stillDiffers, share());
  const final = await runActionsLockstep(env, actions);
  if (!same(final)) throw new Error(`internal: the shrunk trace no longer shows ${key}`);
  return final;
}
