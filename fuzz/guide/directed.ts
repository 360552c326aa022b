import { runSeed, WORDS_PER_STEP } from '../runner/seed-schedule.ts';
import { type GuidedInput, Rng } from './input.ts';
import { mutateInput } from './mutate.ts';
import type { BranchTarget } from './target.ts';

/** What one run of a directed campaign reports back. */
export interface DirectedRun {
  /** Every feature the run reached (branch directions and model features). */
  features: readonly string[];
  /** The first step after which a changed line's direction (else a near one) had been reached. */
  hitStep?: number;
}

/** What a directed campaign runs. */
export interface DirectedOptions {
  seed: number;
  runs: number;
  depth: number;
  epoch?: number;
  /** Wall-clock limit: no run starts after it. */
  timeSeconds?: number;
  /** The words of fresh run `index`: the open-loop campaign's own run, so epoch 0 is that campaign. */
  fresh: (index: number) => number[][];
  signal?: AbortSignal;
}

/** How a directed campaign ended. */
export interface DirectedResult<R extends DirectedRun> {
  runsDone: number;
  /** The run `stop` accepted, if one did: the campaign ends there. */
  stopped?: { index: number; run: R; input: GuidedInput };
  seen: Set<string>;
  /** Each feature's first run. */
  firstHit: Map<string, number>;
  corpusSize: number;
  /** Runs by how their input was made: `fresh`, `aimed`, or a mutation kind of fuzz/guide/mutate.ts. */
  origins: Record<string, number>;
  interrupted: boolean;
}

/** Runs per epoch, as in the guided campaign: parents come only from earlier epochs. */
const DEFAULT_EPOCH = 32;
/** Half of the runs on a pool take their parent among this many newest entries of it. */
const RECENT = 8;
/** One run in this many is fresh once there are parents. */
const FRESH_ONE_IN = 4;
/** Entries kept per changed-line (or near) direction even when they reach nothing new. */
const KEEP_PER_DIRECTION = 4;
/** Mixed into the seed for the directed loop's choices, apart from the plain guided loop's. */
const DIRECTED_SALT = 0xd1ec_7ed0;

interface Entry {
  input: GuidedInput;
  /** 2: reached a changed line's direction; 1: a direction of a function holding one; 0: neither. */
  level: number;
  hitStep: number | undefined;
}

/** 2, 1 or 0: how close a run came to the target (see {@link Entry.level}). */
export function closeness(target: BranchTarget, features: readonly string[]): number {
  const set = new Set(features);
  if (target.directions.some((d) => set.has(d))) return 2;
  return target.near.some((d) => set.has(d)) ? 1 : 0;
}

/**
 * A coverage-guided loop directed at a target (fuzz/guide/target.ts): a run that reaches a feature
 * no earlier run reached joins the corpus, as in the guided campaign (fuzz/guide/campaign.ts), and
 * so does one that reaches a changed line's direction (or a near one) that fewer than
 * {@link KEEP_PER_DIRECTION} entries reach, so the corpus fills around the change first. Parents
 * are chosen among the closest entries half the time; a quarter of the mutated runs are *aimed*:
 * the parent cut just after the step where it reached the target, mutated, and extended with fresh
 * steps, so the budget goes to what can follow the changed code. Runs go in epochs (parents only
 * from earlier epochs) on one thread, every choice drawn from (seed, run index): deterministic.
 * `run` executes one input with every check; the campaign ends at the first run `stop` accepts
 * (a failure, a difference).
 */
export async function runDirected<R extends DirectedRun>(
  target: BranchTarget,
  options: DirectedOptions,
  run: (input: GuidedInput, index: number) => Promise<R>,
  stop: (result: R) => boolean,
): Promise<DirectedResult<R>> {
  const epoch = options.epoch ?? DEFAULT_EPOCH;
  const deadline = options.timeSeconds === undefined ? undefined : Date.now() + options.timeSeconds * 1000;
  const directed = new Set([...target.directions, ...target.near]);
  const perDirection = new Map<string, number>();
  const seen = new Set<string>();
  const firstHit = new Map<string, number>();
  const corpus: Entry[] = [];
  // Counted by name, so a mutation kind added to fuzz/guide/mutate.ts is counted without a change here.
  const origins: Record<string, number> = {};
  const count = (kind: string) => {
    origins[kind] = (origins[kind] ?? 0) + 1;
  };
  const result = (runsDone: number, interrupted: boolean): DirectedResult<R> => ({
    runsDone,
    seen,
    firstHit,
    corpusSize: corpus.length,
    origins,
    interrupted,
  });
  for (let start = 0; start < options.runs; start += epoch) {
    const parents = corpus.slice();
    const best = Math.max(0, ...parents.map((e) => e.level));
    const closest = parents.filter((e) => e.level === best);
    const end = Math.min(options.runs, start + epoch);
    for (let index = start; index < end; index++) {
      if (options.signal?.aborted === true || (deadline !== undefined && Date.now() >= deadline))
        return result(index, true);
      const rng = new Rng(runSeed(options.seed ^ DIRECTED_SALT, index));
      let input: GuidedInput;
      const pick = rng.below(2 * FRESH_ONE_IN);
      if (parents.length === 0 || pick < 2) {
        input = { prefix: [], words: options.fresh(index) };
        count('fresh');
      } else {
        // Half the time among the closest entries (the newest of them, half of that), else any.
        const pool = pick < 6 ? closest : parents;
        const recent = Math.min(pool.length, RECENT);
        const parent = (
          rng.below(2) === 0 ? pool[pool.length - 1 - rng.below(recent)] : pool[rng.below(pool.length)]
        ) as Entry;
        const other = parents[rng.below(parents.length)] as Entry;
        if (parent.hitStep !== undefined && rng.below(4) === 0) {
          input = aimed(parent.input, parent.hitStep, other.input, options.depth, rng);
          count('aimed');
        } else {
          const mutated = mutateInput(parent.input, other.input, options.depth, rng);
          input = mutated.input;
          count(mutated.kind);
        }
      }
      const outcome = await run(input, index);
      if (stop(outcome)) return { ...result(index + 1, false), stopped: { index, run: outcome, input } };
      let keep = false;
      for (const f of outcome.features) {
        if (!seen.has(f)) {
          seen.add(f);
          firstHit.set(f, index);
          keep = true;
        }
        if (directed.has(f) && (perDirection.get(f) ?? 0) < KEEP_PER_DIRECTION) keep = true;
      }
      if (!keep) continue;
      for (const f of outcome.features) if (directed.has(f)) perDirection.set(f, (perDirection.get(f) ?? 0) + 1);
      corpus.push({ input, level: closeness(target, outcome.features), hitStep: outcome.hitStep });
    }
  }
  return result(options.runs, false);
}

/**
 * The parent up to and including the step that reached the target, mutated (mostly the steps
 * leading there: their callers, amounts and kinds), then fresh steps after it.
 */
function aimed(parent: GuidedInput, hitStep: number, other: GuidedInput, depth: number, rng: Rng): GuidedInput {
  const cut: GuidedInput = { prefix: parent.prefix, words: parent.words.slice(0, hitStep + 1) };
  const { input } = mutateInput(cut, other, depth, rng);
  const room = depth - input.prefix.length - input.words.length;
  const words = input.words.map((w) => [...w]);
  for (let n = Math.min(room, 1 + rng.below(8)); n > 0; n--)
    words.push(Array.from({ length: WORDS_PER_STEP }, () => rng.word()));
  return { ...input, words };
}
