import { describe, expect, test } from 'vitest';
import { payoutN, payoutP } from '../../reference/payout.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';

/**
 * Settlement arithmetic at the boundaries, against values worked out by hand (not by the same
 * formula): MAX = 2^256 − 1 = 3 · 5 · 17 · 257 · 641 · 65537 · …, so MAX/3 and MAX/5 are exact.
 */
const MAX = MAX_UINT256;
const S = 2_000n * WAD;

describe('payoutP / payoutN at the price boundaries (S = 2000e18)', () => {
  test('x = 0 pays P in full and N nothing', () => {
    expect(payoutP(7n, S, 0n)).toBe(7n);
    expect(payoutN(7n, S, 0n)).toBe(0n);
  });
  test('x = S − 1 and x = S: P in full, N nothing', () => {
    for (const x of [S - 1n, S]) {
      expect(payoutP(1_000n, S, x)).toBe(1_000n);
      expect(payoutN(1_000n, S, x)).toBe(0n);
    }
  });
  test('x = S + 1: one wei of the rate moves to N, which rounds down to 0 for small amounts', () => {
    // a · S / (S + 1) = a − a/(S+1): for a < S + 1 that is a − 1 after flooring (a ≥ 1).
    expect(payoutP(1_000n, S, S + 1n)).toBe(999n);
    expect(payoutN(1_000n, S, S + 1n)).toBe(0n);
    // a = S + 1 claims: P pays exactly S, N exactly 1.
    expect(payoutP(S + 1n, S, S + 1n)).toBe(S);
    expect(payoutN(S + 1n, S, S + 1n)).toBe(1n);
  });
  test('x = 2^256 − 1: P pays floor(a·S / MAX), N the rest minus dust', () => {
    expect(payoutP(1_000n, S, MAX)).toBe(0n);
    expect(payoutN(1_000n, S, MAX)).toBe(999n);
    // a = MAX: P = S exactly, N = MAX − S exactly (no dust).
    expect(payoutP(MAX, S, MAX)).toBe(S);
    expect(payoutN(MAX, S, MAX)).toBe(MAX - S);
  });
  test('x = 2.5 × S (ETH at 2500 against a 2000 strike): 0.8 and 0.2', () => {
    const x = 2_500n * WAD;
    expect(payoutP(10n * WAD, S, x)).toBe(8n * WAD);
    expect(payoutN(10n * WAD, S, x)).toBe(2n * WAD);
    expect(payoutP(1n, S, x)).toBe(0n); // 0.8 wei rounds down
    expect(payoutN(1n, S, x)).toBe(0n); // 0.2 wei rounds down: one wei of dust
  });
});

describe('payoutP / payoutN at the amount boundaries', () => {
  test('1 wei', () => {
    expect(payoutP(1n, 2n, 3n)).toBe(0n); // 2/3
    expect(payoutN(1n, 2n, 3n)).toBe(0n); // 1/3
    expect(payoutP(1n, 1n, 1n)).toBe(1n);
    expect(payoutN(1n, 1n, 2n)).toBe(0n); // 1/2
    expect(payoutP(1n, 1n, 2n)).toBe(0n); // 1/2
  });
  test('2^256 − 1 with S = 2, x = 3 (MAX divisible by 3): no overflow, no dust', () => {
    const third = 0x5555555555555555555555555555555555555555555555555555555555555555n;
    expect(third * 3n).toBe(MAX);
    expect(payoutP(MAX, 2n, 3n)).toBe(2n * third);
    expect(payoutN(MAX, 2n, 3n)).toBe(third);
  });
  test('2^256 − 1 with S = 1, x = 5 and S = MAX − 1, x = MAX', () => {
    const fifth = 0x3333333333333333333333333333333333333333333333333333333333333333n;
    expect(payoutP(MAX, 1n, 5n)).toBe(fifth);
    expect(payoutN(MAX, 1n, 5n)).toBe(4n * fifth);
    expect(payoutP(MAX, MAX - 1n, MAX)).toBe(MAX - 1n);
    expect(payoutN(MAX, MAX - 1n, MAX)).toBe(1n);
  });
  test('0 pays 0', () => {
    expect(payoutP(0n, S, S + 1n)).toBe(0n);
    expect(payoutN(0n, S, MAX)).toBe(0n);
  });
  test('inputs outside uint256 are rejected', () => {
    expect(() => payoutP(MAX + 1n, S, S)).toThrow(RangeError);
    expect(() => payoutN(1n, -1n, S)).toThrow(RangeError);
  });
});
