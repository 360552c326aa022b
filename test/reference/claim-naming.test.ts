import { describe, expect, it } from 'vitest';
import { claimNameAndSymbol, collateralSymbolForClaims, wadToDecimal } from '../../reference/market/claim-naming.ts';
import { WAD } from '../../reference/primitives.ts';

describe('claim token naming (ClaimTokenNaming.sol)', () => {
  it('prints a WAD strike as a decimal with trailing zeros dropped', () => {
    expect(wadToDecimal(2500n * WAD)).toBe('2500');
    expect(wadToDecimal(2500n * WAD + WAD / 2n)).toBe('2500.5');
    expect(wadToDecimal(1n)).toBe('0.000000000000000001');
    expect(wadToDecimal(WAD + 10n ** 17n + 2n * 10n ** 16n)).toBe('1.12');
    expect(wadToDecimal(0n)).toBe('0');
    expect(wadToDecimal((1n << 256n) - 1n)).toBe(
      '115792089237316195423570985008687907853269984665640564039457.584007913129639935',
    );
  });

  it('names a side after the collateral, strike and expiry', () => {
    expect(claimNameAndSymbol('P', 'WETH', 2500n * WAD + WAD / 2n, 1767225600n)).toEqual({
      name: 'cliffless P WETH strike 2500.5 expiry 1767225600',
      symbol: 'P-WETH-2500.5-1767225600',
    });
    expect(claimNameAndSymbol('N', 'COLL', 1n, 7n).symbol).toBe('N-COLL-0.000000000000000001-7');
  });

  it('falls back to COLL for a missing, empty or longer-than-32-byte symbol', () => {
    expect(collateralSymbolForClaims('WETH')).toBe('WETH');
    expect(collateralSymbolForClaims('x'.repeat(32))).toBe('x'.repeat(32));
    expect(collateralSymbolForClaims('x'.repeat(33))).toBe('COLL');
    expect(collateralSymbolForClaims('')).toBe('COLL');
    expect(collateralSymbolForClaims(undefined)).toBe('COLL');
    expect(collateralSymbolForClaims('é'.repeat(17))).toBe('COLL'); // 34 bytes in UTF-8
  });
});
