import { payoutN, payoutP } from '../reference/payout.ts';

/** 1.0 in WAD fixed point, the contracts' unit for amounts, strikes and prices. */
export const WAD = 10n ** 18n;

/**
 * A float as WAD wei: the double's exact decimal expansion rounded to 18 places (`toFixed` is exact
 * for |value| < 1e21), so the conversion itself adds no error beyond half a wei.
 *
 * @example
 * toWad(2500.5) // 2500500000000000000000n
 */
export function toWad(value: number): bigint {
  if (!(value >= 0 && value < 1e21)) throw new RangeError(`toWad takes a number in [0, 1e21), got ${value}`);
  const [whole = '0', fraction = ''] = value.toFixed(18).split('.');
  return BigInt(whole) * WAD + BigInt(fraction.padEnd(18, '0'));
}

/** What a holding of claims pays at settlement, in collateral wei and in index units. */
export interface Settlement {
  /** Collateral paid, in wei: `reference/`'s payout, the contracts' exact floors. */
  collateralWad: bigint;
  /** The same collateral valued at the settlement price, index units (float, for the simulation). */
  indexValue: number;
}

/**
 * Settles `amount` claims of one side at strike `strike` and price `price` (all WAD wei) with the
 * payout functions of `reference/` (DESIGN.md §2), the arithmetic the contracts are checked to
 * the wei against. This is the one place the simulator needs exactness: what a series pays is a
 * contract fact, while the fair value before expiry is a model (Black–Scholes) where float64 is as
 * good as the model is. It runs once per expired series, so bigint costs nothing measurable.
 *
 * @example
 * settleClaims('P', 10n ** 18n, 1250n * WAD, 2500n * WAD).collateralWad // 5n * 10n ** 17n
 */
export function settleClaims(side: 'P' | 'N', amount: bigint, strike: bigint, price: bigint): Settlement {
  const collateralWad = side === 'P' ? payoutP(amount, strike, price) : payoutN(amount, strike, price);
  return { collateralWad, indexValue: Number((collateralWad * price) / WAD) / 1e18 };
}
