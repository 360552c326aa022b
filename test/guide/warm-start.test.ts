import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BranchRecorder, branchTotals } from '../../fuzz/guide/branch-recorder.ts';
import { type GuidedOptions, type GuidedResult, runGuidedCampaign } from '../../fuzz/guide/campaign.ts';
import { writeCorpus } from '../../fuzz/guide/corpus-files.ts';
import type { GuidedInput } from '../../fuzz/guide/input.ts';
import { type InputRun, runInput } from '../../fuzz/guide/run-input.ts';
import { guidedSummaryJson } from '../../fuzz/guide/summary-json.ts';
import { WarmCache, warmCounts } from '../../fuzz/guide/warm-start.ts';
import { claimOutput } from '../../fuzz/io/output.ts';
import type { Checks } from '../../fuzz/runner/checks.ts';
import { checksFor } from '../../fuzz/runner/environment.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { runWords } from '../../fuzz/runner/seed-schedule.ts';
import { CampaignStats } from '../../fuzz/runner/stats.ts';
import { shippedArtifacts, WORLD } from '../fuzz/support.ts';
import { guidedEnvironment } from './support.ts';

/**
 * Warm starts change how fast a guided campaign runs, never what it finds: a run started from a
 * snapshot of its parent gives the same steps, features, counters and corpus as one that
 * re-executes the shared steps from the start state.
 */

let env: PreparedEnvironment;
let recorder: BranchRecorder;
const artifacts = shippedArtifacts();
beforeAll(async () => {
  ({ env, recorder } = await guidedEnvironment(artifacts));
});

/** JSON with bigints as strings (actions and outcomes carry amounts); `also` converts other values. */
const text = (value: unknown, also: (v: unknown) => unknown = (v) => v) =>
  JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : also(v)));

/** Every counter, in the order it was first recorded (Map order shows in the summary's tables). */
function countsOf(stats: CampaignStats): string {
  return text({
    runs: stats.runs,
    actions: stats.actions,
    failures: stats.failures,
    calls: [...stats.calls],
    checks: [...stats.checks],
    reached: [...stats.reached],
    revertReasons: [...stats.revertReasons],
  });
}

/** A run as everything downstream sees it: steps, features, failure, successes and counters. */
const runText = (run: InputRun, stats: CampaignStats) =>
  text({ steps: run.steps, features: run.features, failure: run.failure, succeeded: [...run.succeeded] }) +
  countsOf(stats);

const checks = () => checksFor(env, { probesPerStep: 2, probeEvery: 4 });

/** The checks' per-run state as text (armed, paused, blocked, upgraded, rebased tokens, probe rotation). */
const checksText = (c: Checks) =>
  text(c.saveRunState(), (v) => (v instanceof Set || v instanceof Map ? [...v].map((e) => checksEntry(e)) : v));
const checksEntry = (e: unknown): unknown => (e instanceof Set ? [...e] : Array.isArray(e) ? e.map(checksEntry) : e);

describe('warm starts', () => {
  it('a restored snapshot then one step equals re-executing k + 1 steps, and a wrong snapshot shows', async () => {
    // 7 steps, probed after step 3 and at the end. Seed 6: on the 26-token world its steps 2 to 5 reach
    // branch directions step 1 did not (so a wrong snapshot shows) and its probes move the rotation.
    const words = runWords(6, 2, 8);
    const cache = new WarmCache('unit');
    await runInput(env, recorder, checks(), { prefix: [], words }, new CampaignStats(), { cache, run: 0 });
    const k = 5;
    expect(cache.latest(0, k)?.index).toBe(k);
    const child: GuidedInput = { prefix: [], words: words.slice(0, k + 1) };
    const coldStats = new CampaignStats();
    const coldChecks = checks();
    const cold = await runInput(env, recorder, coldChecks, child, coldStats);
    const before = warmCounts.started;
    const warmStats = new CampaignStats();
    const warmChecks = checks();
    const warm = await runInput(env, recorder, warmChecks, child, warmStats, {
      cache,
      run: 1,
      from: { run: 0, shared: k },
    });
    expect(warmCounts.started).toBe(before + 1);
    expect(runText(warm, warmStats)).toBe(runText(cold, coldStats));
    expect(checksText(warmChecks)).toBe(checksText(coldChecks));
    expect(checksText(warmChecks)).not.toBe(checksText(checks())); // it probed: the rotation moved
    // The comparison sees a snapshot that is wrong: the branch directions of step 1 with the rest
    // of step k (what a warm start that forgot to restore the recorder would give).
    const right = cache.latest(0, k);
    const early = cache.latest(0, 1);
    if (right === undefined || early === undefined) throw new Error('snapshots missing');
    const broken = new WarmCache('broken');
    broken.put(0, { ...right, branches: early.branches });
    const wrongStats = new CampaignStats();
    const wrong = await runInput(env, recorder, checks(), child, wrongStats, {
      cache: broken,
      run: 1,
      from: { run: 0, shared: k },
    });
    expect(runText(wrong, wrongStats)).not.toBe(runText(cold, coldStats));
  });

  it('a guided campaign gives byte-identical corpus files, summary and counters with warm starts on and off', async () => {
    const options: GuidedOptions = { seed: 11, runs: 16, depth: 12, probesPerStep: 1, epoch: 4 };
    const started = warmCounts.started;
    const on = await runGuidedCampaign(env, recorder, { ...options, warmStarts: true });
    const skipped = warmCounts.started - started;
    const off = await runGuidedCampaign(env, recorder, { ...options, warmStarts: false });
    expect(skipped).toBeGreaterThan(0); // some runs did start warm
    expect(warmCounts.started - started).toBe(skipped); // and none with warm starts off
    const outputs = (result: GuidedResult) => {
      const dir = mkdtempSync(join(tmpdir(), 'cliffless-warm-'));
      const claim = claimOutput('corpus', dir, { kind: 'folder' });
      writeCorpus(
        claim,
        result.corpus.filter((e) => 'run' in e.origin),
        env.setup,
        WORLD,
      );
      const files = readdirSync(dir)
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
      const summary = JSON.stringify(guidedSummaryJson(result, branchTotals(artifacts), 4));
      return { files, summary, counts: countsOf(result.stats), failure: text(result.failure) };
    };
    const [a, b] = [outputs(on), outputs(off)];
    expect(a.files.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});
