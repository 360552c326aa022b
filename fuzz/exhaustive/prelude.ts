import type { Action } from '../../reference/action.ts';
import type { Address } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { INDEX_IDS } from '../generate/world-view.ts';

/**
 * Where the search starts. The prelude runs (with every check) before depth counting starts, so
 * depth K means K actions after it:
 * - `created`: A creates the one series (WETH, ETH/USD, strike {@link STRIKE}, expiry one hour
 *   after the world's start). Every sequence is then explored from a fresh live series.
 * - `settled`: the same, then A splits 2, time warps to expiry, A proposes S + 1 with the minimum
 *   bond, time warps past liveness, A finalizes and settles: the search starts with both actors
 *   able to redeem (A holds 2 P and 2 N), which puts payout bugs within depth 1–2 instead of 8.
 */
export type PreludeName = 'created' | 'settled';

export const PRELUDES: readonly PreludeName[] = ['created', 'settled'];

/** The series' strike S: prices S − 1 and S + 1 round differently from S in the payout. */
export const STRIKE = 2500n * WAD;

/** Seconds from the world's start to the series' expiry. */
export const EXPIRY_AFTER = 3600n;

/** The two actors the search uses: the first two that are not the arbitrator. */
export function searchActors(setup: WorldSetup): [Address, Address] {
  const actors = setup.actors.filter((a) => a !== setup.oracle.arbitrator);
  const [a, b] = actors;
  if (a === undefined || b === undefined) throw new Error('the exhaustive search needs two actors');
  return [a, b];
}

/** The prelude's first action, common to both: A creates the series. */
export function createAction(setup: WorldSetup): Action {
  const [A] = searchActors(setup);
  const collateral = setup.tokens.find((t) => t.kind === 'plain' && t.address !== setup.oracle.bondToken)?.address;
  if (collateral === undefined) throw new Error('the world has no plain collateral');
  const indexId = INDEX_IDS[0] as `0x${string}`;
  const expiry = setup.timestamp + EXPIRY_AFTER;
  return {
    kind: 'createSeries',
    caller: A,
    collateral,
    oracle: setup.oracle.address,
    indexId,
    strike: STRIKE,
    expiry,
  };
}

/** The rest of the `settled` prelude, once the series exists. */
export function settledTail(setup: WorldSetup, seriesId: `0x${string}`): Action[] {
  const [A] = searchActors(setup);
  const indexId = INDEX_IDS[0] as `0x${string}`;
  const expiry = setup.timestamp + EXPIRY_AFTER;
  const question = { indexId, timestamp: expiry };
  return [
    { kind: 'split', caller: A, seriesId, amount: 2n, to: A },
    { kind: 'warp', seconds: EXPIRY_AFTER },
    { kind: 'propose', caller: A, ...question, value: STRIKE + 1n, bond: setup.oracle.minBond },
    { kind: 'warp', seconds: setup.oracle.liveness },
    { kind: 'finalize', caller: A, ...question },
    { kind: 'settle', caller: A, seriesId },
  ];
}
