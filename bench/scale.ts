/**
 * How the campaign scales, for the bench: with the number of actors (per-action cost, and where
 * it grows) and with worker threads (speedup of the same campaign).
 */

import type { Artifacts } from '../fuzz/compile/index.ts';
import { WorkerPool } from '../fuzz/parallel/pool.ts';
import { type CampaignOptions, runCampaign } from '../fuzz/runner/campaign.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import { summaryJson } from '../fuzz/runner/summary.ts';
import { NESTED, type Profile, profileCampaign, SECTIONS, type Section } from './profile.ts';
import { median, type Timing, timed } from './timing.ts';

/** Actor counts the bench measures. */
export const ACTOR_COUNTS = [2, 4, 8, 16] as const;
/** Worker counts the bench compares. */
export const WORKER_COUNTS = [1, 2] as const;

/** One world size: its campaign's speed and where an action's time goes. */
export interface ActorsFigure {
  actors: number;
  actions: number;
  /** Median wall time of the uninstrumented campaign. */
  wallMs: number;
  actionsPerSecond: number;
  /** Wall microseconds per action by section, from one instrumented campaign. */
  usPerAction: Record<Section | 'rest', number>;
}

/** The same campaign on 1 and on 2 threads. */
export interface WorkersFigure {
  workers: number;
  actions: number;
  /** Wall times of every round, and their median. */
  rounds: number[];
  wallMs: number;
  actionsPerSecond: number;
}

/** A campaign's size for the scaling figures. */
export interface ScaleCampaign {
  seed: number;
  runs: number;
  depth: number;
  probesPerStep: number;
  rounds: number;
  /** Lets the event loop turn between runs (see runBench). */
  signal?: AbortSignal;
}

/**
 * The same-seed campaign on worlds of 2, 4, 8 and 16 actors (each its own deployment; the
 * actions differ, so the figure is the cost per action). Rounds are interleaved over the sizes;
 * one instrumented campaign per size gives the breakdown.
 */
export async function measureActors(
  artifacts: Artifacts,
  campaign: ScaleCampaign,
  log: (line: string) => void,
): Promise<ActorsFigure[]> {
  const envs = [];
  for (const actors of ACTOR_COUNTS) envs.push(await prepareEnvironment(artifacts, { actors, approvals: true }));
  const options: CampaignOptions = { ...campaign };
  const times: Timing[][] = ACTOR_COUNTS.map(() => []);
  const actions: number[] = [];
  for (let round = 1; round <= campaign.rounds; round++) {
    log(`actors: round ${round}/${campaign.rounds}`);
    for (const [i, env] of envs.entries()) {
      const { value, time } = await timed(() => runCampaign(env, options));
      if (value.failure !== undefined) throw new Error(`bench: the ${ACTOR_COUNTS[i]}-actor campaign failed`);
      actions[i] = value.stats.actions;
      (times[i] as Timing[]).push(time);
    }
  }
  log('actors: one instrumented campaign per world size');
  const figures: ActorsFigure[] = [];
  for (const [i, env] of envs.entries()) {
    const profile = await profileCampaign(env, options);
    const wallMs = median((times[i] as Timing[]).map((t) => t.wallMs));
    const count = actions[i] as number;
    figures.push({
      actors: ACTOR_COUNTS[i] as number,
      actions: count,
      wallMs,
      actionsPerSecond: (count * 1000) / wallMs,
      usPerAction: perAction(profile),
    });
  }
  return figures;
}

function perAction(profile: Profile): ActorsFigure['usPerAction'] {
  const result = {} as ActorsFigure['usPerAction'];
  let inside = 0;
  for (const section of SECTIONS) {
    result[section] = (profile.ms[section] * 1000) / profile.actions;
    if (!NESTED.has(section)) inside += profile.ms[section];
  }
  result.rest = ((profile.totalMs - inside) * 1000) / profile.actions;
  return result;
}

/**
 * The same campaign with 1 and 2 threads, `rounds` times interleaved; the second thread's startup
 * (loading the harness, deploying its world) is part of its time, as it is for a user. Throws if
 * the counts differ: the speedup is only meaningful for the same campaign.
 */
export async function measureWorkers(
  artifacts: Artifacts,
  campaign: ScaleCampaign,
  log: (line: string) => void,
): Promise<WorkersFigure[]> {
  const world = { actors: 4, approvals: true };
  const env = await prepareEnvironment(artifacts, world);
  const rounds: number[][] = WORKER_COUNTS.map(() => []);
  const summaries: string[] = [];
  let actions = 0;
  for (let round = 1; round <= campaign.rounds; round++) {
    for (const [i, workers] of WORKER_COUNTS.entries()) {
      log(`workers: round ${round}/${campaign.rounds}, ${workers} thread${workers === 1 ? '' : 's'}`);
      const { value, time } = await timed(() =>
        runCampaign(env, {
          ...campaign,
          workers,
          deploy: { artifacts, world },
          ...(workers > 1 ? { pool: WorkerPool.boot(workers - 1) } : {}),
        }),
      );
      if (value.failure !== undefined) throw new Error('bench: the workers campaign failed');
      summaries.push(JSON.stringify(summaryJson(value.stats, campaign.seed)));
      actions = value.stats.actions;
      (rounds[i] as number[]).push(time.wallMs);
    }
  }
  if (new Set(summaries).size !== 1) throw new Error('bench: 1 and 2 workers ran different campaigns');
  return WORKER_COUNTS.map((workers, i) => {
    const wallMs = median(rounds[i] as number[]);
    return { workers, actions, rounds: rounds[i] as number[], wallMs, actionsPerSecond: (actions * 1000) / wallMs };
  });
}
