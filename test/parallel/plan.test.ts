import { describe, expect, it } from 'vitest';
import { CliflessError, UsageError } from '../../fuzz/errors.ts';
import { mergeSummaries } from '../../fuzz/parallel/merge.ts';
import type { CampaignRecord, SummaryFile } from '../../fuzz/parallel/summary-file.ts';
import { RunBoard } from '../../fuzz/runner/board.ts';
import { RunFold, type RunReport } from '../../fuzz/runner/fold.ts';
import { biasFor, runSeed, runWords } from '../../fuzz/runner/seed-schedule.ts';
import { parseShard, shardRunCount, WHOLE } from '../../fuzz/runner/shard.ts';
import { CampaignStats } from '../../fuzz/runner/stats.ts';

/** A run's counters: `actions` split actions, one check of M1, a failure if asked. */
function run(index: number, actions: number, failed = false): RunReport {
  const stats = new CampaignStats();
  for (let i = 0; i < actions; i++) stats.recordAction('split', undefined);
  stats.recordCheck('M1', failed ? 1 : 0);
  stats.runs = 1;
  stats.failures = failed ? 1 : 0;
  return { index, stats, failed, length: actions };
}

describe('run seeds', () => {
  it('give each run its own steps, a pure function of (seed, index, depth)', () => {
    const a = runWords(7, 3, 40);
    expect(runWords(7, 3, 40)).toEqual(a);
    expect(runWords(7, 4, 40)).not.toEqual(a);
    expect(runWords(8, 3, 40)).not.toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(1);
    expect(a.length).toBeLessThanOrEqual(40);
    for (const step of a) expect(step).toHaveLength(8);
  });

  it('differ for every run index and for seeds and indices past 32 bits', () => {
    const seeds = new Set(Array.from({ length: 5000 }, (_, i) => runSeed(1, i)));
    expect(seeds.size).toBe(5000);
    expect(runSeed(1, 2 ** 32)).not.toBe(runSeed(1, 0));
    expect(runSeed(2 ** 32 + 1, 0)).not.toBe(runSeed(1, 0));
  });

  it('keep fast-check bias schedule: more bias in early runs', () => {
    expect([0, 8, 9, 98, 99, 999].map(biasFor)).toEqual([2, 2, 3, 3, 4, 5]);
  });
});

describe('--shard i/n', () => {
  it('parses i/n with i < n', () => {
    expect(parseShard('0/1')).toEqual(WHOLE);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });

  it('rejects anything else as a usage error (exit 2)', () => {
    for (const raw of ['3/3', '4/3', '0/0', '1-3', '1/', '/3', '-1/3', 'a/b', '1/3/4', '']) {
      expect(() => parseShard(raw), raw).toThrow(UsageError);
    }
    expect(() => parseShard('3/3')).toThrow(/i must be below n/);
  });

  it('counts the runs of each shard, which add up to the campaign', () => {
    expect([0, 1, 2].map((i) => shardRunCount(10, { index: i, count: 3 }))).toEqual([4, 3, 3]);
    expect(shardRunCount(2, { index: 2, count: 3 })).toBe(0);
  });
});

describe('the run board', () => {
  it('hands out the shard runs once each, in order, across views of its shared buffer', () => {
    const shard = { index: 1, count: 3 };
    const a = new RunBoard(11, shard);
    const b = new RunBoard(11, shard, a.buffer);
    const claimed = [a.claim(), b.claim(), a.claim(), b.claim(), a.claim()];
    expect(claimed).toEqual([1, 4, 7, 10, undefined]);
  });

  it('stops handing out runs above the smallest failure, keeps the smaller of two reports', () => {
    const board = new RunBoard(100, WHOLE);
    expect(board.smallestFailure).toBe(Number.POSITIVE_INFINITY);
    board.claim();
    board.claim();
    board.reportFailure(5);
    board.reportFailure(9);
    expect(board.smallestFailure).toBe(5);
    expect([board.claim(), board.claim(), board.claim(), board.claim()]).toEqual([2, 3, 4, 5]);
    expect(board.claim()).toBeUndefined();
    board.reportFailure(1);
    expect(board.smallestFailure).toBe(1);
  });

  it('hands out nothing once aborted', () => {
    const board = new RunBoard(100, WHOLE);
    board.abort();
    expect(board.claim()).toBeUndefined();
  });
});

describe('the run fold', () => {
  const reports = [run(0, 3), run(1, 4), run(2, 5, true), run(3, 6), run(4, 7, true), run(5, 8)];
  const folded = (order: number[]) => {
    const fold = new RunFold(WHOLE);
    for (const i of order) fold.add(reports[i] as RunReport);
    return fold.finish();
  };

  it('counts exactly the runs up to the first failing one, whatever order they arrive in', () => {
    const inOrder = folded([0, 1, 2, 3, 4, 5]);
    expect(inOrder.failure).toEqual({ index: 2, length: 5 });
    expect(inOrder.stats.runs).toBe(3);
    expect(inOrder.stats.actions).toBe(12);
    expect(inOrder.stats.failures).toBe(1);
    expect(inOrder.ranges).toEqual([[0, 2]]);
    for (const order of [
      [5, 4, 3, 2, 1, 0],
      [4, 3, 0, 2, 5, 1],
      [1, 0, 4, 2],
    ]) {
      const other = folded(order);
      expect(other.failure, order.join()).toEqual(inOrder.failure);
      expect(other.stats, order.join()).toEqual(inOrder.stats);
      expect(other.ranges).toEqual(inOrder.ranges);
    }
  });

  it('counts a gap left by a time budget: the runs after it, up to a failure among them', () => {
    const fold = new RunFold(WHOLE);
    for (const i of [0, 1, 3, 4, 5]) fold.add(reports[i] as RunReport);
    const result = fold.finish();
    expect(result.ranges).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(result.failure).toEqual({ index: 4, length: 7 });
    expect(result.stats.runs).toBe(4);
  });

  it('steps by the shard count', () => {
    const fold = new RunFold({ index: 1, count: 2 });
    for (const r of [run(3, 1), run(1, 1), run(5, 1)]) fold.add(r);
    expect(fold.finish().ranges).toEqual([[1, 5]]);
  });

  it('shows every run in the live progress, counted or not', () => {
    const fold = new RunFold(WHOLE);
    for (const r of reports) fold.add(r);
    expect(fold.live.runs).toBe(6);
  });
});

describe('merging shard summaries', () => {
  const record = (shard: string, extra: Partial<CampaignRecord> = {}): CampaignRecord => ({
    seed: 1,
    runs: 9,
    depth: 20,
    actors: 4,
    probes: 2,
    probeEvery: 4,
    contracts: 'abc',
    timeSeconds: null,
    shard,
    counted: [[Number(shard.split('/')[0]), 6 + Number(shard.split('/')[0])]],
    complete: true,
    failure: null,
    ...extra,
  });
  const file = (shard: string, actions: number, extra: Partial<CampaignRecord> = {}): SummaryFile => {
    const stats = new CampaignStats();
    for (const r of [0, 1, 2]) stats.merge(run(r, actions).stats);
    return { path: `s${shard.replace('/', 'of')}.json`, stats, campaign: record(shard, extra) };
  };
  const failure = (run: number) => ({
    run,
    kind: 'property',
    id: 'M3',
    step: 2,
    message: 'boom',
    shrunkFrom: 30,
    actions: 3,
    trace: `t${run}.json`,
  });

  it('adds up the shards and names the smallest failing run as the failure', () => {
    const merged = mergeSummaries([
      file('2/3', 3, { failure: failure(5), complete: false }),
      file('0/3', 1),
      file('1/3', 2, { failure: failure(4), complete: false }),
    ]);
    expect(merged.stats.runs).toBe(9);
    expect(merged.stats.actions).toBe(18);
    expect(merged.missing).toEqual([]);
    expect(merged.shards.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(merged.failure?.run).toBe(4);
    expect(merged.failure?.shard).toBe(1);
  });

  it('reports missing shards', () => {
    expect(mergeSummaries([file('0/3', 1), file('2/3', 1)]).missing).toEqual([1]);
  });

  it('refuses summaries of different campaigns, a different split, or a shard twice (exit 2)', () => {
    expect(() => mergeSummaries([file('0/2', 1), file('1/2', 1, { seed: 2 })])).toThrow(/not shards of one campaign/);
    expect(() => mergeSummaries([file('0/2', 1), file('1/2', 1, { contracts: 'other' })])).toThrow(
      /campaign.contracts/,
    );
    expect(() => mergeSummaries([file('0/2', 1), file('1/3', 1)])).toThrow(/split the campaign differently/);
    expect(() => mergeSummaries([file('0/2', 1), file('0/2', 2)])).toThrow(/both shard 0\/2/);
    expect(() => mergeSummaries([file('0/2', 1, { counted: [[1, 5]] })])).toThrow(/not in shard/);
    expect(() => mergeSummaries([file('0/2', 1), file('1/2', 1, { depth: 5 })])).toThrow(CliflessError);
  });
});
