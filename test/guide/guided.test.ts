import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TraceFormatError } from '../../fuzz/errors.ts';
import type { BranchRecorder } from '../../fuzz/guide/branch-recorder.ts';
import { type GuidedOptions, type GuidedResult, runGuidedCampaign } from '../../fuzz/guide/campaign.ts';
import { readCorpus, writeCorpus } from '../../fuzz/guide/corpus-files.ts';
import { amountClass } from '../../fuzz/guide/model-features.ts';
import { claimOutput } from '../../fuzz/io/output.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { shippedArtifacts, WORLD } from '../fuzz/support.ts';
import { runCliffless } from '../support/cli.ts';
import { guidedEnvironment } from './support.ts';

/**
 * Guided campaigns on the shipped contracts, kept small (a few dozen short runs): the feedback is
 * recorded, the campaign is a function of its seed and starting corpus, and corpus folders are
 * read and written by the house rules (malformed: exit 2 naming file and field; stale: reported,
 * not fatal; nothing overwritten).
 */

let env: PreparedEnvironment;
let recorder: BranchRecorder;
beforeAll(async () => {
  ({ env, recorder } = await guidedEnvironment(shippedArtifacts()));
});

const SMALL: GuidedOptions = { seed: 3, runs: 12, depth: 12, probesPerStep: 1, epoch: 4 };

/** Everything a campaign decides, as text: corpus inputs and features, first hits, counts. */
function fingerprint(result: GuidedResult): string {
  return JSON.stringify({
    corpus: result.corpus.map((e) => ({ input: e.input, added: e.added, origin: e.origin })),
    firstHit: [...result.firstHit],
    actions: result.stats.actions,
    growth: result.growth,
    origins: result.origins,
  });
}

describe('a guided campaign', () => {
  it('records branch directions and model features, keeps new ones, and is the same on a second run', async () => {
    const first = await runGuidedCampaign(env, recorder, SMALL);
    expect(first.failure).toBeUndefined();
    const branches = [...first.firstHit.keys()].filter((f) => f.startsWith('b:'));
    expect(branches.length).toBeGreaterThan(100);
    // Ids name contracts and pcs, never an address.
    expect(branches.every((f) => /^b:contracts\/[^@]+@\d+:[TF]$/.test(f))).toBe(true);
    expect(first.firstHit.has('o:createSeries:ok')).toBe(true);
    expect(first.corpus.length).toBeGreaterThan(0);
    expect(first.origins.fresh).toBeLessThan(SMALL.runs); // later epochs mutate corpus entries
    const second = await runGuidedCampaign(env, recorder, SMALL);
    expect(fingerprint(second)).toBe(fingerprint(first));
  });

  it('writes its corpus as traces, replays it, never overwrites, and reports a stale entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cliffless-corpus-'));
    const first = await runGuidedCampaign(env, recorder, SMALL);
    const claim = claimOutput('corpus', dir, { kind: 'folder' });
    const written = writeCorpus(claim, first.corpus, env.setup, WORLD);
    expect(written.length).toBe(first.corpus.length);
    const before = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
    // Writing the same entries again leaves every file as it was and adds none.
    expect(writeCorpus(claim, first.corpus, env.setup, WORLD)).toEqual([]);
    expect(readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(before);

    // An entry whose recorded outcome no longer holds (here: edited by hand) is stale, not fatal.
    const name = readdirSync(dir).sort()[0] as string;
    const trace = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    trace.actions[0].expect = { revert: 'Unauthorized' };
    writeFileSync(join(dir, 'a-stale.json'), JSON.stringify(trace));
    const loaded = readCorpus(dir, WORLD);
    const next = await runGuidedCampaign(env, recorder, { ...SMALL, runs: 4, corpus: loaded });
    expect(next.failure).toBeUndefined();
    expect(next.stale.map((s) => s.file)).toEqual([join(dir, 'a-stale.json')]);
    expect(next.stale[0]?.reason).toMatch(/^actions\[0\]: /);
    // The replayed corpus already reaches what the first campaign reached.
    const reached = (r: GuidedResult) => [...r.firstHit.keys()].filter((f) => f.startsWith('b:')).length;
    expect(next.growth[0]?.[1]).toBeGreaterThanOrEqual(reached(first) - 5);
  });

  it('refuses a malformed corpus entry naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cliffless-corpus-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        format: 'cliffless-trace',
        version: 1,
        world: WORLD,
        actions: [{ kind: 'split', caller: 'alice' }],
      }),
    );
    let error: unknown;
    try {
      readCorpus(dir, WORLD);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TraceFormatError);
    expect((error as TraceFormatError).file).toBe(join(dir, 'bad.json'));
    expect((error as Error).message).toMatch(/actions\[0\]/);
    const cli = runCliffless(['fuzz', '--guided', '--runs', '1', '--corpus', dir]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('bad.json');
    expect(cli.stderr).toMatch(/actions\[0\]/);
  });

  it('classifies amounts at the edges of a threshold', () => {
    expect([0n, 1n, 5n, 9n, 10n, 11n, 50n].map((a) => amountClass(a, 10n))).toEqual([
      'zero',
      'one',
      'under',
      'justBelow',
      'at',
      'justAbove',
      'over',
    ]);
  });
});
