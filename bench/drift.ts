import { blackScholes, type OptionInputs } from '../drift/black-scholes.ts';
import { IndexPath } from '../drift/index-path.ts';
import { DAYS_PER_YEAR, DEFAULT_PARAMS, type DriftParams } from '../drift/params.ts';
import { simulateDrift } from '../drift/simulate.ts';

/** The drift simulator's speed on the default run, and where its time goes. */
export interface DriftBench {
  paths: number;
  steps: number;
  totalMs: number;
  pathsPerSecond: number;
  /** Index paths alone: normals, exp, the jump check. */
  indexMs: number;
  /** Option prices (count × the measured cost of one). */
  pricings: number;
  pricingMs: number;
  /** The rest: triggers, the debt's health check, roll bookkeeping, summaries. */
  restMs: number;
}

/**
 * Times `cliffless drift`'s default simulation (20,000 paths, a year, six steps a day, no sweep):
 * the whole run, the index paths alone, and the option pricing (counted in the run, timed per call
 * on its own), the rest by difference.
 */
export function benchDrift(params: DriftParams = DEFAULT_PARAMS): DriftBench {
  let pricings = 0;
  const counting = (input: OptionInputs) => {
    pricings++;
    return blackScholes(input);
  };
  simulateDrift({ ...params, paths: Math.min(params.paths, 500) }); // warm-up: let the JIT settle
  const started = performance.now();
  simulateDrift(params, counting);
  const totalMs = performance.now() - started;

  const steps = params.years * params.stepsPerDay * DAYS_PER_YEAR;
  const indexStarted = performance.now();
  let sink = 0;
  for (let path = 0; path < params.paths; path++) {
    const index = new IndexPath(params, path);
    for (let step = 0; step < steps; step++) sink += index.step();
  }
  const indexMs = performance.now() - indexStarted;

  const calls = 200_000;
  const priceStarted = performance.now();
  for (let i = 0; i < calls; i++) {
    sink += blackScholes({ spot: 2500 - (i % 900), strike: 1250, sigma: params.sigma, tau: (1 + (i % 60)) / 365 }).put;
  }
  const perPricingMs = (performance.now() - priceStarted) / calls;
  if (Number.isNaN(sink)) throw new Error('drift bench: a NaN price');
  const pricingMs = pricings * perPricingMs;
  return {
    paths: params.paths,
    steps,
    totalMs,
    pathsPerSecond: params.paths / (totalMs / 1000),
    indexMs,
    pricings,
    pricingMs,
    restMs: Math.max(0, totalMs - indexMs - pricingMs),
  };
}

/** The drift section of the bench's table. */
export function formatDriftBench(b: DriftBench): string {
  const share = (ms: number) => `${(ms / 1000).toFixed(2)} s (${((100 * ms) / b.totalMs).toFixed(0)}%)`;
  return [
    '',
    `drift simulator: ${b.paths} paths × ${b.steps} steps (cliffless drift's default run, no sweep)`,
    `  total ${(b.totalMs / 1000).toFixed(2)} s, ${Math.round(b.pathsPerSecond)} paths/s, ${((b.totalMs * 1e6) / (b.paths * b.steps)).toFixed(0)} ns per path-step`,
    `  index paths (normals, exp)     ${share(b.indexMs)}`,
    `  option pricing (${b.pricings} prices) ${share(b.pricingMs)}`,
    `  triggers, debt, bookkeeping    ${share(b.restMs)}`,
    '',
  ].join('\n');
}
