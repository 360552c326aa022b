import { describe, expect, it } from 'vitest';
import { unmetExpectation } from '../../fuzz/trace/expectation.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import type { Outcome } from '../../reference/outcome.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const setup: WorldSetup = {
  timestamp: 1n,
  market: a(1),
  oracle: { address: a(2), bondToken: a(3), minBond: 1n, liveness: 1n, arbitrationTimeout: 1n, arbitrator: a(9) },
  tokens: [
    { address: a(3), kind: 'plain', decimals: 18, name: 'Token', symbol: 'TK' },
    { address: a(4), kind: 'plain', decimals: 18, name: 'Token', symbol: 'TK' },
  ],
  actors: [a(5), a(9)],
  balances: {},
};
const seriesId = `0x${'ab'.repeat(32)}` as const;
const ethUsd = '0x4554482f55534400000000000000000000000000000000000000000000000000';
const book = new NameBook(setup);
book.addSeries(seriesId, a(6), a(7));
const revert = (name: string, args: (bigint | string | boolean)[]): Outcome => ({
  ok: false,
  error: { name, args },
});

describe('expect values', () => {
  it('accept every spelling of the same value', () => {
    const outcome = revert('NotFinalized', [seriesId, ethUsd, MAX_UINT256]);
    for (const args of [
      ['#0', 'ETH/USD', 'max'],
      [seriesId, ethUsd, MAX_UINT256.toString()],
      ['#0', ethUsd.toUpperCase().replace('0X', '0x'), 'max'],
    ]) {
      expect(unmetExpectation({ revert: 'NotFinalized', args }, outcome, book)).toBeUndefined();
    }
    expect(unmetExpectation({ revert: 'X', args: [] }, revert('X', []), book)).toBeUndefined();
    const transfer: Outcome = { ok: true, returns: [a(5), true], events: [] };
    expect(unmetExpectation({ ok: true, returns: ['alice', 'true'] }, transfer, book)).toBeUndefined();
    expect(unmetExpectation({ ok: true, returns: [a(5), 'true'] }, transfer, book)).toBeUndefined();
  });

  it('reject a different value, a different count, and text that only joins the same', () => {
    const outcome = revert('CollateralShortfall', [a(4), 1000n, 990n]);
    expect(unmetExpectation({ revert: 'CollateralShortfall', args: ['WETH', '1000', '991'] }, outcome, book)).toMatch(
      /expected CollateralShortfall\(WETH, 1000, 991\), got revert CollateralShortfall\(WETH, 1000, 990\)/,
    );
    expect(
      unmetExpectation({ revert: 'CollateralShortfall', args: ['WETH, 1000', '990'] }, outcome, book),
    ).toBeDefined();
    expect(unmetExpectation({ revert: 'CollateralShortfall', args: ['WETH', '1000'] }, outcome, book)).toBeDefined();
    expect(
      unmetExpectation(
        { revert: 'NotFinalized', args: ['#1', 'ETH/USD', 'max'] },
        revert('NotFinalized', [seriesId, ethUsd, 1n]),
        book,
      ),
    ).toBeDefined();
    expect(
      unmetExpectation({ ok: true, returns: ['bob'] }, { ok: true, returns: [a(5)], events: [] }, book),
    ).toBeDefined();
  });
});
