import fc from 'fast-check';
import { yieldToSignals } from '../cli/kit/sigint.ts';
import { DEFAULT_SHRINK_BUDGET, stepsArbitrary } from '../runner/campaign.ts';
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
}

/**
 * Runs `runs` generated action sequences (fast-check draws them from `seed`, as the fuzzer does;
 * each step is interpreted against the new version's state) on the model and both versions in
 * lockstep, groups the runs' first differences by key, and shrinks the first run of each group.
 * Same seed and contracts, same result.
 */
export async function runAudit(env: AuditEnvironment, options: AuditOptions): Promise<AuditResult> {
  const allWords = fc.sample(stepsArbitrary(options.depth), { seed: options.seed, numRuns: options.runs });
  const gas = new GasTally();
  const found = new Map<string, { runs: number; firstRun: number; length: number }>();
  const modelDivergence = { base: 0, next: 0 };
  let actions = 0;
  let runs = 0;
  for (const [index, words] of allWords.entries()) {
    if (options.signal !== undefined) {
      await yieldToSignals(); // a run is promise work only: let a Ctrl-C in between runs
      if (options.signal.aborted) break;
    }
    runs++;
    const run = await runWordsLockstep(env, words);
    actions += run.steps.length;
    gas.add(run.gas);
    if (run.modelDivergence.base !== undefined) modelDivergence.base++;
    if (run.modelDivergence.next !== undefined) modelDivergence.next++;
    const difference = run.difference;
    if (difference !== undefined) {
      const group = found.get(difference.key);
      if (group === undefined) found.set(difference.key, { runs: 1, firstRun: index, length: run.steps.length });
      else group.runs++;
    }
    options.onRun?.(index + 1, found.size);
  }

  const groups: DifferenceGroup[] = [];
  for (const [key, group] of found) {
    const words = allWords[group.firstRun] as number[][];
    const shrunk = groups.length < MAX_SHRUNK_DIFFERENCES && options.signal?.aborted !== true;
    const trace = shrunk
      ? await shrinkDifference(env, words, key, options.shrinkBudget ?? DEFAULT_SHRINK_BUDGET)
      : await runWordsLockstep(env, words);
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
  return { runs, actions, groups, gas: gas.rows(), modelDivergence };
}
