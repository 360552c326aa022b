import { beforeAll, describe, expect, it } from 'vitest';
import type { BranchRecorder } from '../../fuzz/guide/branch-recorder.ts';
import { type GuidedOptions, type GuidedResult, runGuidedCampaign } from '../../fuzz/guide/campaign.ts';
import { runActions, runCampaign } from '../../fuzz/runner/campaign.ts';
import { checksFor } from '../../fuzz/runner/environment.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { brokenArtifacts } from '../fuzz/support.ts';
import { guidedEnvironment, NARROW_MERGE } from './support.ts';

/**
 * The closed loop on a branch reachable only through a narrow relationship (support.ts: merge's
 * accounting is off by one only when the amount is one below the series' locked collateral, the
 * caller holds that many pairs, and the receiver is someone else). Budget and seed are fixed: 40
 * runs of depth 16, seed 39. The open-loop campaign misses it; the guided one reaches it at run 8, in
 * the second epoch, shrinks it, and the shrunk trace fails again. The seed is chosen, not typical:
 * over seeds 1–40 at this budget (bench/narrow-sweep.ts, docs/guided.md "The narrow branch") guided
 * found it for 5 seeds (1, 24, 35, 38, 39) and open-loop for 4 (1, 10, 20, 35). So this shows that
 * guidance reaches a branch open-loop misses at this budget, not that it does for most seeds, nor
 * more often; pairs of relation features and leans focused on new finds did not change that
 * (docs/guided.md).
 */
const BUDGET: GuidedOptions = { seed: 39, runs: 40, depth: 16, epoch: 8, probesPerStep: 1, shrinkBudget: 40 };

let env: PreparedEnvironment;
let recorder: BranchRecorder;
let guided: GuidedResult;
beforeAll(async () => {
  ({ env, recorder } = await guidedEnvironment(brokenArtifacts(...NARROW_MERGE)));
  guided = await runGuidedCampaign(env, recorder, BUDGET);
});

describe('a narrow branch', () => {
  it('is missed by the open-loop campaign within the budget', async () => {
    const { seed, runs, depth, probesPerStep } = BUDGET;
    const open = await runCampaign(env, { seed, runs, depth, probesPerStep });
    expect(open.failure).toBeUndefined();
    expect(open.stats.runs).toBe(BUDGET.runs);
  });

  it('is found by the guided campaign with the same budget, shrunk, and the trace fails again', async () => {
    const failure = guided.failure;
    expect(failure?.failure.id).toBe('D1');
    if (failure === undefined) return;
    expect(failure.run).toBeLessThan(BUDGET.runs);
    expect(failure.steps.length).toBeLessThan(failure.originalLength);
    const last = failure.steps[failure.steps.length - 1]?.action;
    expect(last?.kind).toBe('merge');
    const again = await runActions(
      env,
      checksFor(env, { probesPerStep: 1 }),
      failure.steps.map((s) => s.action),
    );
    expect(again.failure?.id).toBe('D1');
    expect(again.failure?.step).toBe(failure.steps.length - 1);
  });
});
