import { blackScholes } from './black-scholes.ts';
import type { OptionPricer } from './claim-value.ts';
import { checkParams, DAYS_PER_YEAR, type DriftParams } from './params.ts';
import { type PathOutcome, type PathRecord, simulatePath } from './simulate-path.ts';
import { quantile, spread } from './stats.ts';

/** The figures of a drift simulation, as the `--json` output writes them. */
export interface DriftSummary {
  sigma: number;
  paths: number;
  years: number;
  /** Std over paths (and years) of log(V after a year / V at its start): the post's "standev per year". */
  annualStd: number;
  /** Standard error of annualStd. */
  annualStdError: number;
  /** Mean yearly log change of the holder's value (the put premium earned, less slippage and losses). */
  meanLog: number;
  p01: number;
  p99: number;
  rollsPerYear: { total: number; price: number; time: number; expiry: number };
  /** Fair value of both legs of every roll, per year, as a multiple of the starting capital. */
  tradedPerYear: number;
  /** Value lost to slippage per year, as a fraction of the starting capital. */
  slippageCostPerYear: number;
  debt: {
    ltv: number;
    liquidationThreshold: number;
    liquidationPenalty: number;
    /** Fraction of paths on which the debt position was liquidated, over the whole horizon (a year by default). */
    liquidationRate: number;
    /** Loss to the penalty as a fraction of the starting equity, over liquidated paths. */
    lossMean: number;
    lossP50: number;
    lossP99: number;
    /** Fraction of paths whose liquidation left the lender short (collateral worth less than the debt). */
    badDebtRate: number;
    /** Liquidations by month of the first year (12 counts; later years fold in). */
    liquidationsByMonth: number[];
    /** Mean and worst of the rolling holder's log value change on the days the debt was liquidated. */
    holderLogOnLiquidationDays: { count: number; mean: number; min: number };
  };
  params: DriftParams;
}

/** The result of a simulation: its summary and the raw yearly log changes (for the histogram). */
export interface DriftRun {
  summary: DriftSummary;
  yearlyLog: number[];
  /** The indices of the first (up to 10) paths whose debt position was liquidated. */
  liquidatedPaths: number[];
}

/**
 * Runs a drift simulation (DESIGN.md §6): `params.paths` paths, each with a rolling P holder and a
 * debt position on the same index path. Paths are independent streams, so the result depends
 * only on the parameters. `pricer` is for tests that check a broken pricing is caught.
 */
export function simulateDrift(params: DriftParams, pricer: OptionPricer = blackScholes): DriftRun {
  checkParams(params);
  const context = { params, pricer };
  const outcomes: PathOutcome[] = [];
  for (let path = 0; path < params.paths; path++) outcomes.push(simulatePath(context, path));
  const liquidatedPaths = outcomes.flatMap((o, path) => (o.debt.liquidatedStep >= 0 ? [path] : [])).slice(0, 10);
  return { summary: summarize(params, outcomes), yearlyLog: outcomes.flatMap((o) => o.yearlyLog), liquidatedPaths };
}

/** One sample path's daily record and the day its debt position was liquidated (or undefined). */
export interface SamplePath {
  path: number;
  record: PathRecord;
  liquidationDay: number | undefined;
}

/** Daily records of the given paths, for the sample-path pictures (each path re-run on its own stream). */
export function recordPaths(
  params: DriftParams,
  paths: readonly number[],
  pricer: OptionPricer = blackScholes,
): SamplePath[] {
  return paths.map((path) => {
    const record: PathRecord = { day: [], index: [], holder: [], debt: [] };
    const { debt } = simulatePath({ params, pricer }, path, record);
    const liquidationDay = debt.liquidatedStep < 0 ? undefined : Math.ceil(debt.liquidatedStep / params.stepsPerDay);
    return { path, record, liquidationDay };
  });
}

function summarize(params: DriftParams, outcomes: readonly PathOutcome[]): DriftSummary {
  const yearly = outcomes.flatMap((o) => o.yearlyLog);
  const { mean, std, stdError } = spread(yearly);
  const perYear = (total: number) => total / (outcomes.length * params.years);
  const sum = (f: (o: PathOutcome) => number) => outcomes.reduce((acc, o) => acc + f(o), 0);
  const liquidated = outcomes.filter((o) => o.debt.liquidatedStep >= 0);
  const startEquity = params.startPrice * (1 - params.ltv);
  const losses = liquidated.map((o) => o.debt.loss / startEquity);
  const byMonth = new Array<number>(12).fill(0);
  for (const o of liquidated) {
    const dayOfYear = Math.floor(o.debt.liquidatedStep / params.stepsPerDay) % DAYS_PER_YEAR;
    const month = Math.min(11, Math.floor((dayOfYear * 12) / DAYS_PER_YEAR));
    byMonth[month] = (byMonth[month] as number) + 1;
  }
  const dayLogs = liquidated.map((o) => o.holderLogOnLiquidationDay).filter((v) => !Number.isNaN(v));
  const price = sum((o) => o.rolls.price);
  const time = sum((o) => o.rolls.time);
  const expiry = sum((o) => o.rolls.expiry);
  return {
    sigma: params.sigma,
    paths: params.paths,
    years: params.years,
    annualStd: std,
    annualStdError: stdError,
    meanLog: mean,
    p01: quantile(yearly, 0.01),
    p99: quantile(yearly, 0.99),
    rollsPerYear: {
      total: perYear(price + time + expiry),
      price: perYear(price),
      time: perYear(time),
      expiry: perYear(expiry),
    },
    tradedPerYear: perYear(sum((o) => o.traded)) / params.startPrice,
    slippageCostPerYear: perYear(sum((o) => o.slippageCost)) / params.startPrice,
    debt: {
      ltv: params.ltv,
      liquidationThreshold: params.liquidationThreshold,
      liquidationPenalty: params.liquidationPenalty,
      liquidationRate: liquidated.length / outcomes.length,
      lossMean: losses.length === 0 ? 0 : losses.reduce((a, b) => a + b, 0) / losses.length,
      lossP50: losses.length === 0 ? 0 : quantile(losses, 0.5),
      lossP99: losses.length === 0 ? 0 : quantile(losses, 0.99),
      badDebtRate: liquidated.filter((o) => o.debt.badDebt > 0).length / outcomes.length,
      liquidationsByMonth: byMonth,
      holderLogOnLiquidationDays: {
        count: dayLogs.length,
        mean: dayLogs.length === 0 ? 0 : dayLogs.reduce((a, b) => a + b, 0) / dayLogs.length,
        min: dayLogs.length === 0 ? 0 : Math.min(...dayLogs),
      },
    },
    params,
  };
}
