/** Mean, standard deviation and the standard deviation's standard error of a sample. */
export interface Spread {
  mean: number;
  std: number;
  /**
   * Standard error of `std`, by the delta method from the sample's fourth central moment:
   * √((m₄ − s⁴)/n) / (2s). Unlike s/√(2n) it does not assume normal tails, which drift does not have.
   */
  stdError: number;
}

/** Mean, sample standard deviation and its standard error; needs at least two values. */
export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n < 2) throw new RangeError(`spread needs at least 2 values, got ${n}`);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  const std = Math.sqrt(variance);
  const fourth = m4 / n;
  const stdError = std === 0 ? 0 : Math.sqrt(Math.max(fourth - variance * variance, 0) / n) / (2 * std);
  return { mean, std, stdError };
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics (Hyndman–Fan type 7, as R and NumPy default). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}
