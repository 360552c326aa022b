import type { Action } from '../../reference/action.ts';
import type { Chooser } from './chooser.ts';
import type { WorldView } from './world-view.ts';

/**
 * A time warp that lands on a boundary: a series' expiry (and one second before), a question's end
 * of liveness (and one second before), an arbitration's timeout (and one second before); otherwise
 * a short or long hop.
 */
export function warp(c: Chooser, view: WorldView): Action {
  const { liveness, arbitrationTimeout } = view.state.oracleState;
  const marks: bigint[] = [];
  for (const s of view.series) marks.push(s.expiry - 1n, s.expiry);
  for (const q of view.questions()) {
    if (q.finalized) continue;
    marks.push(q.lastAnswerAt + liveness - 1n, q.lastAnswerAt + liveness);
    if (q.arbitrationPending) {
      marks.push(q.arbitrationRequestedAt + arbitrationTimeout - 1n, q.arbitrationRequestedAt + arbitrationTimeout);
    }
  }
  const ahead = marks.filter((t) => t > view.now);
  const seconds =
    ahead.length > 0 && c.chance(3, 4)
      ? c.pick(ahead) - view.now
      : c.weighted<bigint>([
          [4, 1n + c.upTo(3600n)],
          [2, 86_400n],
          [1, 1n],
        ]);
  return { kind: 'warp', seconds };
}
