import type { RunOptions } from '../runner/campaign.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { checksFor, type Environment } from '../runner/environment.ts';
import type { ExecutedStep } from '../runner/run-sequence.ts';
import { CampaignStats } from '../runner/stats.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import type { GuidedInput } from './input.ts';
import { type InputRun, runInput } from './run-input.ts';
import { type WarmPlan, warmCacheFor } from './warm-start.ts';

/** One run of a guided campaign's epoch: its index in the campaign and the input the guide made for it. */
export interface GuidedJob {
  index: number;
  input: GuidedInput;
  /** With warm starts: the thread snapshots this run, and starts it from its parent's snapshot if it has one. */
  warm?: WarmPlan;
}

/**
 * What one run reports, whichever thread ran it: everything the campaign needs to admit it in
 * run-index order (its features, and its steps for a corpus entry or a failure to shrink).
 */
export interface GuidedJobResult {
  index: number;
  /** Feature ids reached, sorted. */
  features: string[];
  steps: ExecutedStep[];
  /** This run's counters alone (runs 1, failures 1 if it failed). */
  stats: CampaignStats;
  failed: boolean;
  /** The local executor's `onInput` verdict: keep it in the corpus even without a new feature. */
  chosen?: boolean;
}

/** Sees a run on the thread that ran it, while both sides are still in its end state. */
export type InputHook = (run: InputRun, origin: { run: number }) => boolean | Promise<boolean>;

/**
 * Runs an epoch's jobs. The campaign hands over every run of an epoch at once (their inputs depend
 * only on earlier epochs) and admits what comes back in index order, so an executor may run them
 * on any number of threads in any order. It returns, in job order, a prefix of the jobs' results:
 * all of them, or up to and including the first failing one (every job before a failing one
 * runs), or fewer when `deadline` (ms since the epoch) passed before the rest started.
 */
export interface GuidedExecutor {
  runEpoch(jobs: readonly GuidedJob[], deadline: number | undefined): Promise<GuidedJobResult[]>;
}

/**
 * Runs one job from the start state with fresh checks (the probe rotation restarts, so a run checks
 * the same whatever ran before it on this thread) and counts it on its own; with warm starts, from
 * a snapshot of its parent after the steps they share, when this thread holds one (the same result).
 */
export async function runJob(
  env: Environment,
  recorder: BranchRecorder,
  options: RunOptions,
  job: GuidedJob,
  onInput?: InputHook,
): Promise<GuidedJobResult> {
  const checks = checksFor(env, {
    probesPerStep: options.probesPerStep,
    probeEvery: options.probeEvery ?? DEFAULT_PROBE_EVERY,
  });
  const stats = new CampaignStats();
  const warm =
    job.warm === undefined
      ? undefined
      : {
          cache: warmCacheFor(env, job.warm.campaign),
          run: job.index,
          ...(job.warm.from === undefined ? {} : { from: job.warm.from }),
        };
  const run = await runInput(env, recorder, checks, job.input, stats, warm);
  const chosen = onInput === undefined ? undefined : (await onInput(run, { run: job.index })) === true;
  const failed = run.failure !== undefined;
  stats.runs = 1;
  stats.recordReached(run.succeeded);
  if (failed) stats.failures = 1;
  return { index: job.index, features: run.features, steps: run.steps, stats, failed, ...(chosen ? { chosen } : {}) };
}

/** Runs every job on this thread, in order, stopping at the first failure or at the deadline. */
export function localExecutor(
  env: Environment,
  recorder: BranchRecorder,
  options: RunOptions,
  onInput?: InputHook,
): GuidedExecutor {
  return {
    async runEpoch(jobs, deadline) {
      const results: GuidedJobResult[] = [];
      for (const job of jobs) {
        if (deadline !== undefined && Date.now() >= deadline) break;
        const result = await runJob(env, recorder, options, job, onInput);
        results.push(result);
        if (result.failed) break;
      }
      return results;
    },
  };
}
