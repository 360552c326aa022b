import { WORDS_PER_STEP } from '../runner/seed-schedule.ts';
import type { Lean } from './edge-lean.ts';
import type { GuidedInput, Rng } from './input.ts';

/** The mutation a run applied to its parent, named in the summary's counts. */
export type MutationKind =
  | 'tweak'
  | 'edge'
  | 'relate'
  | 'redraw'
  | 'truncate-extend'
  | 'splice'
  | 'insert'
  | 'delete'
  | 'extend';

/**
 * How many of the draws each kind gets: tweaks and edge leans twice as many as the rest. Written
 * once, in the order the summary counts kinds; the draw table follows from it.
 */
const DRAWS: Readonly<Record<MutationKind, number>> = {
  tweak: 2,
  edge: 2,
  relate: 1,
  redraw: 1,
  'truncate-extend': 1,
  splice: 1,
  insert: 1,
  delete: 1,
  extend: 1,
};

/** Every mutation kind, for counters that start at zero. */
export const MUTATION_KINDS = Object.keys(DRAWS) as readonly MutationKind[];

/** Each kind as many times as it has draws, in {@link MUTATION_KINDS}' order: one entry is drawn. */
const MUTATIONS: readonly MutationKind[] = MUTATION_KINDS.flatMap((kind) =>
  Array<MutationKind>(DRAWS[kind]).fill(kind),
);

const freshStep = (rng: Rng): number[] => Array.from({ length: WORDS_PER_STEP }, () => rng.word());

/** A step index among `n`, drawn towards the last ones (where the state has the most to aim at). */
const lateStep = (n: number, rng: Rng): number => n - 1 - rng.below(Math.min(n, 1 + rng.below(n)));

/** `leans` with `lean` in place of any lean of its step, in step order. */
const withLean = (leans: readonly Lean[], lean: Lean): Lean[] =>
  [...leans.filter((l) => l.step !== lean.step), lean].sort((a, b) => a.step - b.step);

/**
 * A word near `word`: the edges the generator's choices turn on. Builders draw a choice as
 * `word % n` and an amount as an edge of the state or a fraction of it, so ±1 and the small values
 * move a choice to its neighbour (one below, at, one above a balance, an allowance, a bond), and 0
 * is the simplest option.
 */
function nearby(word: number, rng: Rng): number {
  switch (rng.below(6)) {
    case 0:
      return (word + 1) >>> 0;
    case 1:
      return (word - 1) >>> 0;
    case 2:
      return 0;
    case 3:
      return rng.below(8);
    case 4:
      return (word ^ (1 << rng.below(32))) >>> 0;
    default:
      return rng.word();
  }
}

/**
 * A new input from `parent` (and `other`, for a splice), at the level the generator works at: its
 * words. The parent's prefix of actions is kept (or cut short), words are tweaked towards edges,
 * redrawn, inserted, deleted, spliced from another entry, or extended past the end, or a step is
 * leaned to a threshold of the state (`edge`) or to a value of an earlier step (`relate`), a prefix
 * action too (so a loaded corpus entry is explored around, not only extended); the
 * result has at most `depth` steps in all. `shared` is how many of its first steps run exactly as the
 * parent's did (what a warm start from a snapshot of the parent could skip).
 */
export function mutateInput(
  parent: GuidedInput,
  other: GuidedInput,
  depth: number,
  rng: Rng,
): { input: GuidedInput; kind: MutationKind; shared: number } {
  const kind = MUTATIONS[rng.below(MUTATIONS.length)] as MutationKind;
  let prefix = parent.prefix;
  let words = parent.words.map((step) => [...step]);
  // Leans follow their step when steps move, and go with it when it is cut, redrawn or replaced.
  let leans: Lean[] = [...(parent.leans ?? [])];
  let prefixLeans: Lean[] = [...(parent.prefixLeans ?? [])];
  /** Prefix steps before the first one that may run differently (a leaned one). */
  let prefixSame = prefix.length;
  const shift = (from: number, by: number) => {
    leans = leans.map((l) => (l.step >= from ? { ...l, step: l.step + by } : l));
  };
  const drop = (keep: (l: Lean) => boolean) => {
    leans = leans.filter(keep);
  };
  const at = (n: number) => rng.below(n + 1);
  /** Word steps before the first one that may run differently from the parent's. */
  let same = words.length;
  switch (kind) {
    case 'tweak': {
      if (words.length === 0) words.push(freshStep(rng));
      same = rng.below(words.length);
      const step = words[same] as number[];
      // Early words decide the kind, the caller and the validity of a step; later ones its amounts.
      for (let n = 1 + rng.below(2); n > 0; n--) {
        const i = rng.below(step.length);
        step[i] = nearby(step[i] as number, rng);
      }
      break;
    }
    case 'edge':
    case 'relate': {
      // Aims one step at a threshold of the state, or at a value of an earlier step: resolved when
      // the run reaches it (edge-lean.ts). Later steps mostly, where the state has something to aim at.
      // A step of the prefix (a loaded corpus entry's actions) is leaned as an action.
      if (prefix.length > 0) {
        const pick = lateStep(prefix.length + words.length, rng);
        if (pick < prefix.length) {
          prefixLeans = withLean(prefixLeans, { step: pick, mode: kind, pick: rng.word() });
          // Its outcome, and those of the steps after it, may now differ: they are no longer expected.
          prefix = prefix.map((a, i) => (i < pick || a.expect === undefined ? a : { kind: a.kind, fields: a.fields }));
          prefixSame = pick;
          break;
        }
      }
      if (words.length === 0) words.push(freshStep(rng));
      const step = lateStep(words.length, rng);
      same = Math.min(same, step);
      leans = withLean(leans, { step, mode: kind, pick: rng.word() });
      break;
    }
    case 'redraw': {
      if (words.length === 0) words.push(freshStep(rng));
      const step = rng.below(words.length);
      same = step;
      words[step] = freshStep(rng);
      drop((l) => l.step !== step);
      break;
    }
    case 'truncate-extend': {
      // Replay a prefix, then draw fresh steps: explores what can follow a reached state.
      const total = prefix.length + words.length;
      const keep = at(total);
      if (keep < prefix.length) {
        prefix = prefix.slice(0, keep);
        words = [];
      } else words = words.slice(0, keep - prefix.length);
      drop((l) => l.step < words.length);
      same = words.length;
      const room = depth - prefix.length - words.length;
      for (let n = 1 + rng.below(Math.max(1, room)); n > 0; n--) words.push(freshStep(rng));
      break;
    }
    case 'splice': {
      const cut = at(words.length);
      const from = rng.below(other.words.length + 1);
      words = [...words.slice(0, cut), ...other.words.slice(from)];
      same = cut;
      drop((l) => l.step < cut);
      for (const l of other.leans ?? []) if (l.step >= from) leans.push({ ...l, step: l.step - from + cut });
      break;
    }
    case 'insert': {
      const step = at(words.length);
      words.splice(step, 0, freshStep(rng));
      same = step;
      shift(step, 1);
      break;
    }
    case 'delete':
      if (words.length > 0) {
        const step = rng.below(words.length);
        words.splice(step, 1);
        same = step;
        drop((l) => l.step !== step);
        shift(step + 1, -1);
      } else if (prefix.length > 0) {
        prefix = prefix.slice(0, prefix.length - 1);
        same = -1;
      }
      break;
    case 'extend':
      for (let n = 1 + rng.below(4); n > 0; n--) words.push(freshStep(rng));
      break;
  }
  const room = Math.max(0, depth - prefix.length);
  if (words.length > room) words = words.slice(0, room);
  drop((l) => l.step < words.length);
  const input: GuidedInput = { prefix, words };
  if (leans.length > 0) input.leans = leans;
  prefixLeans = prefixLeans.filter((l) => l.step < prefix.length);
  if (prefixLeans.length > 0) input.prefixLeans = prefixLeans;
  if (parent.prefixFile !== undefined && prefix.length > 0) input.prefixFile = parent.prefixFile;
  // A prefix cut short (truncate-extend or delete) is itself the shared part.
  const shared =
    prefixSame < prefix.length
      ? prefixSame
      : same < 0 || words.length === 0
        ? prefix.length
        : prefix.length + Math.min(same, words.length);
  return { input, kind, shared };
}
