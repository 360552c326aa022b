import type { Artifacts } from '../compile/artifacts.ts';
import { DeploymentError } from '../evm/deploy.ts';
import { BranchRecorder } from '../guide/branch-recorder.ts';
import { runDirected } from '../guide/directed.ts';
import { type BranchTarget, targetReach } from '../guide/target.ts';
import { runGenerated, runWords } from '../runner/campaign.ts';
import { DEFAULT_PROBE_EVERY } from '../runner/checks.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../runner/prepare.ts';
import { describeFailure } from '../runner/render.ts';
import { CampaignStats } from '../runner/stats.ts';
import type { StepFailure } from '../trace/failure.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import { runWithFeatures } from './directed-run.ts';
import { KillChecks } from './kill-checks.ts';

/** The world every mutant campaign runs in: `cliffless fuzz`'s default. */
export const MUTANT_WORLD = { actors: 4, approvals: true } as const;

/** How long a campaign may look for a kill. */
export interface KillBudget {
  seed: number;
  runs: number;
  depth: number;
  /** Wall-clock limit in seconds: a run in progress finishes, then the campaign stops (survived). */
  timeSeconds?: number;
  /** M6/O5 probes per probing step (default 2, as `cliffless fuzz`). */
  probesPerStep?: number;
  /**
   * Choose the runs with the guided loop directed at the mutated line (fuzz/guide/directed.ts)
   * instead of the open-loop sequence; the same number of runs of the same depth.
   */
  guided?: boolean;
}

/** How a kill campaign ended. */
export type KillResult =
  | {
      killed: true;
      /** `D1`, a property id, or `error` when the harness itself threw on the mutant. */
      killedBy: string;
      /** Every check that failed on the killing step (the kill matrix row). */
      violations: string[];
      detail: string;
      /** 0-based run and step of the failure (-1 for the world setup). */
      run: number;
      step: number;
      actions: number;
      seconds: number;
    }
  | {
      killed: false;
      runs: number;
      actions: number;
      seconds: number;
      interrupted: boolean;
      /** With a target: the mutated line's branch directions reached, of all. */
      reach?: { reached: number; total: number };
    };

/** A campaign that killed its mutant. */
type Kill = Extract<KillResult, { killed: true }>;

/**
 * A differential campaign on compiled (mutant) artifacts that stops at the first failure and does
 * not shrink it: the same sequences `cliffless fuzz --seed S --runs R --depth D` draws, checked by
 * {@link KillChecks}. A world that cannot even be set up (a constructor that reverts, a start
 * state that differs from the model's) is a kill by D1 before any action.
 */
export async function runKillCampaign(
  artifacts: Artifacts,
  budget: KillBudget,
  target?: BranchTarget,
): Promise<KillResult> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let env: PreparedEnvironment;
  let recorder: BranchRecorder | undefined;
  try {
    env = await prepareEnvironment(
      artifacts,
      MUTANT_WORLD,
      budget.guided === true && target !== undefined
        ? { onChain: (chain) => (recorder = new BranchRecorder(chain.evm, artifacts)) }
        : {},
    );
  } catch (error) {
    // A constructor that reverts, or a start state or approval the model disagrees with, is the
    // mutant diverging before the first action; anything else is the harness failing on it.
    // prepareEnvironment reports these three as the contracts' doing (fuzz/runner/prepare.ts).
    const diverged =
      error instanceof DeploymentError ||
      /^(the contracts do not deploy|the contracts fail D1 before any action|the contracts fail while the world is set up)/.test(
        message(error),
      );
    return beforeAnyStep(diverged ? 'D1' : 'error', `world setup failed: ${firstLine(error)}`, -1, 0, elapsed());
  }
  const checks = new KillChecks({
    actors: env.setup.actors,
    probesPerStep: budget.probesPerStep ?? 2,
    probeEvery: DEFAULT_PROBE_EVERY,
    ...env.checkOptions,
  });
  if (recorder !== undefined && target !== undefined) {
    try {
      return await runDirectedKill(env, checks, recorder, target, budget, started);
    } finally {
      recorder.detach();
    }
  }
  const stats = new CampaignStats();
  for (let run = 0; run < budget.runs; run++) {
    if (budget.timeSeconds !== undefined && elapsed() >= budget.timeSeconds)
      return { killed: false, runs: stats.runs, actions: stats.actions, seconds: elapsed(), interrupted: true };
    stats.runs++;
    try {
      const words = runWords(budget.seed, run, budget.depth);
      const result = await runGenerated(env, checks, words, stats);
      if (result.failure !== undefined)
        return killOf(result.failure, run, stats.actions, elapsed(), describe(env, result.failure, result.steps));
    } catch (error) {
      return harnessThrew(error, run, stats.actions, elapsed());
    }
  }
  return { killed: false, runs: stats.runs, actions: stats.actions, seconds: elapsed(), interrupted: false };
}

/**
 * The kill campaign with runs chosen by the directed loop: fresh runs are the open-loop sample's,
 * mutated ones come from entries that reached the mutated line's branch directions (or its
 * function's) first. Same checks, same number of runs and depth; the first failure is the kill.
 */
async function runDirectedKill(
  env: PreparedEnvironment,
  checks: KillChecks,
  recorder: BranchRecorder,
  target: BranchTarget,
  budget: KillBudget,
  started: number,
): Promise<KillResult> {
  const elapsed = () => (performance.now() - started) / 1000;
  const stats = new CampaignStats();
  const fresh = (index: number) => runWords(budget.seed, index, budget.depth);
  const result = await runDirected(
    target,
    {
      seed: budget.seed,
      runs: budget.runs,
      depth: budget.depth,
      fresh,
      ...(budget.timeSeconds === undefined ? {} : { timeSeconds: budget.timeSeconds }),
    },
    async (input) => {
      stats.runs++;
      try {
        return await runWithFeatures(env, checks, recorder, target, input.words, stats);
      } catch (error) {
        return { thrown: error, features: [], steps: [], failure: undefined, succeeded: new Set<string>() };
      }
    },
    (run) => run.failure !== undefined || run.thrown !== undefined,
  );
  const stopped = result.stopped;
  if (stopped !== undefined) {
    const run = stopped.index;
    if (stopped.run.failure === undefined) return harnessThrew(stopped.run.thrown, run, stats.actions, elapsed());
    const failure = stopped.run.failure;
    return killOf(failure, run, stats.actions, elapsed(), describe(env, failure, stopped.run.steps));
  }
  const reach = targetReach(target, result.seen);
  return {
    killed: false,
    runs: result.runsDone,
    actions: stats.actions,
    seconds: elapsed(),
    interrupted: result.interrupted,
    reach: { reached: reach.reached, total: reach.total },
  };
}

/** A kill with no failing step: by `killedBy` alone, at `run` (-1: the world setup). */
function beforeAnyStep(killedBy: string, detail: string, run: number, actions: number, seconds: number): Kill {
  return { killed: true, killedBy, violations: [killedBy], detail, run, step: -1, actions, seconds };
}

/** The harness itself threw on the mutant in `run`: a kill by `error`. */
function harnessThrew(error: unknown, run: number, actions: number, seconds: number): Kill {
  return beforeAnyStep('error', `the harness threw: ${firstLine(error)}`, run, actions, seconds);
}

function killOf(failure: StepFailure, run: number, actions: number, seconds: number, detail: string) {
  const violations = [...new Set([failure.id, ...failure.violations.map((v) => v.id)])];
  return { killed: true as const, killedBy: failure.id, violations, detail, run, step: failure.step, actions, seconds };
}

/** The failure as `cliffless fuzz` prints it, actors and series by name. */
function describe(env: PreparedEnvironment, failure: StepFailure, steps: Parameters<typeof bookAfter>[1]): string {
  return describeFailure(failure, bookAfter(new NameBook(env.setup), steps.slice(0, -1)));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(error: unknown): string {
  return message(error).split('\n')[0] ?? '';
}
