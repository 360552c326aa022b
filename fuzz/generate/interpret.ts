import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action, ActionKind } from '../../reference/action.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { Chooser } from './chooser.ts';
import * as market from './market-actions.ts';
import * as oracle from './oracle-actions.ts';
import { warp } from './time-actions.ts';
import * as token from './token-actions.ts';
import { WorldView } from './world-view.ts';

type Builder = (c: Chooser, view: WorldView, invalid: boolean) => Action;

const BUILDERS: Record<ActionKind, Builder> = {
  createSeries: market.createSeries,
  split: market.split,
  merge: market.merge,
  settle: market.settle,
  redeem: market.redeem,
  transfer: token.transfer,
  approve: token.approve,
  transferFrom: token.transferFrom,
  propose: oracle.propose,
  finalize: oracle.finalize,
  requestArbitration: oracle.requestArbitration,
  arbitrate: oracle.arbitrate,
  cancelArbitration: oracle.cancelArbitration,
  withdraw: oracle.withdraw,
  armCallback: (c, view) => token.armCallback(c, view),
  warp: (c, view) => warp(c, view),
};

/** How often each kind is drawn; createSeries is drawn far more while the world has few series. */
function weights(view: WorldView): [number, ActionKind][] {
  const few = view.series.length < 2;
  return [
    [few ? 40 : 3, 'createSeries'],
    [16, 'split'],
    [8, 'merge'],
    [6, 'settle'],
    [10, 'redeem'],
    [6, 'transfer'],
    [2, 'approve'],
    [3, 'transferFrom'],
    [10, 'propose'],
    [5, 'finalize'],
    [3, 'requestArbitration'],
    [3, 'arbitrate'],
    [2, 'cancelArbitration'],
    [3, 'withdraw'],
    [1, 'armCallback'],
    [12, 'warp'],
  ];
}

/** One in this many actions is deliberately invalid, so reverts are compared as well as successes. */
export const INVALID_ONE_IN = 8;

/**
 * Turns one generated step (a list of 32-bit words) into an action that makes sense in the current
 * state: mostly valid (amounts up to what the caller holds, series that exist, open questions), with
 * a steady share of invalid ones. The same words and state always give the same action.
 */
export function interpretStep(words: readonly number[], setup: WorldSetup, state: ObservedState): Action {
  const c = new Chooser(words);
  const view = new WorldView(setup, state);
  const kind = c.weighted(weights(view));
  const invalid = c.chance(1, INVALID_ONE_IN);
  return BUILDERS[kind](c, view, invalid);
}
