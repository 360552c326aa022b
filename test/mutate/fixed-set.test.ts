import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../fuzz/compile/index.ts';
import { FIXED_SET_BUDGET, FIXED_SET_EXPECTED, fixedMutantSet } from '../../fuzz/mutate/fixed-set.ts';
import { runMutantPool } from '../../fuzz/mutate/pool.ts';

describe('the fixed mutant set (Differential: mutated contracts against the reference model)', () => {
  it('yields exactly the expected kills and survivors, on both cores', { timeout: 600_000 }, async () => {
    const mutants = fixedMutantSet();
    expect(mutants.map((m) => m.id)).toEqual(Object.keys(FIXED_SET_EXPECTED));
    const { baseline, outcomes } = await runMutantPool(mutants, {
      jobs: 2,
      budget: FIXED_SET_BUDGET,
      contractsDir: join(PROJECT_ROOT, 'contracts'),
    });
    expect(baseline.killed).toBe(false);
    const statuses = Object.fromEntries(outcomes.map((o) => [o.id, o.status]));
    expect(statuses).toEqual(FIXED_SET_EXPECTED);
    const killed = outcomes.filter((o) => o.status === 'killed');
    for (const o of killed) {
      // Only a mutant whose world cannot be deployed (run -1) is killed before its first action.
      if (o.run === -1) expect(o.actionsToKill).toBe(0);
      else expect(o.actionsToKill).toBeGreaterThan(0);
      expect(Number.isFinite(o.secondsToKill)).toBe(true);
      expect(o.violations).toContain(o.killedBy);
      expect(o.detail).toBeTruthy();
    }
    // Killed by different checks: the model (D1) and a property (M3 on the contract's payoutOf).
    expect(new Set(killed.map((o) => o.killedBy)).size).toBeGreaterThanOrEqual(2);
    expect(killed.some((o) => o.killedBy === 'D1')).toBe(true);
    // The constructor mutant is caught before any action: the world cannot be deployed.
    const deployRejected = outcomes.find((o) => o.id === 'SlowOracle.sol:66:relational:0');
    expect(deployRejected).toMatchObject({ killedBy: 'D1', run: -1, actionsToKill: 0 });
    expect(deployRejected?.detail).toMatch(
      /world setup failed: the contracts do not deploy: deploying SlowOracle failed/,
    );
    // A payout mutant breaks properties on its killing step too: the kill matrix shows them.
    const payout = outcomes.filter((o) => o.id.startsWith('libraries/PayoutMath.sol') && o.status === 'killed');
    expect(payout.flatMap((o) => o.violations ?? []).some((id) => /^M\d$/.test(id))).toBe(true);
    for (const o of outcomes.filter((o) => o.status === 'survived')) {
      expect(o.runs).toBe(FIXED_SET_BUDGET.runs);
      expect(o.interrupted).toBe(false);
    }
  });
});
