import { describePoint, evaluatePayouts, type PayoutMath, type PayoutPoint } from './payout-math.ts';
import { quote, type Violation } from './violation.ts';

/** Two prices for one `a` and `S`; M4 orders them itself, so either may be the larger. */
export interface PayoutPricePair {
  amount: bigint;
  strike: bigint;
  price: bigint;
  otherPrice: bigint;
}

/**
 * M4 payoff shape: `payoutP` is `a` for `x <= S` and non-increasing in `x`; `payoutN` is 0 for
 * `x <= S` and non-decreasing in `x`.
 *
 * Checked at both prices of the pair (the flat part) and between them (the monotone part), so a
 * variant that flips the comparison to `x < S` is caught at `x == S`, and one that rounds the
 * wrong way near a boundary is caught by a neighbouring price.
 */
export function checkM4(math: PayoutMath, pair: PayoutPricePair): Violation[] {
  // Math.min/max do not take bigints.
  const [low, high] = pair.price <= pair.otherPrice ? [pair.price, pair.otherPrice] : [pair.otherPrice, pair.price];
  const lowPoint = { amount: pair.amount, strike: pair.strike, price: low };
  const highPoint = { amount: pair.amount, strike: pair.strike, price: high };
  const atLow = evaluatePayouts(math, lowPoint);
  const atHigh = evaluatePayouts(math, highPoint);
  if (!atLow.ok) return [threw(lowPoint, atLow.message)];
  if (!atHigh.ok) return [threw(highPoint, atHigh.message)];
  const violations = [...checkFlat(lowPoint, atLow), ...(high === low ? [] : checkFlat(highPoint, atHigh))];
  const between = `between x=${low} and x=${high} (a=${pair.amount}, S=${pair.strike})`;
  if (atHigh.p > atLow.p) {
    violations.push({
      id: 'M4',
      message: `payoutP increases ${between}`,
      expected: `<= ${atLow.p}`,
      actual: quote(atHigh.p),
    });
  }
  if (atHigh.n < atLow.n) {
    violations.push({
      id: 'M4',
      message: `payoutN decreases ${between}`,
      expected: `>= ${atLow.n}`,
      actual: quote(atHigh.n),
    });
  }
  return violations;
}

function checkFlat(point: PayoutPoint, payouts: { p: bigint; n: bigint }): Violation[] {
  if (point.price > point.strike) return [];
  const violations: Violation[] = [];
  if (payouts.p !== point.amount) {
    violations.push({
      id: 'M4',
      message: `payoutP is not a for x <= S at ${describePoint(point)}`,
      expected: quote(point.amount),
      actual: quote(payouts.p),
    });
  }
  if (payouts.n !== 0n) {
    violations.push({
      id: 'M4',
      message: `payoutN is not 0 for x <= S at ${describePoint(point)}`,
      expected: '0',
      actual: quote(payouts.n),
    });
  }
  return violations;
}

function threw(point: PayoutPoint, message: string): Violation {
  return { id: 'M4', message: `payout threw at ${describePoint(point)}`, expected: 'a uint256', actual: message };
}
