/**
 * Pairs of one action's relation features as features of their own (t-way combinatorial coverage,
 * t = 2). A single relation is reached once and then never again keeps a run: once some merge was
 * paid to another account (`r:merge:to≠caller`) and some merge took one below the locked collateral
 * (`r:merge:amount~locked:justBelow`), no run is kept for a merge that does both, or for a merge to
 * another account whose amount sits just under the lock, one lean away from it. Pairs keep those
 * stepping stones. Ids are built from the relation names alone (no address, no amount), so they are
 * the same on any worker and survive a redeploy.
 */

/** Switched off only by benches measuring what the pairs add (bench/pairs.ts); on in every campaign. */
export const RELATION_PAIRS = { on: true };

/**
 * `r:<kind>:<a>&<b>` for every pair of the relation features `relations` of one action (each
 * `r:<kind>:<name>`, as model-features.ts makes them), in the order given: at most n(n − 1)/2 of
 * them for n relations (a merge has 3 to 6).
 */
export function relationPairs(relations: readonly string[]): string[] {
  if (!RELATION_PAIRS.on) return [];
  const out: string[] = [];
  for (let i = 0; i < relations.length; i++) {
    const a = relations[i] as string;
    const kind = a.slice(0, a.indexOf(':', 2) + 1);
    for (let j = i + 1; j < relations.length; j++) {
      const b = relations[j] as string;
      if (b.startsWith(kind)) out.push(`${a}&${b.slice(kind.length)}`);
    }
  }
  return out;
}
