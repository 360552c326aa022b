import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkM3, checkM4, checkPayoutSample, modelPayoutMath, type PayoutMath } from '../../properties/index.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';
import { brokenPayouts, specPayout } from './payout-variants.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20_260_124);
const numRuns = Number(process.env.FUZZ_RUNS ?? 300);
// The broken variants must be caught even with a small FUZZ_RUNS; x = S = 0 is hit ~1 run in 36.
const catchRuns = Math.max(numRuns, 1000);

/** Full-range uint256 with the edges (0, 1, max) drawn often, so x = S = 0 and overflow both occur. */
const uint256 = fc.oneof(fc.constantFrom(0n, 1n, WAD, MAX_UINT256), fc.bigInt({ min: 0n, max: MAX_UINT256 }));
const sample = fc.record({ amount: uint256, strike: uint256, price: uint256, otherPrice: uint256 });

describe('M3 sum', () => {
  it('holds at an exact point (a=10, S=2000, x=2500 pays 8 + 2)', () => {
    expect(checkM3(specPayout, { amount: 10n, strike: 2000n, price: 2500n })).toEqual([]);
  });

  it('holds where the floors leave one unit of dust (a=1, S=2, x=3 pays 0 + 0)', () => {
    expect(checkM3(specPayout, { amount: 1n, strike: 2n, price: 3n })).toEqual([]);
  });

  it('reports P rounded up: dust 0 where 1 is due', () => {
    const [violation] = checkM3(brokenPayouts.roundsPUp?.math as PayoutMath, { amount: 1n, strike: 2n, price: 3n });
    expect(violation).toMatchObject({ id: 'M3', expected: '0', actual: '1' });
  });

  it('reports a sum above a', () => {
    const twice: PayoutMath = { payoutP: (a) => a, payoutN: (a) => a };
    const [violation] = checkM3(twice, { amount: 5n, strike: 1n, price: 2n });
    expect(violation).toMatchObject({ id: 'M3', expected: 'in [4, 5]', actual: '10' });
  });

  it('checks one whole unit too: pP + pN at a = WAD', () => {
    const wrongAtWad: PayoutMath = {
      ...specPayout,
      payoutP: (a, S, x) => (a === WAD && x > S ? (a * S + x - 1n) / x : specPayout.payoutP(a, S, x)),
    };
    const violations = checkM3(wrongAtWad, { amount: 1n, strike: 2n, price: 3n });
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toContain('one whole unit');
  });

  it('reports a payout that throws', () => {
    const [violation] = checkM3(brokenPayouts.strictStrikeTest?.math as PayoutMath, {
      amount: 1n,
      strike: 0n,
      price: 0n,
    });
    expect(violation).toMatchObject({ id: 'M3', expected: 'a uint256' });
  });
});

describe('M4 payoff shape', () => {
  it('holds between two prices on either side of the strike', () => {
    expect(checkM4(specPayout, { amount: 100n, strike: 2000n, price: 1000n, otherPrice: 4000n })).toEqual([]);
  });

  it('reports a P that is not a below the strike', () => {
    const short: PayoutMath = { ...specPayout, payoutP: (a, S, x) => (x <= S ? a - 1n : specPayout.payoutP(a, S, x)) };
    const violations = checkM4(short, { amount: 100n, strike: 2000n, price: 2000n, otherPrice: 2000n });
    expect(violations).toMatchObject([{ id: 'M4', expected: '100', actual: '99' }]);
  });

  it('reports P rising and N falling with x when the sides are swapped above the strike', () => {
    const math = brokenPayouts.swapsSidesAboveStrike?.math as PayoutMath;
    const violations = checkM4(math, { amount: 100n, strike: 2000n, price: 4000n, otherPrice: 3000n });
    expect(violations.map((v) => v.message.split(' between')[0])).toEqual(['payoutP increases', 'payoutN decreases']);
  });
});

describe('M3 and M4 over full-range uint256 (fast-check)', () => {
  it('hold for docs/design.md §2 written out in the test', () => {
    fc.assert(
      fc.property(sample, (s) => {
        expect(checkPayoutSample(s, { math: specPayout })).toEqual([]);
      }),
      { seed, numRuns },
    );
  });

  it('hold for the reference model (reference/payout.ts), which agrees with the spec (Differential)', () => {
    fc.assert(
      fc.property(sample, (s) => {
        expect(checkPayoutSample(s, { math: modelPayoutMath })).toEqual([]);
        for (const price of [s.price, s.otherPrice]) {
          expect(modelPayoutMath.payoutP(s.amount, s.strike, price)).toBe(
            specPayout.payoutP(s.amount, s.strike, price),
          );
          expect(modelPayoutMath.payoutN(s.amount, s.strike, price)).toBe(
            specPayout.payoutN(s.amount, s.strike, price),
          );
        }
      }),
      { seed, numRuns },
    );
  });

  for (const [name, { math, caughtBy }] of Object.entries(brokenPayouts)) {
    it(`catch the broken variant ${name} (${caughtBy})`, () => {
      const result = fc.check(
        fc.property(sample, (s) => checkPayoutSample(s, { math }).length === 0),
        { seed, numRuns: catchRuns },
      );
      expect(result.failed).toBe(true);
      const counterexample = result.counterexample?.[0];
      if (counterexample === undefined) throw new Error('fast-check failed without a counterexample');
      expect(checkPayoutSample(counterexample, { math }).map((v) => v.id)).toContain(caughtBy);
    });
  }
});
