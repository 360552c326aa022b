import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../fuzz/runner/campaign.ts';
import { environment, runs, SEED, shippedArtifacts } from './support.ts';

/**
 * The CI campaign: a fixed seed, deep enough that many runs reach settlement, redemption, disputes
 * and arbitration (the assertions on `reached` prove it), with D1 and every property after every
 * step. FUZZ_SEED / FUZZ_RUNS override it for a deeper local campaign.
 */
describe('Differential campaign on the shipped contracts', () => {
  it('finds no divergence and no broken property, and reaches every phase', async () => {
    const env = await environment(shippedArtifacts());
    const result = await runCampaign(env, { seed: SEED, runs: runs(60), depth: 80, probesPerStep: 2 });

    expect(result.failure?.failure).toBeUndefined();
    const reached = (kind: string) => result.stats.reached.get(kind) ?? 0;
    expect(reached('split')).toBeGreaterThan(result.stats.runs / 2);
    expect(reached('settle')).toBeGreaterThanOrEqual(5);
    expect(reached('redeem')).toBeGreaterThanOrEqual(5);
    expect(reached('finalize')).toBeGreaterThanOrEqual(5);
    expect(reached('requestArbitration')).toBeGreaterThanOrEqual(3);
    expect(reached('arbitrate')).toBeGreaterThanOrEqual(1);
    expect(reached('withdraw')).toBeGreaterThanOrEqual(1);
    for (const id of ['D1', 'M1', 'M2', 'M5', 'M6', 'M7', 'M8', 'O1', 'O2', 'O3', 'O4', 'O5']) {
      expect(result.stats.checks.get(id)?.checks ?? 0, `${id} was checked`).toBeGreaterThan(0);
    }
  });
});
