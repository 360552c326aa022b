import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifacts } from '../../fuzz/compile/index.ts';
import { mergeSummaries } from '../../fuzz/parallel/merge.ts';
import { WorkerPool } from '../../fuzz/parallel/pool.ts';
import type { CampaignRecord } from '../../fuzz/parallel/summary-file.ts';
import { type CampaignOptions, type CampaignResult, runCampaign } from '../../fuzz/runner/campaign.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { summaryJson } from '../../fuzz/runner/summary.ts';
import { buildTrace } from '../../fuzz/trace/build.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import { stringifyTrace } from '../../fuzz/trace/serialize.ts';
import { brokenArtifacts, environment, shippedArtifacts, WORLD } from '../fuzz/support.ts';

/**
 * A campaign's result must not depend on how its runs are spread: over worker threads (this one
 * and others that deploy their own world) or over shards. Compared here on the shipped contracts
 * and on a broken variant, where the failure, its shrunk trace and the counts must be identical.
 */

// P rounds up instead of down (as in test/fuzz/broken-variant.test.ts): seed 3 first fails at run 14.
const ROUND_P_UP = [
  'contracts/libraries/PayoutMath.sol',
  'Math.mulDiv(a, strike, x)',
  'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
] as const;

let shipped: { artifacts: Artifacts; env: PreparedEnvironment };
beforeAll(async () => {
  const artifacts = shippedArtifacts();
  shipped = { artifacts, env: await environment(artifacts) };
});

const campaign = (artifacts: Artifacts, options: Partial<CampaignOptions>): CampaignOptions => ({
  seed: 1,
  runs: 8,
  depth: 40,
  probesPerStep: 2,
  deploy: { artifacts, world: WORLD },
  ...options,
  // The campaign spreads runs over threads the caller boots (the core does not import the pool).
  ...((options.workers ?? 1) > 1 ? { pool: WorkerPool.boot((options.workers ?? 1) - 1) } : {}),
});

function traceText(env: PreparedEnvironment, result: CampaignResult, seed: number): string {
  const failure = result.failure;
  if (failure === undefined) throw new Error('no failure');
  const book = new NameBook(env.setup);
  return stringifyTrace(buildTrace({ world: WORLD, book, steps: failure.steps, failure: failure.failure, seed }));
}

describe('worker threads', () => {
  it('give the same counts as one thread on the shipped contracts', async () => {
    const { artifacts, env } = shipped;
    const one = await runCampaign(env, campaign(artifacts, { workers: 1 }));
    const two = await runCampaign(env, campaign(artifacts, { workers: 2 }));
    expect(one.failure).toBeUndefined();
    expect(two.failure).toBeUndefined();
    expect(one.stats.runs).toBe(8);
    expect(one.ranges).toEqual([[0, 7]]);
    expect(two.ranges).toEqual(one.ranges);
    expect(JSON.stringify(summaryJson(two.stats, 1))).toBe(JSON.stringify(summaryJson(one.stats, 1)));
  });

  it('find the same failing run, shrink it to the same trace, and count the same runs on a broken variant', async () => {
    const artifacts = brokenArtifacts(...ROUND_P_UP);
    const env = await environment(artifacts);
    const options = { seed: 3, runs: 300, depth: 80, shrinkBudget: 60 };
    const one = await runCampaign(env, campaign(artifacts, { ...options, workers: 1 }));
    const two = await runCampaign(env, campaign(artifacts, { ...options, workers: 3 }));
    expect(one.failure, 'the campaign must catch the bug').toBeDefined();
    expect(one.failure?.run).toBeGreaterThan(0);
    expect(two.failure?.run).toBe(one.failure?.run);
    expect(one.stats.runs).toBe((one.failure?.run ?? 0) + 1);
    expect(traceText(env, two, 3)).toBe(traceText(env, one, 3));
    expect(JSON.stringify(summaryJson(two.stats, 3))).toBe(JSON.stringify(summaryJson(one.stats, 3)));
  });
});

describe('shards', () => {
  it('0/3, 1/3 and 2/3 run exactly the unsharded runs: merged, the same counts', async () => {
    const { artifacts, env } = shipped;
    const whole = await runCampaign(env, campaign(artifacts, {}));
    const parts = [];
    for (const index of [0, 1, 2]) {
      const shard = { index, count: 3 };
      const result = await runCampaign(env, campaign(artifacts, { shard }));
      expect(result.ranges).toEqual([[index, [6, 7, 5][index]]]);
      const record: CampaignRecord = {
        seed: 1,
        runs: 8,
        depth: 40,
        actors: WORLD.actors,
        probes: 2,
        probeEvery: 4,
        contracts: artifacts.key,
        timeSeconds: null,
        shard: `${index}/3`,
        counted: result.ranges,
        complete: true,
        failure: null,
      };
      parts.push({ path: `shard${index}.json`, stats: result.stats, campaign: record });
    }
    expect(parts.map((p) => p.stats.runs)).toEqual([3, 3, 2]);
    const merged = mergeSummaries(parts);
    expect(merged.missing).toEqual([]);
    expect(JSON.stringify(summaryJson(merged.stats, 1))).toBe(JSON.stringify(summaryJson(whole.stats, 1)));
  });
});
