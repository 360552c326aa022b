import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ForgeBudget, type MutatedFile, runForgeOnMutant } from '../../bench/forge-mutant.ts';
import { PROJECT_ROOT } from '../../fuzz/compile/index.ts';

/**
 * The forge side of bench:mutants on real forge: a merge that forgets to release the collateral
 * is killed, the unmutated contracts survive, a mutant that does not compile is invalid. Small
 * budgets (a few runs) keep it to the compile times; no timing is asserted.
 */
const FILE = 'contracts/SplitMarket.sol';
const ORIGINAL = readFileSync(join(PROJECT_ROOT, FILE), 'utf8');
const LIMIT = 600_000;

function mutant(id: string, find: string, replace: string): MutatedFile {
  expect(ORIGINAL).toContain(find);
  return { id, file: FILE, source: ORIGINAL.replace(find, replace) };
}

describe('bench:mutants: forge on a mutant', () => {
  it(
    'kills a merge that keeps the collateral locked, naming the property',
    async () => {
      const broken = mutant('merge-keeps-locked', '        s.locked -= amount;', '        // s.locked -= amount;');
      const budget: ForgeBudget = { seed: 1, runs: 20, depth: 64 };
      const outcome = await runForgeOnMutant(broken, budget);
      expect(outcome).toMatchObject({ id: 'merge-keeps-locked', status: 'killed' });
      // Which check trips first depends on the sequence; any of the market's is right.
      expect(outcome.killedBy).toMatch(/^M[1-8]$/);
      expect(outcome.detail).not.toBe('');
      expect(outcome.secondsToKill).toBe(outcome.campaignSeconds);
      expect(outcome.calls).toBeGreaterThan(0);
      expect(outcome.compileSeconds).toBeGreaterThan(0);
    },
    LIMIT,
  );

  it(
    'lets the unmutated contracts survive a bounded campaign',
    async () => {
      // Runs, not time, bound it: with a time budget forge runs until the time is up.
      const budget: ForgeBudget = { seed: 1, runs: 2, depth: 32 };
      const outcome = await runForgeOnMutant({ id: 'unmutated', file: FILE, source: ORIGINAL }, budget);
      expect(outcome).toMatchObject({ status: 'survived', runs: 2, calls: 64 });
      expect(outcome.killedBy).toBeUndefined();
      expect(outcome.secondsToKill).toBeUndefined();
    },
    LIMIT,
  );

  it(
    'calls a mutant that does not compile invalid, quoting solc',
    async () => {
      const invalid = mutant('syntax', 's.locked -= amount;', 's.locked -= amount');
      const outcome = await runForgeOnMutant(invalid, { seed: 1, runs: 1, depth: 1 });
      expect(outcome.status).toBe('invalid');
      expect(outcome.detail).toMatch(/^Error \(\d+\): .* at contracts\/SplitMarket\.sol:\d+:\d+/);
    },
    LIMIT,
  );

  it('refuses a mutant file outside contracts/', async () => {
    await expect(
      runForgeOnMutant(
        { id: 'x', file: 'contracts/../foundry.toml', source: '' },
        { seed: 1, timeSeconds: 1, runs: 1, depth: 1 },
      ),
    ).rejects.toThrow(/not a source unit under contracts/);
  });
});
