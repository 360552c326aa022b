import { checkLiquidation, type DebtPosition, debtEquity, openDebt } from './debt-position.ts';
import { IndexPath } from './index-path.ts';
import { DAYS_PER_YEAR } from './params.ts';
import {
  enter,
  type Holding,
  type HoldingContext,
  holdingValue,
  type RollTrigger,
  roll,
  rollTrigger,
} from './rolling-holder.ts';

/** What one path did over the whole horizon. */
export interface PathOutcome {
  /** log(V at the end of year y+1 / V at the end of year y), one per year. */
  yearlyLog: number[];
  rolls: Record<RollTrigger, number>;
  traded: number;
  slippageCost: number;
  /** The debt position on the same path, after the horizon. */
  debt: DebtPosition;
  /** The rolling holder's log value change over the day the debt was liquidated (NaN if it was not). */
  holderLogOnLiquidationDay: number;
}

/** One path's daily values, for pictures: index, rolling holder's value, debt equity (all ÷ their start). */
export interface PathRecord {
  day: number[];
  index: number[];
  holder: number[];
  debt: number[];
}

/**
 * Runs path `path` of a simulation: the index steps, the rolling holder checks its triggers at each
 * step and rolls, the debt position checks its health factor at each step. Capital is one
 * collateral unit's worth at the start. Everything but an expired series' settlement is float64.
 * Pass `record` to collect daily values (it costs one option price per day).
 */
export function simulatePath(context: HoldingContext, path: number, record?: PathRecord): PathOutcome {
  const { params } = context;
  const index = new IndexPath(params, path);
  const capital = params.startPrice;
  let holding: Holding = enter(capital, index.x, context);
  const debt = openDebt(capital, index.x, params);
  const outcome: PathOutcome = {
    yearlyLog: [],
    rolls: { price: 0, time: 0, expiry: 0 },
    traded: 0,
    slippageCost: 0,
    debt,
    holderLogOnLiquidationDay: Number.NaN,
  };
  const stepsPerYear = params.stepsPerDay * DAYS_PER_YEAR;
  const lastStep = params.years * stepsPerYear;
  let yearStart = capital;
  // The start of the current day, kept cheaply so the holder is priced only on a liquidation day.
  let dayHolding = holding;
  let dayX = index.x;
  let dayStep = 0;
  let liquidationDayStart = Number.NaN;
  if (record !== undefined) push(record, 0, 1, 1, 1);
  for (let step = 1; step <= lastStep; step++) {
    const x = index.step();
    const trigger = rollTrigger(holding, x, step, params);
    if (trigger !== undefined) {
      const result = roll(holding, x, step, trigger, context);
      holding = result.holding;
      outcome.rolls[trigger]++;
      outcome.traded += result.traded;
      outcome.slippageCost += result.slippageCost;
    }
    if (checkLiquidation(debt, x, step, params)) liquidationDayStart = holdingValue(dayHolding, dayX, dayStep, context);
    if (step % params.stepsPerDay === 0) {
      if (!Number.isNaN(liquidationDayStart)) {
        outcome.holderLogOnLiquidationDay = Math.log(holdingValue(holding, x, step, context) / liquidationDayStart);
        liquidationDayStart = Number.NaN;
      }
      dayHolding = holding;
      dayX = x;
      dayStep = step;
      if (record !== undefined) {
        const start = params.startPrice;
        push(
          record,
          step / params.stepsPerDay,
          x / start,
          holdingValue(holding, x, step, context) / capital,
          debtEquity(debt, x) / (capital * (1 - params.ltv)),
        );
      }
    }
    if (step % stepsPerYear === 0) {
      const value = holdingValue(holding, x, step, context);
      outcome.yearlyLog.push(Math.log(value / yearStart));
      yearStart = value;
    }
  }
  return outcome;
}

function push(record: PathRecord, day: number, index: number, holder: number, debt: number): void {
  record.day.push(day);
  record.index.push(index);
  record.holder.push(holder);
  record.debt.push(debt);
}
