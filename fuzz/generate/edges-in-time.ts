import type { QuestionState } from '../../properties/observed-state.ts';
import { AIMS } from './aims.ts';
import type { Chooser } from './chooser.ts';
import type { WorldView } from './world-view.ts';

/**
 * The seconds where a time check flips: the last second before a deadline and the deadline itself.
 * Off-by-one bugs (`>` for `>=`) only show when an action lands on exactly one of them, and the
 * warps land there (time-actions.ts), but time then stands still only until the next warp: these
 * helpers let a builder aim at whatever sits on such a second now, so the action is not left to luck.
 */

/** Whether `now` is the last second before `deadline` or the deadline itself. */
export function onEdge(now: bigint, deadline: bigint): boolean {
  return AIMS.timeEdges && (now === deadline || now + 1n === deadline);
}

/** When a question's answer stands unchallenged long enough: propose and dispute stop, finalize starts. */
export function closesAt(view: WorldView, q: QuestionState): bigint {
  return q.lastAnswerAt + view.state.oracleState.liveness;
}

/** An answered, live question whose liveness ends now or in one second. */
export function livenessOnEdge(view: WorldView, q: QuestionState): boolean {
  return !q.finalized && !q.arbitrationPending && onEdge(view.now, closesAt(view, q));
}

/** An answered, live question whose liveness ends exactly now: the first second it is closed. */
export function livenessEndsNow(view: WorldView, q: QuestionState): boolean {
  return AIMS.timeEdges && !q.finalized && !q.arbitrationPending && view.now === closesAt(view, q);
}

/** A pending arbitration whose timeout ends now or in one second. */
export function timeoutOnEdge(view: WorldView, q: QuestionState): boolean {
  return q.arbitrationPending && onEdge(view.now, q.arbitrationRequestedAt + view.state.oracleState.arbitrationTimeout);
}

/**
 * Half the time (a drawn choice, so shrinking turns it off), one of the items that sit on an edge,
 * when there are any; otherwise undefined, and the builder picks as it would anyway.
 */
export function pickOnEdge<T>(c: Chooser, items: readonly T[], isOnEdge: (item: T) => boolean): T | undefined {
  const edge = items.filter(isOnEdge);
  return edge.length > 0 && c.chance(1, 2) ? c.pick(edge) : undefined;
}
