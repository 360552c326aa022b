import { describe, expect, it } from 'vitest';
import { runGuidedCampaign } from '../../fuzz/guide/campaign.ts';
import { runActions } from '../../fuzz/runner/campaign.ts';
import { checksFor } from '../../fuzz/runner/environment.ts';
import { brokenArtifacts } from '../fuzz/support.ts';
import { guidedEnvironment } from './support.ts';

// P rounds up instead of down (as in test/parallel/workers.test.ts): at depth 80, seed 3's run 14
// fails; the guided campaign's first epoch draws fresh runs from the same seed schedule.
const ROUND_P_UP = [
  'contracts/libraries/PayoutMath.sol',
  'Math.mulDiv(a, strike, x)',
  'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
] as const;

describe('a guided campaign on a broken variant', () => {
  it('finds the failure, shrinks it, and the shrunk actions fail again the same way', async () => {
    const { env, recorder } = await guidedEnvironment(brokenArtifacts(...ROUND_P_UP));
    const result = await runGuidedCampaign(env, recorder, {
      seed: 3,
      runs: 24,
      depth: 80,
      probesPerStep: 2,
      shrinkBudget: 60,
    });
    const failure = result.failure;
    expect(failure).toBeDefined();
    if (failure === undefined) return;
    expect(failure.steps.length).toBeLessThan(failure.originalLength);
    const again = await runActions(
      env,
      checksFor(env, { probesPerStep: 2 }),
      failure.steps.map((s) => s.action),
    );
    expect(again.failure?.id).toBe(failure.failure.id);
    expect(again.failure?.kind).toBe(failure.failure.kind);
  });
});
