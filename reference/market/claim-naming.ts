import { WAD } from '../primitives.ts';

/**
 * The names and symbols SplitMarket gives a series' claim tokens (contracts/libraries/ClaimTokenNaming.sol),
 * so the observed state can hold them and D1 compares them like any other value. Names are cosmetic
 * on chain (the series id and token addresses identify a series), but a wallet shows them to people,
 * so a wrong strike or expiry in a name is a real bug.
 */

/** Used instead of the collateral's symbol when that symbol is missing, empty or too long. */
export const FALLBACK_SYMBOL = 'COLL';

/** Longest collateral symbol (in bytes) a claim's name embeds. */
export const MAX_SYMBOL_BYTES = 32;

/** A string's length in bytes (UTF-8), as Solidity's `bytes(s).length` counts it. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The collateral symbol a claim's name uses: the collateral's own symbol when it has one of 1 to 32
 * bytes, else {@link FALLBACK_SYMBOL} (a contract without `symbol()`, like the market or the oracle
 * used as collateral, reverts the raw staticcall the library makes).
 */
export function collateralSymbolForClaims(symbol: string | undefined): string {
  if (symbol === undefined) return FALLBACK_SYMBOL;
  const bytes = byteLength(symbol);
  return bytes === 0 || bytes > MAX_SYMBOL_BYTES ? FALLBACK_SYMBOL : symbol;
}

/**
 * One side's claim token name and symbol: for side `P`, symbol `WETH`, strike 2500.5e18 and expiry
 * 1767225600, symbol `P-WETH-2500.5-1767225600` and name `cliffless P WETH strike 2500.5 expiry 1767225600`.
 */
export function claimNameAndSymbol(
  side: 'P' | 'N',
  collateralSymbol: string,
  strike: bigint,
  expiry: bigint,
): { name: string; symbol: string } {
  const strikeText = wadToDecimal(strike);
  return {
    name: `cliffless ${side} ${collateralSymbol} strike ${strikeText} expiry ${expiry}`,
    symbol: `${side}-${collateralSymbol}-${strikeText}-${expiry}`,
  };
}

/** `value / 1e18` in decimal, the fraction's trailing zeros dropped (`2500500000000000000000` → `2500.5`). */
export function wadToDecimal(value: bigint): string {
  const whole = (value / WAD).toString();
  const fraction = value % WAD;
  if (fraction === 0n) return whole;
  return `${whole}.${fraction.toString().padStart(18, '0').replace(/0+$/, '')}`;
}
