import type { ObservedState } from '../../properties/observed-state.ts';
import type { ChecksRunState } from '../runner/checks.ts';
import type { Environment } from '../runner/environment.ts';
import type { ExecutedStep } from '../runner/run-sequence.ts';
import { CampaignStats } from '../runner/stats.ts';
import type { BranchRunState } from './branch-recorder.ts';
import type { Lean } from './edge-lean.ts';

/** Snapshots one thread keeps at most (all runs together); the least recently used run goes first. */
export const WARM_CACHE_LIMIT = 4096;

/** A run is snapshotted before every this-many-th step (a warm start replays at most this many minus one). */
export const SNAPSHOT_EVERY = 1;

/**
 * What a run of a guided campaign needs to use warm starts: the campaign it belongs to (a thread's
 * cache is dropped when a new campaign starts on it), and, for a mutated run, the parent run and
 * how many of its first steps run exactly as the parent's (`shared`, from mutateInput).
 */
export interface WarmPlan {
  campaign: string;
  from?: { run: number; shared: number };
}

/**
 * Everything a run is at the start of one step, so that it can continue from there: both sides'
 * snapshots and the observed EVM state, the checks' per-run state, the branch directions and model
 * features reached, the counters, the steps so far, and the run's own state (the previous observed
 * state for phase features, a lean still waiting, a stale prefix). Immutable once taken: one
 * snapshot may start any number of runs.
 */
export interface RunSnapshot {
  /** The step it continues at (the number of steps done). */
  index: number;
  model: unknown;
  evm: unknown;
  before: ObservedState;
  previous: ObservedState | undefined;
  /** The run's steps array and how many of it were done (it is only appended to). */
  steps: readonly ExecutedStep[];
  /** The run's feature set and how many of it were reached (a Set is only added to, in order). */
  features: ReadonlySet<string>;
  featureCount: number;
  branches: BranchRunState;
  checks: ChecksRunState;
  stats: CampaignStats;
  waiting: { lean: Lean; left: number } | undefined;
  stale: string | undefined;
}

/** The first `count` steps and features of a snapshot, as fresh collections the run may extend. */
export function snapshotPrefix(snapshot: RunSnapshot): { steps: ExecutedStep[]; features: Set<string> } {
  const features = new Set<string>();
  for (const feature of snapshot.features) {
    if (features.size === snapshot.featureCount) break;
    features.add(feature);
  }
  return { steps: snapshot.steps.slice(0, snapshot.index), features };
}

/** A copy of a run's counters (CampaignStats has no clone: merging into an empty one is one). */
export function copyStats(stats: CampaignStats): CampaignStats {
  const copy = new CampaignStats();
  copy.merge(stats);
  return copy;
}

/**
 * One thread's snapshots of the runs it ran, by run index and step, bounded by
 * {@link WARM_CACHE_LIMIT} snapshots: when full, the runs used least recently are dropped whole.
 * A run's result never depends on what this cache holds (a miss re-executes the shared steps,
 * which a hit would have restored as they were), so threads may hold different snapshots.
 */
export class WarmCache {
  /** Snapshots by run, in least-recently-used order (a Map keeps insertion order). */
  private readonly runs = new Map<number, Map<number, RunSnapshot>>();
  private size = 0;

  constructor(
    readonly campaign: string,
    private readonly limit = WARM_CACHE_LIMIT,
  ) {}

  /** Keeps `snapshot` as run `run`'s state before its step `snapshot.index`. */
  put(run: number, snapshot: RunSnapshot): void {
    let steps = this.runs.get(run);
    if (steps === undefined) {
      steps = new Map();
      this.runs.set(run, steps);
    }
    if (!steps.has(snapshot.index)) this.size++;
    steps.set(snapshot.index, snapshot);
    while (this.size > this.limit) {
      const [oldest, dropped] = this.runs.entries().next().value as [number, Map<number, RunSnapshot>];
      this.runs.delete(oldest);
      this.size -= dropped.size;
    }
  }

  /**
   * The latest snapshot of run `run` at or before step `shared` and after its first step, or
   * undefined (a miss). Marks the run as recently used.
   */
  latest(run: number, shared: number): RunSnapshot | undefined {
    const steps = this.runs.get(run);
    if (steps === undefined) return undefined;
    this.runs.delete(run);
    this.runs.set(run, steps);
    for (let index = shared; index >= 1; index--) {
      const found = steps.get(index);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * Run `run`'s snapshots up to step `index`: a run that started from one of them shares them (its
   * state there was the same), so its own children can start there too.
   */
  upTo(run: number, index: number): RunSnapshot[] {
    return [...(this.runs.get(run)?.values() ?? [])].filter((s) => s.index <= index);
  }

  /** Snapshots held now. */
  get count(): number {
    return this.size;
  }
}

/**
 * This thread's warm-start counts since it started (benches and tests read them; never part of a
 * campaign's result, which is the same with warm starts on or off): runs that had a parent run,
 * those that started from its snapshot, and the steps those skipped.
 */
export const warmCounts = { planned: 0, started: 0, skippedSteps: 0 };

/** Each environment's (so each thread's) cache, for the campaign that last used it. */
const caches = new WeakMap<Environment, WarmCache>();

/** This environment's cache for `campaign`: a new one when another campaign used it last. */
export function warmCacheFor(env: Environment, campaign: string): WarmCache {
  const cached = caches.get(env);
  if (cached !== undefined && cached.campaign === campaign) return cached;
  const fresh = new WarmCache(campaign);
  caches.set(env, fresh);
  return fresh;
}

/** Frees this environment's snapshots (a campaign ended on this thread). */
export function dropWarmCache(env: Environment): void {
  caches.delete(env);
}

let campaigns = 0;

/**
 * A name for one campaign, unique in this process (threads of the campaign get it with each job):
 * never part of any result.
 */
export function newCampaignName(): string {
  campaigns++;
  return `${process.pid}:${campaigns}:${Date.now()}`;
}
