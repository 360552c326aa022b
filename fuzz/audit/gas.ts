import type { ActionKind } from '../../reference/action.ts';
import { ACTION_KINDS } from '../trace/fields.ts';
import type { GasSample } from './lockstep.ts';

/** Gas of one action kind on both versions, over the same calls. */
export interface GasRow {
  kind: ActionKind;
  /** Calls that succeeded on both versions from the same state. */
  calls: number;
  base: { median: bigint; mean: bigint };
  next: { median: bigint; mean: bigint };
}

/** Collects gas samples per action kind over a whole audit (shrinking replays excluded). */
export class GasTally {
  private readonly samples = new Map<ActionKind, { base: bigint[]; next: bigint[] }>();

  add(samples: readonly GasSample[]): void {
    for (const sample of samples) {
      const row = this.samples.get(sample.kind) ?? { base: [], next: [] };
      row.base.push(sample.base);
      row.next.push(sample.next);
      this.samples.set(sample.kind, row);
    }
  }

  /** One row per action kind that ran at least once, in the usual kind order. */
  rows(): GasRow[] {
    const rows: GasRow[] = [];
    for (const kind of ACTION_KINDS) {
      const row = this.samples.get(kind);
      if (row === undefined) continue;
      rows.push({ kind, calls: row.base.length, base: summarize(row.base), next: summarize(row.next) });
    }
    return rows;
  }
}

/** Median (the lower middle value for an even count, so it is always a gas figure that occurred) and mean, rounded down. */
function summarize(values: readonly bigint[]): { median: bigint; mean: bigint } {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0n;
  const mean = sorted.length === 0 ? 0n : sorted.reduce((s, v) => s + v, 0n) / BigInt(sorted.length);
  return { median, mean };
}

/** `new − base` as a signed number, with its share of base in percent to two places: `+124 (+0.14%)`. */
export function formatDelta(base: bigint, next: bigint): { delta: string; percent: string } {
  const delta = next - base;
  const sign = delta > 0n ? '+' : delta < 0n ? '−' : '±';
  const magnitude = delta < 0n ? -delta : delta;
  // Basis points of base, rounded half away from zero, printed as a percent with two decimals.
  const bp = base === 0n ? 0n : (magnitude * 20000n + base) / (2n * base);
  const percent = `${sign}${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}%`;
  return { delta: `${sign}${magnitude.toLocaleString('en-US')}`, percent };
}
