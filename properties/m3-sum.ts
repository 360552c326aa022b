import { MAX_UINT256, WAD } from '../reference/primitives.ts';
import { describePoint, evaluatePayouts, type PayoutMath, type PayoutPoint } from './payout-math.ts';
import { quote, type Violation } from './violation.ts';

/**
 * M3 sum: for every `a, S, x`, `a - 1 <= payoutP(a) + payoutN(a) <= a`, and the per-unit rates
 * add to exactly 1.
 *
 * What "exactly 1" means for floored integers: the rates are `1` and `0` when `x <= S`, else
 * `S/x` and `(x-S)/x`, whose sum is exactly 1. Each side pays the floor of `a` times its rate, so
 * `a - payoutP - payoutN` is the sum of the two fractional parts dropped. Because
 * `a*S/x + a*(x-S)/x = a` is an integer, those parts add to 0 or 1, and they are 0 exactly when
 * `x` divides `a*S`. So the dust must be `1` when `x > S` and `a*S mod x != 0`, and `0` otherwise;
 * a variant that rounds one side up (dust 0 where 1 is due) or loses a second unit is caught.
 * The same rule is checked at `a = WAD` (one whole collateral unit): `pP + pN` is `WAD` or
 * `WAD - 1`, by the same divisibility test.
 */
export function checkM3(math: PayoutMath, point: PayoutPoint): Violation[] {
  const violations = checkPoint(math, point, 'M3');
  if (point.amount !== WAD) violations.push(...checkPoint(math, { ...point, amount: WAD }, 'M3 (one whole unit)'));
  return violations;
}

/** The dust docs/design.md §2 leaves in the series when `a` claims of each side are redeemed at once. */
export function expectedDust(point: PayoutPoint): bigint {
  const { amount, strike, price } = point;
  return price > strike && (amount * strike) % price !== 0n ? 1n : 0n;
}

function checkPoint(math: PayoutMath, point: PayoutPoint, label: string): Violation[] {
  const where = describePoint(point);
  const result = evaluatePayouts(math, point);
  if (!result.ok) {
    return [{ id: 'M3', message: `${label}: payout threw at ${where}`, expected: 'a uint256', actual: result.message }];
  }
  const { p, n } = result;
  for (const [side, value] of [
    ['payoutP', p],
    ['payoutN', n],
  ] as const) {
    if (value < 0n || value > MAX_UINT256) {
      return [
        {
          id: 'M3',
          message: `${label}: ${side} is not a uint256 at ${where}`,
          expected: 'a uint256',
          actual: quote(value),
        },
      ];
    }
  }
  const sum = p + n;
  if (sum > point.amount || sum < point.amount - 1n) {
    return [
      {
        id: 'M3',
        message: `${label}: payoutP + payoutN outside [a - 1, a] at ${where} (P ${p}, N ${n})`,
        expected: `in [${point.amount - 1n}, ${point.amount}]`,
        actual: quote(sum),
      },
    ];
  }
  const dust = expectedDust(point);
  if (point.amount - sum !== dust) {
    return [
      {
        id: 'M3',
        message: `${label}: rates do not add to exactly 1 once each side is floored at ${where} (P ${p}, N ${n})`,
        expected: quote(point.amount - dust),
        actual: quote(sum),
      },
    ];
  }
  return [];
}
