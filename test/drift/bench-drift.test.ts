import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.ts';
import { benchDrift, formatDriftBench } from '../../bench/drift.ts';
import { DEFAULT_PARAMS } from '../../drift/params.ts';

describe('npm run bench: the drift section', () => {
  it('is on by default, and --no-drift / --drift-only choose', () => {
    expect(parseBenchArgs([]).drift).toBe('also');
    expect(parseBenchArgs(['--no-drift']).drift).toBe('none');
    expect(parseBenchArgs(['--drift-only']).drift).toBe('only');
    expect(() => parseBenchArgs(['--drift-only=1'])).toThrow(/takes no value/);
  });

  it('times a run and splits it into index paths, pricing and the rest', () => {
    const b = benchDrift({ ...DEFAULT_PARAMS, paths: 50, stepsPerDay: 1 });
    expect(b.steps).toBe(365);
    expect(b.pricings).toBeGreaterThan(50 * 12); // at least the entries, the rolls' two legs and the year ends
    expect(b.totalMs).toBeGreaterThan(0);
    expect(formatDriftBench(b)).toMatch(/paths\/s/);
  });
});
