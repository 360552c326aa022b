import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CampaignRecord, summaryDocument } from '../../fuzz/parallel/summary-file.ts';
import { CampaignStats } from '../../fuzz/runner/stats.ts';
import { runMain } from '../cli/run-main.ts';

/**
 * `cliffless merge-summaries` on the lanes of a guided campaign (fuzz --guided --shard i/2): a mix
 * with an open-loop shard is refused, and the lanes' guided fields are merged: first hits by the
 * earliest run, directions counted on the union of the lanes' features (not summed), corpus and
 * origins summed, growth per lane. The summaries are written here in the shape `fuzz --summary-json`
 * writes (test/guide/guided-scale.test.ts checks that shape against a real run).
 */
const work = mkdtempSync(join(tmpdir(), 'cliffless-merge-guided-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const path = (name: string) => join(work, name);

const MARKET = 'contracts/SplitMarket.sol:SplitMarket';
/** Shard `index` of a 2-way split of 4 runs, with or without guided fields. */
function writeShard(name: string, index: number, guided?: { firstHit: Record<string, number>; epoch?: number }) {
  const stats = new CampaignStats();
  stats.runs = 2;
  stats.actions = 10;
  const record: CampaignRecord = {
    seed: 1,
    runs: 4,
    depth: 8,
    actors: 4,
    probes: 1,
    probeEvery: 1,
    contracts: 'c'.repeat(64),
    timeSeconds: null,
    shard: `${index}/2`,
    counted: [[index, index + 2]],
    complete: true,
    failure: null,
  };
  const document: Record<string, unknown> = { ...summaryDocument(stats, record) };
  if (guided !== undefined) {
    const reached = Object.keys(guided.firstHit).filter((f) => f.startsWith(`b:${MARKET}@`)).length;
    document.guided = {
      epoch: guided.epoch ?? 8,
      branches: { [MARKET]: { reached, total: 10 } },
      constructorDirections: 0,
      growth: [
        [0, 0],
        [2, reached],
      ],
      corpus: {
        size: 3,
        loaded: 1,
        added: 2,
        stale: index === 1 ? [{ file: 'c/e.json', reason: 'r', kept: false }] : [],
      },
      modelFeatures: Object.keys(guided.firstHit).filter((f) => !f.startsWith('b:')).length,
      origins: { fresh: 1, tweak: 1 },
      firstHit: guided.firstHit,
    };
  }
  writeFileSync(path(name), JSON.stringify(document, null, 2));
  return path(name);
}

const lane0 = writeShard('g0.json', 0, {
  firstHit: { [`b:${MARKET}@10:T`]: -1, [`b:${MARKET}@20:F`]: 2, 'o:merge:ok': 0 },
});
const lane1 = writeShard('g1.json', 1, {
  firstHit: { [`b:${MARKET}@20:F`]: 1, [`b:${MARKET}@30:T`]: 3, 'o:merge:ok': 3, 'o:split:ok': 1 },
});

describe('cliffless merge-summaries with guided lanes', () => {
  it('refuses a mix of guided lanes and open-loop shards, naming the files (exit 2)', async () => {
    const open1 = writeShard('o1.json', 1);
    const mixed = await runMain(['merge-summaries', lane0, open1]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('cannot merge guided and open-loop summaries');
    expect(mixed.stderr).toContain(`${lane0} is a guided lane`);
    expect(mixed.stderr).toContain(`${open1} is open-loop`);
    // The same two shards, both open-loop, merge.
    expect((await runMain(['merge-summaries', writeShard('o0.json', 0), open1])).code).toBe(0);
  });

  it('refuses lanes of different epochs (exit 2)', async () => {
    const other = writeShard('e1.json', 1, { firstHit: {}, epoch: 32 });
    const result = await runMain(['merge-summaries', lane0, other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('guided.epoch differs (8 against 32)');
  });

  it('names a malformed guided field (exit 2)', async () => {
    const bad = JSON.parse(readFileSync(lane1, 'utf8'));
    bad.guided.firstHit['o:split:ok'] = 'one';
    writeFileSync(path('bad.json'), JSON.stringify(bad));
    const result = await runMain(['merge-summaries', lane0, path('bad.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('guided.firstHit.o:split:ok must be a run index or -1');
  });

  it('merges first hits by the earliest run and counts directions on the union of the lanes', async () => {
    const result = await runMain(['merge-summaries', lane1, lane0, '--out', path('merged.json')]);
    expect(result.code, result.stderr).toBe(0);
    const guided = JSON.parse(readFileSync(path('merged.json'), 'utf8')).guided;
    // Lane 0 reached 2 directions, lane 1 reached 2, one of them the same: 3, not 4.
    expect(guided.branches[MARKET]).toEqual({ reached: 3, total: 10 });
    expect(guided.firstHit).toEqual({
      [`b:${MARKET}@10:T`]: -1,
      [`b:${MARKET}@20:F`]: 1,
      [`b:${MARKET}@30:T`]: 3,
      'o:merge:ok': 0,
      'o:split:ok': 1,
    });
    expect(guided.modelFeatures).toBe(2);
    expect(guided.corpus).toEqual({
      size: 6,
      loaded: 2,
      added: 4,
      stale: [{ file: 'c/e.json', reason: 'r', kept: false, shard: '1/2' }],
    });
    expect(guided.origins).toEqual({ fresh: 2, tweak: 2 });
    expect(
      guided.lanes.map((l: { shard: string; reached: Record<string, number> }) => [l.shard, l.reached[MARKET]]),
    ).toEqual([
      ['0/2', 2],
      ['1/2', 2],
    ]);
    expect(result.stdout).toContain(`${MARKET}  3 / 10  (30.0%; per lane 2 + 2)`);
    expect(result.stdout).toContain('corpus, summed over lanes (an entry in several lanes counts in each): 6 entries');
    expect(result.stdout).toContain('lane 1/2 growth (runs of the lane: directions): 0: 0, 2: 2');
  });
});
