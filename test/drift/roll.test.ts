import { describe, expect, it } from 'vitest';
import { blackScholes } from '../../drift/black-scholes.ts';
import { checkLiquidation, openDebt } from '../../drift/debt-position.ts';
import { DEFAULT_PARAMS, type DriftParams } from '../../drift/params.ts';
import {
  enter,
  type Holding,
  type HoldingContext,
  holdingValue,
  type RollResult,
  type RollTrigger,
  roll,
  rollTrigger,
} from '../../drift/rolling-holder.ts';

const params: DriftParams = { ...DEFAULT_PARAMS, slippage: 0.002 };
const context: HoldingContext = { params, pricer: blackScholes };
type Roll = (h: Holding, x: number, step: number, t: RollTrigger, c: HoldingContext) => RollResult;

/**
 * The roll's accounting: a two-leg roll keeps (1 − s)² of the old holding's fair value, the
 * slippage is exactly the value lost, and the traded notional is the two legs' fair values.
 * Returns the first mismatch, or undefined.
 */
function rollAccountingError(rollFn: Roll, holding: Holding, x: number, step: number): string | undefined {
  const before = holdingValue(holding, x, step, context);
  const result = rollFn(holding, x, step, 'price', context);
  const after = holdingValue(result.holding, x, step, context);
  const keep = 1 - params.slippage;
  if (Math.abs(after - before * keep * keep) > 1e-9 * before) return `value ${after}, expected ${before * keep * keep}`;
  if (Math.abs(result.slippageCost - (before - after)) > 1e-9 * before) return `slippage ${result.slippageCost}`;
  if (Math.abs(result.traded - before * (1 + keep)) > 1e-9 * before) return `traded ${result.traded}`;
  if (Math.abs(result.holding.strike - params.newStrike * x) > 1e-9 * x) return `strike ${result.holding.strike}`;
  return undefined;
}

describe('the rolling holder', () => {
  const start = enter(2500, 2500, context);

  it('enters at S = x/2 worth the capital, and triggers by price, time and expiry', () => {
    expect(start.strike).toBe(1250);
    expect(holdingValue(start, 2500, 0, context)).toBeCloseTo(2500, 9);
    expect(rollTrigger(start, 2500, 1, params)).toBeUndefined();
    expect(rollTrigger(start, 1874, 1, params)).toBe('price'); // x < 1.5·1250
    expect(rollTrigger(start, 2500, start.expiryStep - 30 * 6 + 1, params)).toBe('time');
    expect(rollTrigger(start, 2500, start.expiryStep - 30 * 6, params)).toBeUndefined();
    expect(rollTrigger(start, 2500, start.expiryStep, params)).toBe('expiry');
  });

  it('rolls at fair value less slippage on both legs', () => {
    for (const [x, step] of [
      [1800, 100],
      [1100, 200],
      [3000, 181],
    ] as const) {
      expect(rollAccountingError(roll, start, x, step)).toBeUndefined();
    }
  });

  it('catches a broken roll that ignores slippage', () => {
    const free: Roll = (h, x, step, t, c) => roll(h, x, step, t, { ...c, params: { ...c.params, slippage: 0 } });
    expect(rollAccountingError(free, start, 1800, 100)).toMatch(/^value/);
  });

  it('settles an expired series exactly and buys the new one on one leg', () => {
    const x = 1000; // below the strike: P paid 1 collateral per claim, worth x
    const result = roll(start, x, start.expiryStep, 'expiry', context);
    const settled = start.claims * x;
    expect(result.traded).toBeCloseTo(settled, 9);
    expect(holdingValue(result.holding, x, start.expiryStep, context)).toBeCloseTo(settled * (1 - params.slippage), 9);
  });
});

describe('the debt position', () => {
  it('is liquidated below health factor 1 with the penalty, and leaves bad debt on a gap', () => {
    const debt = openDebt(2500, 2500, params); // 1 collateral, 1250 debt; HF < 1 below 1250 / 0.8 = 1562.5
    expect(checkLiquidation(debt, 1563, 1, params)).toBe(false);
    expect(checkLiquidation(debt, 1562, 2, params)).toBe(true);
    expect(debt.loss).toBeCloseTo(1250 * params.liquidationPenalty, 9);
    expect(debt.debt).toBe(0);
    expect(debt.collateral).toBeCloseTo(1 - (1250 * 1.05) / 1562, 12);
    expect(checkLiquidation(debt, 100, 3, params)).toBe(false); // closed

    const gapped = openDebt(2500, 2500, params);
    expect(checkLiquidation(gapped, 1000, 1, params)).toBe(true);
    expect(gapped.badDebt).toBeCloseTo(250, 9);
    expect(gapped.loss).toBe(0);
  });
});
