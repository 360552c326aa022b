/**
 * The standard normal distribution function Φ.
 *
 * Marsaglia's Taylor series, G. Marsaglia, "Evaluating the Normal Distribution", Journal of
 * Statistical Software 11(4), 2004: Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), summed until a term
 * no longer changes the sum. Marsaglia states an absolute error below 8·10⁻¹⁶ for this form (summed
 * in long double); summed in float64 here, the tests check it against tabulated values to 1e-15. Beyond |x| = 10 the answer is 0 or 1, off by
 * less than Φ(−10) ≈ 7.6·10⁻²⁴ (and the series' terms would overflow near |x| = 37).
 *
 * Hand-written rather than imported: it is eight lines, and the pricing must not depend on a
 * library's choice of approximation (A&S 26.2.17, common in small packages, is only good to 7.5e-8,
 * too coarse for the deep out-of-the-money puts a rolling holder is short of).
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -10) return 0;
  if (x > 10) return 1;
  let sum = x;
  let term = x;
  const square = x * x;
  for (let i = 3; sum + term !== sum; i += 2) {
    term = (term * square) / i;
    sum += term;
  }
  return 0.5 + sum * Math.exp(-0.5 * square - 0.9189385332046728 /* ln √(2π) */);
}
