import { beforeAll, describe, expect, it } from 'vitest';
import type { BranchRecorder } from '../../fuzz/guide/branch-recorder.ts';
import { type MaximizeResult, runMaximizeCampaign } from '../../fuzz/guide/maximize.ts';
import { replayMaximized } from '../../fuzz/guide/maximize-replay.ts';
import { maximizeTrace } from '../../fuzz/guide/maximize-trace.ts';
import { parseMetric } from '../../fuzz/guide/metrics.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';
import { stringifyTrace } from '../../fuzz/trace/serialize.ts';
import { brokenArtifacts, shippedArtifacts, WORLD } from '../fuzz/support.ts';
import { guidedEnvironment } from './support.ts';

// Every redeem also sends one wei of the series' collateral to its caller, outside `locked`.
const LEAK_ONE_WEI_PER_REDEEM = [
  'contracts/SplitMarket.sol',
  '        if (payout != 0) IERC20(s.collateral).safeTransfer(to, payout);',
  '        if (payout != 0) IERC20(s.collateral).safeTransfer(to, payout);\n        IERC20(s.collateral).safeTransfer(msg.sender, 1);',
] as const;

/** Depth 60 reaches settled series (and redeems) within the first runs of seed 1; no M6/O5 probes and no shrinking, to stay lean. */
const BUDGET = { seed: 1, depth: 60, probesPerStep: 0, shrinkBudget: 0 };

async function maximize(
  setup: { env: PreparedEnvironment; recorder: BranchRecorder },
  metric: string,
  runs: number,
  seed = BUDGET.seed,
): Promise<MaximizeResult> {
  return runMaximizeCampaign(setup.env, setup.recorder, parseMetric(metric), { ...BUDGET, runs, seed });
}

/** The best run written as a trace file would be, read back, replayed and measured again. */
async function replayBest(
  env: PreparedEnvironment,
  result: MaximizeResult,
  metric: string,
  seed = BUDGET.seed,
): Promise<bigint> {
  const best = result.best;
  if (best === undefined) throw new Error('no best run');
  const text = stringifyTrace(maximizeTrace(WORLD, env.setup, best, metric, seed, 'in the test'));
  const trace = parseTrace(text, 'best.json');
  if (trace.maximize === undefined) throw new Error('the trace lost its maximize record');
  const replayed = await replayMaximized(env, { ...trace, maximize: trace.maximize }, 'best.json', {
    probesPerStep: 2,
  });
  return replayed.measured.value;
}

describe('Differential fuzz --maximize', () => {
  it('extraction: a redeem leaking one wei to its caller gives a best value above 0 that its trace replays to', async () => {
    // The first failure ends the campaign, so the value is the failing run's, and which seed's
    // first failing redeem leaves its caller ahead depends on the world's tokens: on the 26-token
    // world seed 1 ends at 0 within 4 runs (the metric's accounting leans against the caller, by
    // design) and seed 2 measures 1 (as do 7 and 12 of seeds 1-12). The seed is chosen, not typical.
    const leaky = await guidedEnvironment(brokenArtifacts(...LEAK_ONE_WEI_PER_REDEEM));
    const result = await maximize(leaky, 'extraction', 4, 2);
    expect(result.best?.measured.value).toBeGreaterThan(0n);
    // The leak also breaks D1 (the model sends no such wei): the run that reached it failed.
    expect(result.guided.failure?.failure.id).toBe('D1');
    expect(await replayBest(leaky.env, result, 'extraction', 2)).toBe(result.best?.measured.value);
  });

  describe('on the shipped contracts', () => {
    let shipped: { env: PreparedEnvironment; recorder: BranchRecorder };
    beforeAll(async () => {
      shipped = await guidedEnvironment(shippedArtifacts());
    });

    it('extraction stays 0, though redeems and merges paid out collateral', async () => {
      const result = await maximize(shipped, 'extraction', 8);
      expect(result.guided.failure).toBeUndefined();
      expect(result.guided.stats.reached.get('redeem') ?? 0).toBeGreaterThan(0);
      expect(result.best?.measured.value).toBe(0n);
      expect(result.raises).toEqual([]);
    });

    it('gas:split is positive, replays to the same value, and the same seed finds the same trace', async () => {
      const first = await maximize(shipped, 'gas:split', 3);
      const value = first.best?.measured.value ?? 0n;
      expect(value).toBeGreaterThan(0n);
      expect(first.raises.length).toBeGreaterThan(0);
      expect(await replayBest(shipped.env, first, 'gas:split')).toBe(value);
      const again = await maximize(shipped, 'gas:split', 3);
      expect(again.best?.measured).toEqual(first.best?.measured);
      expect(again.best?.steps.map((s) => s.action)).toEqual(first.best?.steps.map((s) => s.action));
    });
  });
});
