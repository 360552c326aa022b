import { claimValues, type OptionPricer } from './claim-value.ts';
import { DAYS_PER_YEAR, type DriftParams } from './params.ts';
import { settleClaims, toWad } from './settle.ts';

/** A P holding: `claims` P-claims (collateral units) of the series with `strike`, expiring at `expiryStep`. */
export interface Holding {
  claims: number;
  strike: number;
  expiryStep: number;
}

/** Why a roll happened: the price neared S, too little time was left, or the series expired first. */
export type RollTrigger = 'price' | 'time' | 'expiry';

/** A roll's effect: the new holding and what it traded and lost to slippage (index units). */
export interface RollResult {
  holding: Holding;
  /** Fair value of both legs, sold plus bought. */
  traded: number;
  /** Value lost to slippage on the legs. */
  slippageCost: number;
}

/** The pricing context of a holding: the rule, the steps per year, and the option pricer. */
export interface HoldingContext {
  params: DriftParams;
  pricer: OptionPricer;
}

/** Years from `step` to the holding's expiry. */
function yearsLeft(holding: Holding, step: number, params: DriftParams): number {
  return (holding.expiryStep - step) / (params.stepsPerDay * DAYS_PER_YEAR);
}

/** Fair value of one P-claim of the holding's series at index `x` on `step`. */
function pValue(holding: Holding, x: number, step: number, { params, pricer }: HoldingContext): number {
  return claimValues(x, holding.strike, params.sigma, yearsLeft(holding, step, params), pricer).p;
}

/** A fresh series bought with `spend` index units (slippage already taken), strike `fraction`·x. */
function buy(spend: number, x: number, step: number, fraction: number, context: HoldingContext): Holding {
  const { params } = context;
  const holding = {
    claims: 0,
    strike: fraction * x,
    expiryStep: step + Math.round(params.maturityDays * params.stepsPerDay),
  };
  holding.claims = spend / pValue(holding, x, step, context);
  return holding;
}

/** The starting holding: `capital` index units of P at the entry strike, bought at fair value. */
export function enter(capital: number, x: number, context: HoldingContext): Holding {
  return buy(capital, x, 0, context.params.entryStrike, context);
}

/** The holding's fair value (index units) at index `x` on `step`. */
export function holdingValue(holding: Holding, x: number, step: number, context: HoldingContext): number {
  return holding.claims * pValue(holding, x, step, context);
}

/**
 * Which trigger fires at `step`, if any. Expiry is checked first (a series at or past its expiry
 * can only be settled), then the price trigger x < rollBelow·S, then the time trigger (fewer than
 * rollDays days left).
 */
export function rollTrigger(holding: Holding, x: number, step: number, params: DriftParams): RollTrigger | undefined {
  if (step >= holding.expiryStep) return 'expiry';
  if (x < params.rollBelow * holding.strike) return 'price';
  if (holding.expiryStep - step < params.rollDays * params.stepsPerDay) return 'time';
  return undefined;
}

/**
 * Rolls into a new series at strike newStrike·x. Before expiry the old P is sold at fair value
 * less slippage and the proceeds buy the new P at fair value less slippage (two legs). At expiry
 * the old series is settled exactly by `reference/`'s payout and the collateral it pays buys the
 * new P (one leg).
 */
export function roll(
  holding: Holding,
  x: number,
  step: number,
  trigger: RollTrigger,
  context: HoldingContext,
): RollResult {
  const keep = 1 - context.params.slippage;
  if (trigger === 'expiry') {
    const settled = settleClaims('P', toWad(holding.claims), toWad(holding.strike), toWad(x)).indexValue;
    const next = buy(settled * keep, x, step, context.params.newStrike, context);
    return { holding: next, traded: settled, slippageCost: settled - settled * keep };
  }
  const sold = holdingValue(holding, x, step, context);
  const proceeds = sold * keep;
  const next = buy(proceeds * keep, x, step, context.params.newStrike, context);
  return { holding: next, traded: sold + proceeds, slippageCost: sold - proceeds * keep };
}
