import { WORDS_PER_STEP } from '../runner/seed-schedule.ts';
import type { GuidedInput, Rng } from './input.ts';

/** The mutation a run applied to its parent, named in the summary's counts. */
export type MutationKind = 'tweak' | 'redraw' | 'truncate-extend' | 'splice' | 'insert' | 'delete' | 'extend';

const MUTATIONS: MutationKind[] = [
  'tweak',
  'tweak',
  'redraw',
  'truncate-extend',
  'splice',
  'insert',
  'delete',
  'extend',
];

const freshStep = (rng: Rng): number[] => Array.from({ length: WORDS_PER_STEP }, () => rng.word());

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
 * redrawn, inserted, deleted, spliced from another entry, or extended past the end; the result has
 * at most `depth` steps in all.
 */
export function mutateInput(
  parent: GuidedInput,
  other: GuidedInput,
  depth: number,
  rng: Rng,
): { input: GuidedInput; kind: MutationKind } {
  const kind = MUTATIONS[rng.below(MUTATIONS.length)] as MutationKind;
  let prefix = parent.prefix;
  let words = parent.words.map((step) => [...step]);
  const at = (n: number) => rng.below(n + 1);
  switch (kind) {
    case 'tweak': {
      if (words.length === 0) words.push(freshStep(rng));
      const step = words[rng.below(words.length)] as number[];
      // Early words decide the kind, the caller and the validity of a step; later ones its amounts.
      for (let n = 1 + rng.below(2); n > 0; n--) {
        const i = rng.below(step.length);
        step[i] = nearby(step[i] as number, rng);
      }
      break;
    }
    case 'redraw':
      if (words.length === 0) words.push(freshStep(rng));
      words[rng.below(words.length)] = freshStep(rng);
      break;
    case 'truncate-extend': {
      // Replay a prefix, then draw fresh steps: explores what can follow a reached state.
      const total = prefix.length + words.length;
      const keep = at(total);
      if (keep < prefix.length) {
        prefix = prefix.slice(0, keep);
        words = [];
      } else words = words.slice(0, keep - prefix.length);
      const room = depth - prefix.length - words.length;
      for (let n = 1 + rng.below(Math.max(1, room)); n > 0; n--) words.push(freshStep(rng));
      break;
    }
    case 'splice':
      words = [...words.slice(0, at(words.length)), ...other.words.slice(rng.below(other.words.length + 1))];
      break;
    case 'insert':
      words.splice(at(words.length), 0, freshStep(rng));
      break;
    case 'delete':
      if (words.length > 0) words.splice(rng.below(words.length), 1);
      else if (prefix.length > 0) prefix = prefix.slice(0, prefix.length - 1);
      break;
    case 'extend':
      for (let n = 1 + rng.below(4); n > 0; n--) words.push(freshStep(rng));
      break;
  }
  const room = Math.max(0, depth - prefix.length);
  if (words.length > room) words = words.slice(0, room);
  const input: GuidedInput = { prefix, words };
  if (parent.prefixFile !== undefined && prefix.length > 0) input.prefixFile = parent.prefixFile;
  return { input, kind };
}
