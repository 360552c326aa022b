import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOutput } from '../../fuzz/io/output.ts';
import { type CampaignResult, runCampaign } from '../../fuzz/runner/campaign.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { replayTrace } from '../../fuzz/runner/replay.ts';
import { summaryJson } from '../../fuzz/runner/summary.ts';
import { buildTrace } from '../../fuzz/trace/build.ts';
import { readTraceFile, writeTraceFile } from '../../fuzz/trace/io.ts';
import { NameBook } from '../../fuzz/trace/names.ts';
import { stringifyTrace } from '../../fuzz/trace/serialize.ts';
import { brokenArtifacts, environment, SEED, shippedArtifacts, WORLD } from './support.ts';

// P rounds up instead of down: each redeem of P above the strike pays up to 1 wei too much, the
// kind of bug that drains a vault one wei at a time. Built here, in memory; never in contracts/.
const ROUND_P_UP = [
  'contracts/libraries/PayoutMath.sol',
  'Math.mulDiv(a, strike, x)',
  'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
] as const;

const options = { seed: SEED, runs: 300, depth: 80, probesPerStep: 2 };
const out = mkdtempSync(join(tmpdir(), 'cliffless-traces-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function traceOf(env: PreparedEnvironment, result: CampaignResult) {
  const failure = result.failure;
  if (failure === undefined) throw new Error('no failure');
  return buildTrace({
    world: WORLD,
    book: new NameBook(env.setup),
    steps: failure.steps,
    failure: failure.failure,
    seed: SEED,
  });
}

describe('Differential campaign on a broken contract variant', () => {
  it('catches P rounding up, shrinks it to a short trace that replays to the same failure, deterministically', async () => {
    const broken = await environment(brokenArtifacts(...ROUND_P_UP));
    const result = await runCampaign(broken, options);
    const failure = result.failure;
    expect(failure, 'the campaign must catch the bug').toBeDefined();
    if (failure === undefined) return;

    // The model pays floor(a·S/x) and the broken contract one more: D1 sees it at a redeem of P, or
    // M3 sees it first on the contract's own payoutOf, checked at every redeem.
    expect([`${failure.failure.kind}:${failure.failure.id}`]).toSatisfy(
      ([found]: string[]) => found === 'divergence:D1' || found === 'property:M3',
    );
    expect(failure.failure.action.kind).toBe('redeem');
    expect(failure.steps.length).toBeLessThanOrEqual(12);
    expect(failure.steps.length).toBeLessThan(failure.originalLength);

    // Written, read back, replayed: the same failure at the same step.
    const path = writeTraceFile(claimOutput('out', out, { kind: 'folder' }), 'broken', traceOf(broken, result));
    const trace = readTraceFile(path);
    const replayed = await replayTrace(broken, trace, path, { probesPerStep: 2 });
    expect(replayed.failure?.step).toBe(failure.failure.step);
    expect(replayed.failure?.id).toBe(failure.failure.id);
    expect(replayed.failure?.message).toBe(failure.failure.message);

    // The same trace passes on the shipped contracts: the failure is the variant's, not the harness's.
    const shipped = await environment(shippedArtifacts());
    expect((await replayTrace(shipped, trace, path, { probesPerStep: 2 })).failure).toBeUndefined();

    // Same seed, same contracts: the same trace, byte for byte, and the same counts.
    const again = await runCampaign(broken, options);
    expect(stringifyTrace(traceOf(broken, again))).toBe(readFileSync(path, 'utf8'));
    expect(summaryJson(again.stats, SEED)).toEqual(summaryJson(result.stats, SEED));
  });
});
