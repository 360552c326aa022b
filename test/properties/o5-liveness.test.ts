import { describe, expect, it } from 'vitest';
import {
  checkO5Probe,
  checkO5State,
  checkProbe,
  type O5Probe,
  type ObservedState,
  probeO5,
} from '../../properties/index.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import {
  ACTORS,
  ALICE,
  baseState,
  clone,
  finalizeQuestion,
  ok,
  QUESTION,
  question,
  revert,
  where,
} from './fixtures.ts';

/** The fixture with Bob's arbitration request at 1990 pending (timeout 50: cancellable at 2040). */
function frozen(): ObservedState {
  const state = baseState();
  Object.assign(question(state), { arbitrationPending: true, arbitrationUsed: true, arbitrationRequestedAt: 1990n });
  return state;
}

/** Runs a probe the way the runner would, with the effect a correct oracle has. */
function run(state: ObservedState, probe: O5Probe, effect: (after: ObservedState) => void) {
  const before = clone(state);
  for (const warp of probe.warps) before.timestamp += warp.seconds;
  const after = clone(before);
  effect(after);
  return { probe, before, outcome: ok(), after };
}

describe('O5 liveness', () => {
  it('probes finalize for an answered question with none pending, now if due', () => {
    const probes = probeO5(baseState(), { actors: ACTORS });
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ warps: [], action: { kind: 'finalize', caller: ALICE } });
  });

  it('probes cancelArbitration for a pending one, after a warp to its timeout', () => {
    const probes = probeO5(frozen(), { actors: ACTORS });
    expect(probes).toMatchObject([
      { warps: [{ kind: 'warp', seconds: 40n }], action: { kind: 'cancelArbitration', caller: ALICE } },
    ]);
    expect(probeO5(frozen(), { actors: ACTORS, maxWarp: 39n })).toEqual([]);
    const final = baseState();
    finalizeQuestion(final);
    expect(probeO5(final, { actors: ACTORS })).toEqual([]);
  });

  it('holds when the probes succeed with the right effect', () => {
    const [fin] = probeO5(baseState(), { actors: ACTORS });
    const [cancel] = probeO5(frozen(), { actors: ACTORS });
    if (!fin || !cancel) throw new Error('missing probes');
    expect(checkO5Probe(run(baseState(), fin, finalizeQuestion))).toEqual([]);
    const unfrozen = run(frozen(), cancel, (s) => {
      question(s).arbitrationPending = false;
      question(s).lastAnswerAt = s.timestamp;
    });
    expect(checkProbe(unfrozen)).toEqual([]);
  });

  it('reports a cancel that reverts when due, and one that does not restart liveness', () => {
    const [cancel] = probeO5(frozen(), { actors: ACTORS });
    if (!cancel) throw new Error('missing probe');
    const reverted = run(frozen(), cancel, () => {});
    reverted.outcome = revert('ArbitrationTimeoutNotElapsed', '0x', 1500n, 2041n);
    const violations = checkO5Probe(reverted);
    expect(where(violations)).toEqual([{ id: 'O5', question: QUESTION }]);
    expect(violations[0]?.actual).toBe('ArbitrationTimeoutNotElapsed(0x, 1500, 2041)');
    const stale = run(frozen(), cancel, (s) => {
      question(s).arbitrationPending = false;
    });
    expect(where(checkO5Probe(stale))).toEqual([{ id: 'O5', question: QUESTION }]);
  });

  it('holds for the fixture states and reports a pending arbitration that can never be cancelled', () => {
    expect(checkO5State(baseState())).toEqual([]);
    expect(checkO5State(frozen())).toEqual([]);
    const forever = frozen();
    forever.oracleState.arbitrationTimeout = MAX_UINT256;
    expect(where(checkO5State(forever))).toEqual([{ id: 'O5', question: QUESTION }]);
    const reusable = frozen();
    question(reusable).arbitrationUsed = false;
    expect(where(checkO5State(reusable))).toEqual([{ id: 'O5', question: QUESTION }]);
  });
});
