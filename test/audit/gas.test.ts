import { describe, expect, it } from 'vitest';
import { formatDelta, GasTally } from '../../fuzz/audit/gas.ts';

describe('gas table', () => {
  it('takes the median and mean of the same calls on each version, per action kind in kind order', () => {
    const tally = new GasTally();
    tally.add([
      { kind: 'redeem', base: 100n, next: 110n },
      { kind: 'split', base: 300n, next: 300n },
      { kind: 'split', base: 100n, next: 90n },
      { kind: 'split', base: 200n, next: 200n },
      { kind: 'split', base: 1000n, next: 1000n },
    ]);
    const [split, redeem] = tally.rows();
    expect(split).toEqual({
      kind: 'split',
      calls: 4,
      base: { median: 200n, mean: 400n },
      next: { median: 200n, mean: 397n },
    });
    expect(redeem).toEqual({
      kind: 'redeem',
      calls: 1,
      base: { median: 100n, mean: 100n },
      next: { median: 110n, mean: 110n },
    });
  });

  it('prints signed deltas and percentages of base', () => {
    expect(formatDelta(90_620n, 90_644n)).toEqual({ delta: '+24', percent: '+0.03%' });
    expect(formatDelta(124_820n, 100_000n)).toEqual({ delta: '−24,820', percent: '−19.88%' });
    expect(formatDelta(5n, 5n)).toEqual({ delta: '±0', percent: '±0.00%' });
  });
});
