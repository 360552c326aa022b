import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROKEN_MARKET, BROKEN_MARKET_EDITS, brokenSplitMarket, REAL_MARKET } from './broken-market.ts';

/**
 * The invariant tests' BrokenSplitMarket is generated from the real market (`npm run
 * broken-market`): this fails when the committed copy is not what the real source gives, so the
 * copy cannot drift from contracts/SplitMarket.sol except by its bugs.
 */
const root = new URL('../../../../', import.meta.url);
const real = readFileSync(new URL(REAL_MARKET, root), 'utf8');

describe('the broken market is derived from the real one', () => {
  it('equals what `npm run broken-market` writes from contracts/SplitMarket.sol', () => {
    const committed = readFileSync(new URL(BROKEN_MARKET, root), 'utf8');
    expect(committed === brokenSplitMarket(real), `${BROKEN_MARKET} is stale: run \`npm run broken-market\``).toBe(
      true,
    );
  });

  it('follows any change to the real market (the check can fail)', () => {
    const changed = real.replace('revert ZeroStrike();', 'revert ZeroStrike(); // changed');
    expect(changed).not.toBe(real);
    expect(brokenSplitMarket(changed)).not.toBe(brokenSplitMarket(real));
    expect(brokenSplitMarket(changed)).toContain('revert ZeroStrike(); // changed');
  });

  it('refuses a real market where an edit no longer finds its place, naming the edit', () => {
    const moved = real.replace('s.locked -= amount;', 's.locked = s.locked - amount;');
    expect(() => brokenSplitMarket(moved)).toThrow(/MergeKeepsLocked: merge forgets to unlock.*found it 0 times/);
    const twice = real.replace(
      'if (!isFinal) revert',
      'if (!isFinal) revert NotFinalized(0, 0, 0);\n        if (!isFinal) revert',
    );
    expect(() => brokenSplitMarket(twice)).toThrow(/SettleWithoutFinality.*found it 2 times/);
  });

  it('switches in every bug of the enum by exactly one edit, and each only when deployed with it', () => {
    const broken = brokenSplitMarket(real);
    const bugs =
      /enum Bug \{([^}]*)\}/
        .exec(broken)?.[1]
        ?.match(/^\s*(\w+)/gm)
        ?.map((b) => b.trim()) ?? [];
    expect(bugs).toEqual([
      'RedeemPaysExtraWei',
      'MergeKeepsLocked',
      'SettleWithoutFinality',
      'MergeBurnsRecipient',
      'SplitTrustsAmount',
    ]);
    for (const bug of bugs) {
      const edits = BROKEN_MARKET_EDITS.filter((e) => e.replace.includes(`Bug.${bug}`));
      expect(
        edits.map((e) => e.why.split(':')[0]),
        bug,
      ).toEqual([bug]);
      expect(broken.split(`Bug.${bug}`).length - 1, bug).toBe(1);
    }
  });
});
