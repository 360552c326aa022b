import { yieldToSignals } from '../cli/kit/sigint.ts';
import type { BranchRecorder } from '../guide/branch-recorder.ts';
import { runDirected } from '../guide/directed.ts';
import { type BranchTarget, type TargetReach, targetReach } from '../guide/target.ts';
import { DEFAULT_SHRINK_BUDGET, runWords } from '../runner/campaign.ts';
import { runWordsWithFeatures } from './directed-run.ts';
import { type GasRow, GasTally } from './gas.ts';
import type { AuditRun, VersionDifference } from './lockstep.ts';
import { runWordsLockstep, shrinkDifference } from './shrink.ts';
import type { AuditEnvironment } from './sides.ts';

/** Differences shrunk at most; any beyond are reported with the run that found them, unshrunk. */
export const MAX_SHRUNK_DIFFERENCES = 20;

/** What an audit runs. */
export interface AuditOptions {
  seed: number;
  runs: number;
  depth: number;
  /** Replays the shrinker may spend on each difference (default the fuzzer's {@link DEFAULT_SHRINK_BUDGET}). */
  shrinkBudget?: number;
  /** Called after each run of the audit proper with the runs done so far. */
  onRun?: (done: number, differences: number) => void;
  /** Ctrl-C: no run starts after it, and the differences found so far are reported unshrunk. */
  signal?: AbortSignal;
  /**
   * The changed lines' branch directions and a recorder on the new version's EVM: the audit then
   * counts how many of them its runs reached, and with `guided` its runs are chosen by the directed
   * loop (fuzz/guide/directed.ts) instead of being the fixed sample.
   */
  target?: { target: BranchTarget; recorder: BranchRecorder; guided: boolean };
}

/** One distinct difference: every run whose first difference had this key, and its shortest trace. */
export interface DifferenceGroup {
  key: string;
  /** Runs whose first difference was this one. */
  runs: number;
  /** Index of the first such run. */
  firstRun: number;
  /** Length of that run up to the difference, before shrinking. */
  originalLength: number;
  /** The shrunk run (or the original one past {@link MAX_SHRUNK_DIFFERENCES}), the difference last. */
  trace: AuditRun;
  difference: VersionDifference;
  shrunk: boolean;
}

/** How an audit ended. */
export interface AuditResult {
  runs: number;
  /** Actions executed on each side in the audit proper (shrinking excluded). */
  actions: number;
  /** Distinct differences in the order they were first met. */
  groups: DifferenceGroup[];
  gas: GasRow[];
  /** Runs in which each version disagreed with the model at some step. */
  modelDivergence: { base: number; next: number };
  /** With a target: how many of the changed lines' branch directions the runs reached. */
  reach?: TargetReach;
  /** How the runs were chosen. */
  mode: 'open-loop' | 'directed';
}

/**
 * Runs `runs` generated action sequences (run i's words are `cliffless fuzz --seed S`'s run i, the
 * seed schedule's; each step is interpreted against the new version's state) on the model and both versions in
 * lockstep, groups the runs' first differences by key, and shrinks the first run of each group.
 * Same seed and contracts, same result.
 */
export async function runAudit(env: AuditEnvironment, options: AuditOptions): Promise<AuditResult> {
  const wordsOf = (index: number) => runWords(options.seed, index, options.depth);
  const gas = new GasTally();
  const found = new Map<string, { runs: number; firstRun: number; length: number; words: number[][] }>();
  const modelDivergence = { base: 0, next: 0 };
  const seen = new Set<string>();
  let actions = 0;
  let runs = 0;
  const tally = (index: number, words: number[][], run: AuditRun) => {
    runs++;
    actions += run.steps.length;
    gas.add(run.gas);
    if (run.modelDivergence.base !== undefined) modelDivergence.base++;
    if (run.modelDivergence.next !== undefined) modelDivergence.next++;
    const difference = run.difference;
    if (difference !== undefined) {
      const group = found.get(difference.key);
      if (group === undefined) found.set(difference.key, { runs: 1, firstRun: index, length: run.steps.length, words });
      else group.runs++;
    }
    options.onRun?.(index + 1, found.size);
  };
  const aim = options.target;
  if (aim?.guided === true) {
    await runDirected(
      aim.target,
      {
        seed: options.seed,
        runs: options.runs,
        depth: options.depth,
        fresh: wordsOf,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
      async (input, index) => {
        await yieldToSignals();
        const run = await runWordsWithFeatures(env, aim.recorder, aim.target, input.words);
        for (const f of run.features) seen.add(f);
        tally(index, input.words, run);
        return run;
      },
      () => false,
    );
  } else {
    for (let index = 0; index < options.runs; index++) {
      const words = wordsOf(index);
      if (options.signal !== undefined) {
        await yieldToSignals(); // a run is promise work only: let a Ctrl-C in between runs
        if (options.signal.aborted) break;
      }
      let run: AuditRun;
      if (aim === undefined) run = await runWordsLockstep(env, words);
      else {
        const featured = await runWordsWithFeatures(env, aim.recorder, aim.target, words);
        for (const f of featured.features) seen.add(f);
        run = featured;
      }
      tally(index, words, run);
    }
  }

  const groups: DifferenceGroup[] = [];
  for (const [key, group] of found) {
    const shrunk = groups.length < MAX_SHRUNK_DIFFERENCES && options.signal?.aborted !== true;
    const trace = shrunk
      ? await shrinkDifference(env, group.words, key, options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET)
      : await runWordsLockstep(env, group.words);
    const difference = trace.difference;
    if (difference === undefined) throw new Error(`internal: run ${group.firstRun} no longer differs`);
    groups.push({
      key,
      runs: group.runs,
      firstRun: group.firstRun,
      originalLength: group.length,
      trace,
      difference,
      shrunk,
    });
  }
  return {
    runs,
    actions,
    groups,
    gas: gas.rows(),
    modelDivergence,
    mode: aim?.guided === true ? 'directed' : 'open-loop',
    ...(aim === undefined ? {} : { reach: targetReach(aim.target, seen) }),
  };
}
