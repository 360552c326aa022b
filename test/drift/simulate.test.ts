import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type DriftParams } from '../../drift/params.ts';
import { recordPaths, simulateDrift } from '../../drift/simulate.ts';

// Small runs: two steps a day keeps each simulation well under a second.
const base: DriftParams = { ...DEFAULT_PARAMS, paths: 300, stepsPerDay: 2 };

describe('drift simulation', () => {
  it('is deterministic: the same seed gives the same JSON, another seed other numbers', () => {
    const a = JSON.stringify(simulateDrift(base).summary);
    expect(JSON.stringify(simulateDrift(base).summary)).toBe(a);
    expect(JSON.stringify(simulateDrift({ ...base, seed: 2 }).summary)).not.toBe(a);
  });

  it('gives path i the same numbers whatever the number of paths (one stream per path)', () => {
    const few = simulateDrift({ ...base, paths: 20 }).yearlyLog;
    const more = simulateDrift({ ...base, paths: 40 }).yearlyLog;
    expect(more.slice(0, 20)).toEqual(few);
  });

  it('converges: the annual std of independent runs of n and 4n paths agree within their standard errors', () => {
    const small = simulateDrift({ ...base, paths: 400, seed: 11 }).summary;
    const large = simulateDrift({ ...base, paths: 1600, seed: 12 }).summary;
    const combined = Math.hypot(small.annualStdError, large.annualStdError);
    // 4 standard errors: a false alarm about once in 16,000 seeds, and the seeds are fixed.
    expect(Math.abs(small.annualStd - large.annualStd)).toBeLessThan(4 * combined);
    // And the error shrinks as 1/√n: 4× the paths, about half the error.
    expect(large.annualStdError / small.annualStdError).toBeGreaterThan(0.35);
    expect(large.annualStdError / small.annualStdError).toBeLessThan(0.7);
  });

  it('charges slippage: the mean log change falls by about the slippage cost, and a free roll would not', () => {
    const free = simulateDrift({ ...base, slippage: 0 }).summary;
    const costly = simulateDrift({ ...base, slippage: 0.002 }).summary;
    expect(costly.slippageCostPerYear).toBeGreaterThan(0.04); // ~25 legs' worth × 0.2%
    const fall = free.meanLog - costly.meanLog;
    expect(Math.abs(fall - costly.slippageCostPerYear)).toBeLessThan(0.2 * costly.slippageCostPerYear);
  });

  it('counts rolls by trigger: one time roll every 30 days and a bit when the price is calm', () => {
    const calm = simulateDrift({ ...base, sigma: 0.05, paths: 20 }).summary;
    expect(calm.rollsPerYear.price).toBe(0);
    // Rolled when fewer than 30 days remain, i.e. every 30.5 days at two steps a day: 11 in 365 days.
    expect(calm.rollsPerYear.time).toBe(Math.floor(365 / 30.5));
    expect(calm.annualStd).toBeLessThan(1e-6); // a deep out-of-the-money put: P is S, no drift
    expect(calm.debt.liquidationRate).toBe(0);
  });

  it('reaches expiry and settles when the time trigger is off', () => {
    const expiring = simulateDrift({ ...base, rollDays: 0, rollBelow: 0, paths: 20 }).summary;
    expect(expiring.rollsPerYear.expiry).toBe(6); // 60-day series: days 60, 120, …, 360
    expect(expiring.rollsPerYear.price + expiring.rollsPerYear.time).toBe(0);
  });

  it('records sample paths day by day, with the liquidation day of the debt', () => {
    const [sample] = recordPaths({ ...base, sigma: 2 }, [0]);
    expect(sample?.record.day.length).toBe(366);
    expect(sample?.record.index[0]).toBe(1);
    expect(sample?.liquidationDay).toBeGreaterThan(0);
  });
});
