import type { QuestionState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import { AIMS } from './aims.ts';
import type { Chooser } from './chooser.ts';
import { edgePrice } from './edges.ts';
import { closesAt, livenessOnEdge, onEdge, pickOnEdge, timeoutOnEdge } from './edges-in-time.ts';
import type { WorldView } from './world-view.ts';
import { INDEX_IDS } from './world-view.ts';

interface Target {
  indexId: Bytes32;
  timestamp: bigint;
  strike: bigint;
  q: QuestionState | undefined;
}

/** The questions worth answering: each series' (indexId, expiry), plus a stray one. */
function targets(view: WorldView, c: Chooser): Target[] {
  const fromSeries = view.series.map((s) => ({
    indexId: s.indexId,
    timestamp: s.expiry,
    strike: s.strike,
    q: view.seriesQuestion(s),
  }));
  if (fromSeries.length > 0) return fromSeries;
  const indexId = c.pick(INDEX_IDS);
  return [{ indexId, timestamp: view.now, strike: 2500n * 10n ** 18n, q: view.question(indexId, view.now) }];
}

/**
 * propose on an open question with the exact minimum bond (or a bit more); invalid: too low, same
 * value, too early, or (half the time) a well-formed proposal to a question in a phase that rejects
 * any: frozen for arbitration, final, or past its liveness, so only the phase decides. Half the
 * time a question sits on a time edge (it opens in a second or just opened, or its liveness ends in
 * a second or now), the proposal goes there, well formed, so only the clock decides: the last
 * second of liveness accepts it and the first second after rejects it.
 */
export function propose(c: Chooser, view: WorldView, invalid: boolean): Action {
  const all = targets(view, c);
  const open = all.filter((t) => view.isOpen(t.q, t.timestamp));
  const edge = (t: Target) => onEdge(view.now, t.timestamp) || (t.q !== undefined && livenessOnEdge(view, t.q));
  const aimed = pickOnEdge(c, all, edge);
  if (aimed !== undefined) return proposal(c, view, aimed, false);
  const contested = all.filter((t) => t.q !== undefined && t.q.answers.length > 0 && view.isOpen(t.q, t.timestamp));
  if (AIMS.disputeEdges && contested.length > 0 && c.chance(1, 4)) return counter(c, view, c.pick(contested));
  if (AIMS.phaseAims && invalid && c.chance(1, 2)) {
    const closed = (q: QuestionState) => q.answers.length > 0 && view.now >= closesAt(view, q);
    const phase = somePhase(c, view, [(q) => q.arbitrationPending, (q) => q.finalized, closed]);
    const rejecting = all.filter((t) => t.q !== undefined && phase(t.q));
    if (rejecting.length > 0) return proposal(c, view, c.pick(rejecting), false);
  }
  return proposal(c, view, open.length > 0 && !invalid ? c.pick(open) : c.pick(all), invalid);
}

type Answer = QuestionState['answers'][number];

/** The least bond the next answer may post: minBond for the first, else twice the last (saturating). */
function leastBond(view: WorldView, last: Answer | undefined): bigint {
  if (last === undefined) return view.state.oracleState.minBond;
  return last.bond > MAX_UINT256 / 2n ? MAX_UINT256 : last.bond * 2n;
}

/** A price around the target's strike that differs from the last answer's value. */
function newValue(c: Chooser, t: Target, last: Answer | undefined): bigint {
  const value = edgePrice(c, t.strike);
  return last !== undefined && value === last.value ? last.value + 1n : value;
}

function proposal(c: Chooser, view: WorldView, t: Target, invalid: boolean): Action {
  const last = t.q?.answers[t.q.answers.length - 1];
  const minimum = leastBond(view, last);
  let value = newValue(c, t, last);
  let bond = c.chance(1, 3) ? minimum + c.upTo(minimum) : minimum;
  if (invalid) {
    c.weighted<() => void>([
      [1, () => (bond = minimum - 1n)],
      [1, () => (value = last?.value ?? value)],
    ])();
  }
  const caller = c.pick(view.actors);
  return { kind: 'propose', caller, indexId: t.indexId, timestamp: t.timestamp, value, bond };
}

/**
 * A counter-proposal to an answered, open question just outside the rule it must pass: twice the
 * last bond less one wei with a new value (BondTooLow by one), or twice the last bond repeating the
 * last value (SameValue alone rejects it). Both revert, so the question's liveness is not prolonged
 * and runs still reach settlement; the accepting side of the boundary, exactly twice the bond, is
 * what most ordinary proposals post. Campaigns rarely answer a question twice inside its liveness
 * on their own, so without this the rule's boundary and its error's arguments go untested.
 */
function counter(c: Chooser, view: WorldView, t: Target): Action {
  const last = t.q?.answers[t.q.answers.length - 1];
  if (last === undefined) return proposal(c, view, t, false);
  const twice = leastBond(view, last);
  const value = newValue(c, t, last);
  const [bond, proposed] = c.chance(1, 2) ? [twice - 1n, value] : [twice, last.value];
  return {
    kind: 'propose',
    caller: c.pick(view.actors),
    indexId: t.indexId,
    timestamp: t.timestamp,
    value: proposed,
    bond,
  };
}

/** A question in a given phase, or any target. */
function question(c: Chooser, view: WorldView, filter: (q: QuestionState) => boolean): Target | QuestionState {
  const matching = view.questions().filter(filter);
  return matching.length > 0 ? c.pick(matching) : c.pick(targets(view, c));
}

/** One of the phases some question is in now (so each way to be rejected gets its turn), or any. */
function somePhase(
  c: Chooser,
  view: WorldView,
  phases: ((q: QuestionState) => boolean)[],
): (q: QuestionState) => boolean {
  if (!AIMS.phaseAims) return () => true;
  const present = phases.filter((phase) => view.questions().some(phase));
  return present.length > 0 ? c.pick(present) : () => true;
}

/**
 * finalize, mostly once liveness has passed; invalid, or when no question is ready: one that is
 * already final, frozen for arbitration or still live (no question yet: any target, unanswered).
 * Half the time a question's liveness ends now or in a second, that one, unless another could finalize.
 */
export function finalize(c: Chooser, view: WorldView, invalid: boolean): Action {
  const caller = c.pick(view.setup.actors);
  const closed = (q: QuestionState) => view.now >= closesAt(view, q);
  const ready = (q: QuestionState) => !q.finalized && !q.arbitrationPending && closed(q);
  // As settle: aim at a liveness edge only when no question off the edge could finalize instead.
  const offEdgeReady = view.questions().some((q) => ready(q) && !livenessOnEdge(view, q));
  const edge = offEdgeReady ? undefined : pickOnEdge(c, view.questions(), (q) => livenessOnEdge(view, q));
  if (edge !== undefined) return { kind: 'finalize', caller, indexId: edge.indexId, timestamp: edge.timestamp };
  const q = question(
    c,
    view,
    invalid || !view.questions().some(ready)
      ? somePhase(c, view, [
          (q) => q.finalized,
          (q) => !q.finalized && q.arbitrationPending,
          (q) => !q.finalized && !q.arbitrationPending && !closed(q),
        ])
      : ready,
  );
  return { kind: 'finalize', caller, indexId: q.indexId, timestamp: q.timestamp };
}

/**
 * requestArbitration on an open, answered question that never had one; invalid: one that is
 * final, already had its arbitration, or whose liveness has passed. A quarter of the time one that
 * had its arbitration and is not final, when there is one (disputeEdges). Half the time one that never
 * had one has its liveness end now or in a second, that one: the last second accepts the request.
 */
export function requestArbitration(c: Chooser, view: WorldView, invalid: boolean): Action {
  const caller = c.pick(view.actors);
  const edge = pickOnEdge(c, view.questions(), (q) => livenessOnEdge(view, q) && !q.arbitrationUsed);
  if (edge !== undefined)
    return { kind: 'requestArbitration', caller, indexId: edge.indexId, timestamp: edge.timestamp };
  // A second request on a question that had its arbitration and is not final (pending, or
  // cancelled): ArbitrationAlreadyUsed, checked before liveness, alone decides.
  const used = view.questions().filter((q) => !q.finalized && q.arbitrationUsed);
  if (AIMS.disputeEdges && used.length > 0 && c.chance(1, 4)) {
    const again = c.pick(used);
    return { kind: 'requestArbitration', caller, indexId: again.indexId, timestamp: again.timestamp };
  }
  const q = question(
    c,
    view,
    invalid
      ? somePhase(c, view, [
          (q) => q.finalized,
          (q) => !q.finalized && q.arbitrationUsed,
          (q) => !q.finalized && !q.arbitrationUsed && !view.isOpen(q, q.timestamp),
        ])
      : (q) => view.isOpen(q, q.timestamp) && !q.arbitrationUsed,
  );
  return { kind: 'requestArbitration', caller, indexId: q.indexId, timestamp: q.timestamp };
}

/** arbitrate a pending question as the arbitrator (invalid: as someone else). */
export function arbitrate(c: Chooser, view: WorldView, invalid: boolean): Action {
  const q = question(c, view, (q) => q.arbitrationPending);
  const caller = invalid ? c.pick(view.actors) : view.arbitrator;
  const strike = view.series.find((s) => s.indexId === q.indexId && s.expiry === q.timestamp)?.strike ?? 10n ** 21n;
  return { kind: 'arbitrate', caller, indexId: q.indexId, timestamp: q.timestamp, value: edgePrice(c, strike) };
}

/**
 * cancelArbitration once the timeout has passed; invalid, or when none can be cancelled yet: one
 * still inside its timeout, one not frozen, or one already final. Half the time a timeout ends now
 * or in a second, that question.
 */
export function cancelArbitration(c: Chooser, view: WorldView, invalid: boolean): Action {
  const caller = c.pick(view.setup.actors);
  const edge = pickOnEdge(c, view.questions(), (q) => timeoutOnEdge(view, q));
  if (edge !== undefined)
    return { kind: 'cancelArbitration', caller, indexId: edge.indexId, timestamp: edge.timestamp };
  const timeout = view.state.oracleState.arbitrationTimeout;
  const due = (q: QuestionState) => q.arbitrationPending && view.now >= q.arbitrationRequestedAt + timeout;
  const q = question(
    c,
    view,
    invalid || !view.questions().some(due)
      ? somePhase(c, view, [
          (q) => q.arbitrationPending && !due(q),
          (q) => !q.finalized && !q.arbitrationPending,
          (q) => q.finalized,
        ])
      : due,
  );
  return { kind: 'cancelArbitration', caller, indexId: q.indexId, timestamp: q.timestamp };
}

/** withdraw by an account with credit (invalid: by one without). */
export function withdraw(c: Chooser, view: WorldView, invalid: boolean): Action {
  const credits = view.state.oracleState.credits;
  const owed = view.setup.actors.filter((a) => (credits[a] ?? 0n) > 0n);
  const caller = owed.length > 0 && !invalid ? c.pick(owed) : c.pick(view.setup.actors);
  return { kind: 'withdraw', caller };
}
