import { describe, expect, it } from 'vitest';
import { claimValues } from '../../drift/claim-value.ts';
import { settleClaims, toWad, WAD } from '../../drift/settle.ts';
import { payoutN, payoutP } from '../../reference/payout.ts';

const S = 1250n * WAD;
const AMOUNT = 3n * WAD + 123456789n;

describe('Differential: the simulator settles expired series with reference/ payouts, to the wei', () => {
  it.each([
    ['x = 0', 0n, AMOUNT, 0n],
    ['x = S − 1', S - 1n, AMOUNT, 0n],
    ['x = S', S, AMOUNT, 0n],
    ['x = S + 1', S + 1n, (AMOUNT * S) / (S + 1n), AMOUNT - (AMOUNT * S) / (S + 1n) - 1n],
    ['x = 2S', 2n * S, AMOUNT / 2n, AMOUNT / 2n],
    ['x = 3S', 3n * S, (AMOUNT * S) / (3n * S), (AMOUNT * 2n * S) / (3n * S)],
  ])('%s', (_, x, p, n) => {
    const settledP = settleClaims('P', AMOUNT, S, x).collateralWad;
    const settledN = settleClaims('N', AMOUNT, S, x).collateralWad;
    expect(settledP).toBe(p);
    expect(settledN).toBe(n);
    expect(settledP).toBe(payoutP(AMOUNT, S, x));
    expect(settledN).toBe(payoutN(AMOUNT, S, x));
    // The floors lose at most one wei between the two sides.
    expect(AMOUNT - settledP - settledN <= 1n).toBe(true);
  });

  it('agrees with the float fair value at expiry (min(x, S) and max(x − S, 0)) to float precision', () => {
    for (const x of [0.001, 1000, 1249.999, 1250, 1250.001, 1600, 2500, 1e6]) {
      const claims = 3.25;
      const { p, n } = claimValues(x, 1250, 0.8, 0);
      const exactP = settleClaims('P', toWad(claims), toWad(1250), toWad(x)).indexValue;
      const exactN = settleClaims('N', toWad(claims), toWad(1250), toWad(x)).indexValue;
      // P = S − Put cancels when x ≪ S, so the float's error scales with max(x, S), not x.
      const scale = 1e-12 * claims * Math.max(x, 1250);
      expect(Math.abs(exactP - claims * p)).toBeLessThanOrEqual(scale);
      expect(Math.abs(exactN - claims * n)).toBeLessThanOrEqual(scale);
    }
  });

  it('converts floats to WAD exactly', () => {
    expect(toWad(0)).toBe(0n);
    expect(toWad(2500.5)).toBe(2500n * WAD + WAD / 2n);
    expect(toWad(0.1)).toBe(100000000000000006n); // the double 0.1 is 0.1000000000000000055…: rounded to the wei
    expect(() => toWad(-1)).toThrow(RangeError);
  });
});
