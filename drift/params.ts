/** Every parameter of a drift simulation (DESIGN.md §6). Fractions are plain numbers (0.5 = 50%). */
export interface DriftParams {
  /** Number of Monte Carlo paths. */
  paths: number;
  /** PRNG seed: the same seed gives the same numbers on any machine. */
  seed: number;
  /** Whole years simulated; the drift figures are per year. */
  years: number;
  /** Price steps per day; both triggers and the debt's health factor are checked at each. */
  stepsPerDay: number;
  /** Index volatility per √year (also the volatility the claims are priced with). */
  sigma: number;
  /** Index drift per year (log-price grows by μ − σ²/2 a year between jumps). */
  mu: number;
  /** Jumps per year (Merton compound Poisson); 0 for pure geometric Brownian motion. */
  jumpRate: number;
  /** Mean of the log-size of a jump (−0.2 ≈ an 18% crash). */
  jumpMean: number;
  /** Standard deviation of the log-size of a jump. */
  jumpStd: number;
  /** Index value at the start, in index units per collateral unit (the figures do not depend on it). */
  startPrice: number;
  /** Entry strike as a fraction of the index. */
  entryStrike: number;
  /** Price trigger: roll when the index falls below this multiple of the strike. */
  rollBelow: number;
  /** Time trigger: roll when fewer than this many days remain to expiry (0: hold to expiry). */
  rollDays: number;
  /** New strike at a roll as a fraction of the index. */
  newStrike: number;
  /** Days from a roll (or the start) to the new series' expiry. */
  maturityDays: number;
  /** Fraction of a leg's fair value lost to slippage, charged on the sell and on the buy leg. */
  slippage: number;
  /** Debt position: loan over collateral value at the start. */
  ltv: number;
  /** Debt position: liquidated when collateral value × this < debt (health factor below 1). */
  liquidationThreshold: number;
  /** Debt position: extra fraction of the debt seized as collateral at a liquidation. */
  liquidationPenalty: number;
}

/** The defaults DESIGN.md §6 names: S = x/2, roll below 1.5·S or within 30 days, 60-day series. */
export const DEFAULT_PARAMS: DriftParams = {
  paths: 20000,
  seed: 1,
  years: 1,
  stepsPerDay: 6,
  sigma: 0.8,
  mu: 0,
  jumpRate: 0,
  jumpMean: -0.2,
  jumpStd: 0.1,
  startPrice: 2500,
  entryStrike: 0.5,
  rollBelow: 1.5,
  rollDays: 30,
  newStrike: 0.5,
  maturityDays: 60,
  slippage: 0.001,
  ltv: 0.5,
  liquidationThreshold: 0.8,
  liquidationPenalty: 0.05,
};

/** Days in a simulated year: steps are calendar days, as crypto markets trade every day. */
export const DAYS_PER_YEAR = 365;

/**
 * Throws a RangeError naming the first parameter outside its domain, so a caller (the CLI) can
 * report it before any work; the simulation itself assumes valid parameters.
 */
export function checkParams(p: DriftParams): void {
  const need = (ok: boolean, name: keyof DriftParams, what: string) => {
    if (!ok || Number.isNaN(p[name])) throw new RangeError(`${name} must be ${what}, got ${p[name]}`);
  };
  need(Number.isSafeInteger(p.paths) && p.paths >= 2, 'paths', 'a whole number ≥ 2');
  need(Number.isSafeInteger(p.seed), 'seed', 'a whole number');
  need(Number.isSafeInteger(p.years) && p.years >= 1, 'years', 'a whole number ≥ 1');
  need(Number.isSafeInteger(p.stepsPerDay) && p.stepsPerDay >= 1, 'stepsPerDay', 'a whole number ≥ 1');
  need(p.sigma > 0 && p.sigma <= 5, 'sigma', 'in (0, 5]');
  need(Math.abs(p.mu) <= 5, 'mu', 'in [−5, 5]');
  need(p.jumpRate >= 0 && p.jumpRate <= 365, 'jumpRate', 'in [0, 365] per year');
  need(Math.abs(p.jumpMean) <= 5, 'jumpMean', 'in [−5, 5]');
  need(p.jumpStd >= 0 && p.jumpStd <= 5, 'jumpStd', 'in [0, 5]');
  need(p.startPrice > 0 && p.startPrice <= 1e12, 'startPrice', 'in (0, 1e12]');
  need(p.entryStrike > 0 && p.entryStrike < 1, 'entryStrike', 'in (0, 1)');
  need(p.newStrike > 0 && p.newStrike < 1, 'newStrike', 'in (0, 1)');
  need(
    p.rollBelow >= 0 && p.rollBelow * p.newStrike < 1,
    'rollBelow',
    'in [0, 1/newStrike) so a fresh roll does not fire at once',
  );
  need(p.maturityDays > 0 && p.maturityDays <= 3650, 'maturityDays', 'in (0, 3650]');
  need(p.rollDays >= 0 && p.rollDays < p.maturityDays, 'rollDays', 'in [0, maturityDays)');
  need(p.slippage >= 0 && p.slippage < 0.5, 'slippage', 'in [0, 0.5)');
  need(p.ltv > 0 && p.ltv < p.liquidationThreshold, 'ltv', 'in (0, liquidationThreshold)');
  need(p.liquidationThreshold > 0 && p.liquidationThreshold <= 1, 'liquidationThreshold', 'in (0, 1]');
  need(p.liquidationPenalty >= 0 && p.liquidationPenalty <= 1, 'liquidationPenalty', 'in [0, 1]');
}
