/**
 * The generator's hand-written aims, each of which can be switched off to measure what it adds
 * when a guided campaign runs (bench/aims.ts; docs/guided.md has the table). Every campaign, test
 * and command runs with all of them on; only that bench turns one off, and puts it back.
 * - `timeEdges`: actions aimed at the second a time check flips (edges-in-time.ts);
 * - `phaseAims`: invalid calls aimed at a phase that rejects them (a proposal to a frozen, final or
 *   closed question; finalize, arbitration requests and cancels by phase; a split of a settled series);
 * - `symbolEdges`: strikes whose claim symbols are exactly 32 or 33 bytes, and nested series on them;
 * - `disputeEdges`: an oracle question's second tries, each refused: a counter-proposal just outside
 *   the bond rule (twice the last bond less one wei, or the last value repeated) and a second
 *   arbitration request.
 */
export const AIMS = { timeEdges: true, phaseAims: true, symbolEdges: true, disputeEdges: true };

/** The name of one aim. */
export type AimName = keyof typeof AIMS;
