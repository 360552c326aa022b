import type { Bytes32 } from '../reference/primitives.ts';
import { keysOf, supplyOf } from './lookup.ts';
import type { ObservedState } from './observed-state.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M1 pairs: before settlement, `supply(P) == supply(N) == locked` for every series.
 *
 * Split mints one P and one N per unit locked and merge burns one of each per unit released, so
 * until redeem starts burning the two sides separately the three numbers move together. A claim
 * token the state does not observe is reported, not skipped.
 */
export function checkM1(state: ObservedState): Violation[] {
  const violations: Violation[] = [];
  for (const id of keysOf<Bytes32>(state.series)) {
    const series = state.series[id];
    if (series === undefined || series.settled) continue;
    const p = supplyOf(state, series.pToken);
    const n = supplyOf(state, series.nToken);
    if (p !== series.locked) {
      violations.push({
        id: 'M1',
        message: `unsettled series: supply of P (${series.pToken}) differs from locked`,
        expected: quote(series.locked),
        actual: quote(p),
        series: id,
        token: series.pToken,
      });
    }
    if (n !== series.locked) {
      violations.push({
        id: 'M1',
        message: `unsettled series: supply of N (${series.nToken}) differs from locked`,
        expected: quote(series.locked),
        actual: quote(n),
        series: id,
        token: series.nToken,
      });
    }
  }
  return violations;
}
