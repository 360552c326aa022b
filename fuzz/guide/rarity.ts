import type { CorpusEntry } from './campaign.ts';
import type { Rng } from './input.ts';

/**
 * Parents weighted by how rare what they found is: an entry whose rarest first find few inputs have
 * reached since (a merge paid to another account, a question's arbitration) is picked more often
 * than one kept for a direction every later run passes through.
 */

/** Switched off only by benches measuring what the weighting adds; on in every campaign. */
export const RARITY = { on: true };

/** Cumulative integer weights, one per parent: deterministic, no floating point. */
export type RarityWeights = number[];

/** The unit weight: an entry whose rarest feature one input reached. */
const UNIT = 1 << 16;

/**
 * Each parent's weight: {@link UNIT} divided by how many inputs reached its rarest added feature
 * (`hits`, counted up to the epoch's start), as cumulative sums.
 */
export function rarityWeights(parents: readonly CorpusEntry[], hits: ReadonlyMap<string, number>): RarityWeights {
  let sum = 0;
  return parents.map((e) => {
    const rarest = Math.min(...e.added.map((f) => hits.get(f) ?? 1));
    sum += Math.max(1, Math.floor(UNIT / Math.max(1, Number.isFinite(rarest) ? rarest : 1)));
    return sum;
  });
}

/** An index drawn with probability proportional to its weight. */
export function pickWeighted(weights: RarityWeights, rng: Rng): number {
  const total = weights[weights.length - 1] ?? 0;
  const r = rng.below(total);
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((weights[mid] as number) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
