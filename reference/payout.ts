import { MAX_UINT256 } from './primitives.ts';

/**
 * Settlement arithmetic from docs/design.md §2. Every quantity is an exact bigint, so `floor(a * S / x)`
 * needs no 512-bit trick: this is the independent route the contracts' `Math.mulDiv` is checked against.
 */

/**
 * What `amount` P-claims pay at settlement price `price` for strike `strike`: `amount` when
 * `price <= strike` (including `price == 0`), else `floor(amount * strike / price)`.
 *
 * @example
 * payoutP(10n, 2000n, 2500n) // 8n — P is worth S/x = 0.8 collateral per claim
 */
export function payoutP(amount: bigint, strike: bigint, price: bigint): bigint {
  checkUint256(amount, strike, price);
  return price <= strike ? amount : (amount * strike) / price;
}

/**
 * What `amount` N-claims pay: 0 when `price <= strike`, else `floor(amount * (price - strike) / price)`.
 *
 * @example
 * payoutN(10n, 2000n, 2500n) // 2n — N is worth 1 − S/x = 0.2 collateral per claim
 */
export function payoutN(amount: bigint, strike: bigint, price: bigint): bigint {
  checkUint256(amount, strike, price);
  return price <= strike ? 0n : (amount * (price - strike)) / price;
}

function checkUint256(...values: bigint[]): void {
  for (const value of values) {
    if (value < 0n || value > MAX_UINT256) throw new RangeError(`payout inputs are uint256, got ${value}`);
  }
}
