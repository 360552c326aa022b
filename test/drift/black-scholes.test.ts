import { describe, expect, it } from 'vitest';
import { blackScholes, type OptionInputs } from '../../drift/black-scholes.ts';
import { claimValues } from '../../drift/claim-value.ts';
import { normalCdf } from '../../drift/normal-cdf.ts';
import { parityViolations } from '../../drift/parity.ts';

describe('normalCdf', () => {
  // Reference values: Φ computed to 16+ digits (e.g. R's pnorm, scipy.stats.norm.cdf).
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145705],
    [1.959963984540054, 0.975],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
    [-12, 0],
  ])('Φ(%d) = %d within 1e-15', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-15);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (let x = -9; x <= 9; x += 0.37) expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2e-15);
  });
});

describe('blackScholes against textbook figures', () => {
  it("Hull's example (S0 42, K 40, r 10%, σ 20%, T 0.5): c = 4.76, p = 0.81", () => {
    const { call, put } = blackScholes({ spot: 42, strike: 40, sigma: 0.2, tau: 0.5, rate: 0.1 });
    expect(call).toBeCloseTo(4.76, 2);
    expect(put).toBeCloseTo(0.81, 2);
  });

  it('at the money with zero rates: c = p = S·(2Φ(σ√τ/2) − 1)', () => {
    const { call, put } = blackScholes({ spot: 100, strike: 100, sigma: 0.8, tau: 0.25 });
    const exact = 100 * (2 * normalCdf(0.2) - 1);
    expect(call).toBeCloseTo(exact, 12);
    expect(put).toBeCloseTo(exact, 12);
    expect(call).toBeCloseTo(15.85, 2); // ≈ 0.4·σ√τ·S, the textbook rule of thumb, to its accuracy
  });

  it('prices the payoff at expiry', () => {
    expect(blackScholes({ spot: 90, strike: 100, sigma: 0.8, tau: 0 })).toEqual({ call: 0, put: 10 });
    expect(blackScholes({ spot: 110, strike: 100, sigma: 0.8, tau: 0 })).toEqual({ call: 10, put: 0 });
  });
});

const GRID: OptionInputs[] = [0.5, 0.8, 1, 1.5, 2, 4].flatMap((moneyness) =>
  [0.2, 0.8, 1.5].flatMap((sigma) =>
    [1 / 365, 30 / 365, 60 / 365, 2].flatMap((tau) =>
      [0, 0.05].map((rate) => ({ spot: 2500, strike: 2500 / moneyness, sigma, tau, rate })),
    ),
  ),
);

describe('put–call parity', () => {
  it('holds for blackScholes on a grid of moneyness, σ, τ and rates', () => {
    expect(parityViolations(blackScholes, GRID)).toEqual([]);
  });

  it('makes the claims add up to the collateral: P + N = x (zero rates)', () => {
    for (const { spot, strike, sigma, tau } of GRID) {
      const { p, n } = claimValues(spot, strike, sigma, tau);
      expect(Math.abs(p + n - spot)).toBeLessThan(1e-12 * spot);
    }
  });

  it('catches a broken pricing: a put that uses d1 where it needs d2', () => {
    const broken = (input: OptionInputs) => {
      const right = blackScholes(input);
      const d1 =
        (Math.log(input.spot / input.strike) + 0.5 * input.sigma ** 2 * input.tau) /
        (input.sigma * Math.sqrt(input.tau));
      return { call: right.call, put: input.strike * normalCdf(-d1) - input.spot * normalCdf(-d1) };
    };
    expect(
      parityViolations(
        broken,
        GRID.filter((g) => g.rate === 0),
      ).length,
    ).toBeGreaterThan(0);
  });
});
