import { compileContracts } from '../fuzz/compile/index.ts';
import { runCampaign } from '../fuzz/runner/campaign.ts';
import { type PreparedEnvironment, prepareEnvironment } from '../fuzz/runner/prepare.ts';
import type { TraceWorld } from '../fuzz/trace/format.ts';
import { type BareWorld, deployBareWorld, replayBare } from './bare-replay.ts';
import { type CallLogEntry, callCount, firstDifference, mainLine, resetCount } from './call-log.ts';
import { type ForgeFigures, measureForge } from './forge-invariants.ts';
import { type Profile, profileCampaign } from './profile.ts';
import { type ActorsFigure, measureActors, measureWorkers, type WorkersFigure } from './scale.ts';
import { type Samples, summarize, type Timing, timed } from './timing.ts';

/** The world every figure is measured on: the shipped contracts as `cliffless fuzz` deploys them. */
export const BENCH_WORLD: TraceWorld = { actors: 4, approvals: true };

/** What the bench runs. */
export interface BenchConfig {
  seed: number;
  /** Runs per campaign. */
  runs: number;
  depth: number;
  /** Probes per step of the campaign with probes (the other runs none). */
  probesPerStep: number;
  /** Interleaved measuring rounds after the warm-up; medians are over these. */
  rounds: number;
  /** Measure forge's invariant campaign on the same contracts (compiles the suite: a minute or more). */
  forge: boolean;
  /** FOUNDRY_INVARIANT_RUNS for forge (undefined: foundry.toml's). */
  forgeRuns: number | undefined;
  /** Measure scaling with actors and with worker threads. */
  scale: boolean;
  /** Runs of each actor-count campaign, and rounds over them. */
  actorRuns: number;
  actorRounds: number;
  /** Runs of the 1- and 2-worker campaign, and rounds over them. */
  workerRuns: number;
  workerRounds: number;
}

/**
 * The default bench: `cliffless fuzz`'s campaign (2 probes per step) at depth 80, sized to finish in
 * under a minute and a half on an idle 2-core machine.
 */
export const DEFAULT_CONFIG: BenchConfig = {
  seed: 1,
  runs: 30,
  depth: 80,
  probesPerStep: 2,
  rounds: 7,
  forge: true,
  forgeRuns: undefined,
  scale: true,
  actorRuns: 20,
  actorRounds: 3,
  workerRuns: 200,
  workerRounds: 2,
};

/** `--quick`: every figure, each from a small campaign (seconds, not minutes; forge still compiles). */
export const QUICK_CONFIG: BenchConfig = {
  ...DEFAULT_CONFIG,
  runs: 4,
  rounds: 2,
  forgeRuns: 2,
  actorRuns: 3,
  actorRounds: 1,
  workerRuns: 6,
  workerRounds: 1,
};

/** One measured subject: its per-round timings and what each round did. */
export interface Subject {
  samples: Samples;
  /** Actions per second from the median times (for the bare replay: the campaign's actions). */
  actionsPerSecond: Timing;
}

/** Every figure of one bench run. */
export interface BenchFigures {
  config: BenchConfig;
  /** Actions of one campaign (warps included); the same for all three subjects. */
  actions: number;
  /** Runs started (start-state restores), the same for all three. */
  runStarts: number;
  /** Top-level EVM calls of one campaign with probes, by purpose; the bare replay makes `main` of them. */
  calls: Profile['calls'];
  harness: Subject;
  harnessNoProbes: Subject;
  /** The bare EVM on the actions' calls: the baseline. */
  bare: Subject;
  /** The bare EVM on every call of the campaign with probes (actions', probes', payoutOf reads). */
  bareAll: Subject;
  /**
   * Speed over the baseline's (from medians), wall and CPU, and the range of per-round wall ratios;
   * `probesVsAll` is the campaign with probes against the bare EVM making all of its calls.
   */
  ratio: Record<'probes' | 'noProbes' | 'bareAll' | 'probesVsAll', Ratio>;
  /** Where the time goes, from one instrumented campaign each after the measuring rounds. */
  profile: { probes: Profile; noProbes: Profile };
  /** With `scale`: per world size, and per worker count. */
  actors: ActorsFigure[] | undefined;
  workers: WorkersFigure[] | undefined;
  /** With `forge`: forge's invariant campaign on the same contracts. */
  forge: ForgeFigures | undefined;
}

/** One speed over another: from the medians (wall and CPU), and the range of per-round wall ratios. */
export interface Ratio {
  median: Timing;
  range: [number, number];
}

/** Progress lines (to stderr in the CLI). */
export type Log = (line: string) => void;

/**
 * Measures the differential campaign with probes and without, and the bare EVM replaying exactly
 * the campaign's EVM calls on a fresh identical world (the actions' calls: the baseline; and all
 * calls, probes' included). Order: an instrumented campaign (warm-up, and the record of its calls),
 * both bare replays verified (warm-up, and proof the replay is exact), `rounds` interleaved rounds
 * of the four timed subjects without instrumentation, then one instrumented campaign with and one
 * without probes for the breakdown. Throws if any campaign fails or two campaigns make different calls.
 */
export async function runBench(config: BenchConfig, log: Log = () => {}): Promise<BenchFigures> {
  const { artifacts } = compileContracts();
  const env = await prepareEnvironment(artifacts, BENCH_WORLD);
  const bareWorld = await deployBareWorld(artifacts, BENCH_WORLD);
  // Never aborted: given a signal, a campaign lets the event loop turn between runs (a run is
  // promise work only), so that bench/run.ts's Ctrl-C handler runs within a run, not at the end of
  // the bench. The bare replays turn it at each run start likewise, so both sides pay the same.
  const { signal } = new AbortController();
  const campaign = (probesPerStep: number) => ({
    seed: config.seed,
    runs: config.runs,
    depth: config.depth,
    probesPerStep,
    signal,
  });

  log('warm-up: instrumented campaign (records its EVM calls), then a verified bare replay');
  const recorded = await profileCampaign(env, campaign(config.probesPerStep));
  const main = mainLine(recorded.log);
  const { calls } = recorded;
  for (const [entries, expected] of [
    [main, calls.main],
    [recorded.log, calls.main + calls.probe + calls.payout + calls.view],
  ] as const) {
    const replayed = await replayBare(bareWorld, entries, true);
    if (replayed.calls !== expected) throw new Error(`bench: a replay made ${replayed.calls} calls, not ${expected}`);
  }

  const rounds = {
    harness: [] as Timing[],
    harnessNoProbes: [] as Timing[],
    bare: [] as Timing[],
    bareAll: [] as Timing[],
  };
  for (let round = 1; round <= config.rounds; round++) {
    log(`round ${round}/${config.rounds}`);
    rounds.harness.push(await timeCampaign(env, campaign(config.probesPerStep), recorded.actions));
    rounds.harnessNoProbes.push(await timeCampaign(env, campaign(0), recorded.actions));
    rounds.bare.push(await timeReplay(bareWorld, main));
    rounds.bareAll.push(await timeReplay(bareWorld, recorded.log));
  }

  log('breakdown: one instrumented campaign with probes, one without');
  const probes = await profileCampaign(env, campaign(config.probesPerStep));
  const noProbes = await profileCampaign(env, campaign(0));
  for (const [name, a, b] of [
    ['the second campaign with probes', recorded.log, probes.log],
    ['the campaign without probes', main, mainLine(noProbes.log)],
  ] as const) {
    const difference = firstDifference(a, b);
    if (difference !== undefined) throw new Error(`bench: ${name} made other EVM calls than the first: ${difference}`);
  }

  const subject = (timings: Timing[], actions: number): Subject => {
    const samples = summarize(timings);
    return {
      samples,
      actionsPerSecond: {
        wallMs: (actions * 1000) / samples.median.wallMs,
        cpuMs: (actions * 1000) / samples.median.cpuMs,
      },
    };
  };
  const scaleCampaign = (runs: number, rounds: number) => ({
    seed: config.seed,
    runs,
    depth: config.depth,
    probesPerStep: config.probesPerStep,
    rounds,
    signal,
  });
  const actors = config.scale
    ? await measureActors(artifacts, scaleCampaign(config.actorRuns, config.actorRounds), log)
    : undefined;
  const workers = config.scale
    ? await measureWorkers(artifacts, scaleCampaign(config.workerRuns, config.workerRounds), log)
    : undefined;
  if (config.forge) log('forge: the invariant suite in temporary folders (it compiles first), on one thread');
  const forge = config.forge ? await measureForge(config.forgeRuns) : undefined;

  const harness = subject(rounds.harness, recorded.actions);
  const harnessNoProbes = subject(rounds.harnessNoProbes, recorded.actions);
  const bare = subject(rounds.bare, recorded.actions);
  const bareAll = subject(rounds.bareAll, recorded.actions);
  // Speed of `measured` over speed of `baseline` on the same actions: the inverse ratio of their times.
  const ratio = (measured: Timing[], baseline: Timing[]): Ratio => {
    const [s, b] = [summarize(measured).median, summarize(baseline).median];
    const perRound = measured.map((t, i) => (baseline[i] as Timing).wallMs / t.wallMs);
    return {
      median: { wallMs: b.wallMs / s.wallMs, cpuMs: b.cpuMs / s.cpuMs },
      range: [Math.min(...perRound), Math.max(...perRound)],
    };
  };
  return {
    config,
    actions: recorded.actions,
    runStarts: resetCount(recorded.log),
    calls,
    harness,
    harnessNoProbes,
    bare,
    bareAll,
    ratio: {
      probes: ratio(rounds.harness, rounds.bare),
      noProbes: ratio(rounds.harnessNoProbes, rounds.bare),
      bareAll: ratio(rounds.bareAll, rounds.bare),
      probesVsAll: ratio(rounds.harness, rounds.bareAll),
    },
    profile: { probes, noProbes },
    actors,
    workers,
    forge,
  };
}

/** One uninstrumented campaign, timed; it must pass and run `actions` actions like the recorded one. */
async function timeCampaign(
  env: PreparedEnvironment,
  options: Parameters<typeof runCampaign>[1],
  actions: number,
): Promise<Timing> {
  const { value: result, time } = await timed(() => runCampaign(env, options));
  if (result.failure !== undefined) throw new Error(`bench: the campaign failed (${result.failure.failure.id})`);
  if (result.stats.actions !== actions) {
    throw new Error(`bench: a campaign ran ${result.stats.actions} actions, the recorded one ${actions}`);
  }
  return time;
}

/** One bare replay of recorded calls, timed. */
async function timeReplay(world: BareWorld, log: readonly CallLogEntry[]): Promise<Timing> {
  const { value, time } = await timed(() => replayBare(world, log, false));
  if (value.calls !== callCount(log)) throw new Error('bench: the replay skipped calls');
  return time;
}
