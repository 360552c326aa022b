import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractPayoutMath, deployWorld, type EvmHost, type PayoutInput } from '../../fuzz/evm/index.ts';
import { checkPayoutSample } from '../../properties/index.ts';
import { payoutN, payoutP } from '../../reference/index.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';
import { brokenArtifacts, runs, SEED, shippedArtifacts } from './support.ts';

type Sample = PayoutInput & { otherPrice: bigint };

/** Full-range uint256 with the edges (0, 1, 2^256 − 1) drawn often. */
const uint = fc.oneof(
  fc.bigInt({ min: 0n, max: MAX_UINT256 }),
  fc.constantFrom(0n, 1n, 2n, MAX_UINT256, MAX_UINT256 - 1n),
  fc.bigInt({ min: 0n, max: 10n ** 24n }),
);
const sample: fc.Arbitrary<Sample> = fc
  .record({ amount: uint, strike: uint.filter((s) => s > 0n), price: uint, otherPrice: uint })
  .chain((s) =>
    fc.oneof(
      fc.constant(s),
      // Prices at the strike boundary, where the payoff changes shape.
      fc.constantFrom(-1n, 0n, 1n).map((d) => ({ ...s, price: clamp(s.strike + d), otherPrice: clamp(s.strike - d) })),
    ),
  );
const clamp = (v: bigint) => (v < 0n ? 0n : v > MAX_UINT256 ? MAX_UINT256 : v);

async function violationsOf(host: EvmHost, s: Sample) {
  // M3 also reads the per-unit rate, at one whole unit (10^18), so the EVM answers that too.
  const points = [s.amount, WAD].flatMap((amount) =>
    [s.price, s.otherPrice].map((price) => ({ amount, strike: s.strike, price })),
  );
  const math = await contractPayoutMath(host, points);
  return { math, violations: checkPayoutSample(s, { math }) };
}

describe('PayoutMath Differential: the contract against M3, M4 and the model', () => {
  let shipped: EvmHost;
  beforeAll(async () => {
    shipped = await deployWorld(shippedArtifacts(), { actorCount: 1 });
  });

  it('holds M3 and M4 over the full uint256 range and pays exactly what the model pays', async () => {
    await fc.assert(
      fc.asyncProperty(sample, async (s) => {
        const { math, violations } = await violationsOf(shipped, s);
        expect(violations).toEqual([]);
        for (const price of [s.price, s.otherPrice]) {
          expect(math.payoutP(s.amount, s.strike, price)).toBe(payoutP(s.amount, s.strike, price));
          expect(math.payoutN(s.amount, s.strike, price)).toBe(payoutN(s.amount, s.strike, price));
        }
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('catches a contract whose N rounds up (M3 fails through the EVM)', async () => {
    const broken = await deployWorld(
      brokenArtifacts(
        'contracts/libraries/PayoutMath.sol',
        'Math.mulDiv(a, x - strike, x)',
        'Math.mulDiv(a, x - strike, x, Math.Rounding.Ceil)',
      ),
      { actorCount: 1 },
    );
    const result = await fc.check(
      fc.asyncProperty(sample, async (s) => (await violationsOf(broken, s)).violations.length === 0),
      { seed: SEED, numRuns: runs(300) },
    );
    expect(result.failed).toBe(true);
    const [counterexample] = result.counterexample ?? [];
    expect(counterexample).toBeDefined();
    const { violations } = await violationsOf(broken, counterexample as Sample);
    expect(violations.map((v) => v.id)).toContain('M3');
  });
});
