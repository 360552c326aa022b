import type { Address, Bytes32 } from '../reference/primitives.ts';
import { balanceOf, keysOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import type { Probe, ProbeOptions, ProbeRun } from './probe.ts';
import { quote, type Violation } from './violation.ts';

/** An M6 probe: a holder merging all the pairs it holds. */
export type M6Probe = Extract<Probe, { id: 'M6' }>;

/**
 * M6 exit, probe form: for every series (before or after expiry, settled or not) and every actor
 * holding both P and N, `merge(series, min(P, N), to = itself)` from that actor must succeed.
 * Series on a collateral listed in `options.hostileCollaterals` are skipped.
 */
export function probeM6(state: ObservedState, options: ProbeOptions): M6Probe[] {
  const hostile = new Set(options.hostileCollaterals ?? []);
  const probes: M6Probe[] = [];
  for (const seriesId of keysOf<Bytes32>(state.series)) {
    const series = state.series[seriesId];
    if (series === undefined || hostile.has(series.collateral)) continue;
    for (const holder of options.actors) {
      const p = balanceOf(state, series.pToken, holder) ?? 0n;
      const n = balanceOf(state, series.nToken, holder) ?? 0n;
      const amount = p < n ? p : n;
      if (amount === 0n) continue;
      probes.push({
        id: 'M6',
        description: `${holder} merges ${amount} pairs of ${seriesId}`,
        warps: [],
        action: { kind: 'merge', caller: holder, seriesId, amount, to: holder },
      });
    }
  }
  return probes;
}

/**
 * M6 exit, checker of a probe's result: the merge succeeded, and the holder gave exactly `a` P
 * and `a` N and got exactly `a` collateral.
 */
export function checkM6Probe(run: ProbeRun<M6Probe>): Violation[] {
  const { action } = run.probe;
  const where = { series: action.seriesId, account: action.caller };
  if (!run.outcome.ok) {
    const { name, args } = run.outcome.error;
    return [
      {
        id: 'M6',
        message: `${action.caller} could not merge ${action.amount} pairs`,
        expected: 'success',
        actual: `${name}(${args.map(String).join(', ')})`,
        ...where,
      },
    ];
  }
  const series = run.before.series[action.seriesId];
  if (series === undefined) {
    return [
      { id: 'M6', message: 'probed series is not in the state', expected: 'a series', actual: '<missing>', ...where },
    ];
  }
  const violations: Violation[] = [];
  const legs: [Address, bigint, string][] = [
    [series.pToken, -action.amount, 'P'],
    [series.nToken, -action.amount, 'N'],
    [series.collateral, action.amount, 'collateral'],
  ];
  for (const [token, change, label] of legs) {
    const was = balanceOf(run.before, token, action.caller);
    const now = balanceOf(run.after, token, action.caller);
    const actual = was === undefined || now === undefined ? undefined : now - was;
    if (actual !== change) {
      violations.push({
        id: 'M6',
        message: `merging ${action.amount} pairs changed the holder's ${label} by the wrong amount`,
        expected: quote(change),
        actual: quote(actual),
        token,
        ...where,
      });
    }
  }
  return violations;
}
