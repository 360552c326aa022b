import { describe, expect, it } from 'vitest';
import { checkM6Probe, checkProbe, type M6Probe, probeM6, probesFor } from '../../properties/index.ts';
import type { ObservedState } from '../../properties/observed-state.ts';
import {
  ACTORS,
  ALICE,
  BOB,
  baseState,
  COLLATERAL,
  clone,
  MARKET,
  N_TOKEN,
  ok,
  P_TOKEN,
  revert,
  SERIES,
  setBalance,
  settled,
  where,
} from './fixtures.ts';

/** What a correct merge of the probe's amount does to the state. */
function merged(state: ObservedState, probe: M6Probe): ObservedState {
  const after = clone(state);
  const { caller, amount } = probe.action;
  setBalance(after, P_TOKEN, caller, (state.tokens[P_TOKEN]?.balances[caller] ?? 0n) - amount);
  setBalance(after, N_TOKEN, caller, (state.tokens[N_TOKEN]?.balances[caller] ?? 0n) - amount);
  setBalance(after, COLLATERAL, caller, (state.tokens[COLLATERAL]?.balances[caller] ?? 0n) + amount);
  setBalance(after, COLLATERAL, MARKET, (state.tokens[COLLATERAL]?.balances[MARKET] ?? 0n) - amount);
  return after;
}

describe('M6 exit', () => {
  it('probes a merge of min(P, N) for every actor holding both, settled or not', () => {
    for (const state of [baseState(), settled()]) {
      const probes = probeM6(state, { actors: ACTORS });
      expect(probes.map((p) => [p.action.caller, p.action.amount, p.action.to])).toEqual([
        [ALICE, 50n, ALICE],
        [BOB, 40n, BOB],
      ]);
      expect(probes.every((p) => p.warps.length === 0 && p.action.seriesId === SERIES)).toBe(true);
    }
  });

  it('skips series on a collateral the harness made hostile', () => {
    expect(probeM6(baseState(), { actors: ACTORS, hostileCollaterals: [COLLATERAL] })).toEqual([]);
  });

  it('holds when the merge succeeds and moves exactly a of each', () => {
    const before = baseState();
    for (const probe of probeM6(before, { actors: ACTORS })) {
      const run = { probe, before, outcome: ok(), after: merged(before, probe) };
      expect(checkM6Probe(run)).toEqual([]);
      expect(checkProbe(run)).toEqual([]);
    }
  });

  it('reports a holder who could not merge, with the revert', () => {
    const before = baseState();
    const [probe] = probesFor(before, { actors: ACTORS });
    if (probe?.id !== 'M6') throw new Error('expected an M6 probe first');
    const run = { probe, before, outcome: revert('ReentrancyGuardReentrantCall'), after: before };
    const violations = checkProbe(run);
    expect(where(violations)).toEqual([{ id: 'M6', series: SERIES, account: ALICE }]);
    expect(violations[0]?.actual).toBe('ReentrancyGuardReentrantCall()');
  });

  it('reports a merge that paid the holder short', () => {
    const before = baseState();
    const [probe] = probeM6(before, { actors: ACTORS });
    if (probe === undefined) throw new Error('no probe');
    const after = merged(before, probe);
    setBalance(after, COLLATERAL, ALICE, 349n);
    const violations = checkM6Probe({ probe, before, outcome: ok(), after });
    expect(where(violations)).toEqual([{ id: 'M6', series: SERIES, account: ALICE, token: COLLATERAL }]);
    expect(violations[0]).toMatchObject({ expected: '50', actual: '49' });
  });
});
