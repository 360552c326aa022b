import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.ts';
import { runCliffless } from '../support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-scale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SMALL = ['--runs', '6', '--depth', '20'];
/**
 * The 1- and 2-worker runs are real processes (the byte-for-byte check is of what a user gets);
 * the shards, merges and refusals run in this process through `main(argv)`, each spawn costing a
 * second or two of start-up for the same exit code and output.
 */
const SLOW = 600_000;
const path = (name: string) => join(work, name);
const json = (name: string) => JSON.parse(readFileSync(path(name), 'utf8'));
/** A summary's counts without its campaign record (which names the shard). */
const counts = (name: string) => {
  const { campaign: _, ...rest } = json(name);
  return rest;
};

describe('cliffless fuzz --workers and --shard, end to end', () => {
  it(
    'writes the same summary, byte for byte, with 1 and 2 workers',
    () => {
      for (const workers of ['1', '2']) {
        const run = runCliffless(['fuzz', ...SMALL, '--workers', workers, '--summary-json', path(`w${workers}.json`)]);
        expect(run.code, run.stderr).toBe(0);
      }
      expect(readFileSync(path('w2.json'), 'utf8')).toBe(readFileSync(path('w1.json'), 'utf8'));
      const campaign = json('w1.json').campaign;
      expect(campaign).toMatchObject({ seed: 1, runs: 6, depth: 20, shard: '0/1', counted: [[0, 5]], complete: true });
      expect(campaign.contracts).toMatch(/^[0-9a-f]{64}$/);
    },
    SLOW,
  );

  it(
    'runs shards that merge-summaries adds up to the unsharded counts; refuses a shard twice or missing',
    async () => {
      for (const i of ['0', '1', '2']) {
        const run = await runMain(['fuzz', ...SMALL, '--shard', `${i}/3`, '--summary-json', path(`s${i}.json`)]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toContain(`shard ${i}/3: runs ${i}, ${Number(i) + 3} (2 of the campaign's 6)`);
      }
      const merged = await runMain([
        'merge-summaries',
        path('s2.json'),
        path('s0.json'),
        path('s1.json'),
        '--out',
        path('m.json'),
      ]);
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stdout).toContain('merged 3 of 3 shards: seed 1, 6 runs, depth 20');
      expect(merged.stdout).toContain('no failure found');
      expect(counts('m.json')).toEqual(counts('w1.json'));
      expect(json('m.json').campaign.complete).toBe(true);

      const again = await runMain([
        'merge-summaries',
        path('s0.json'),
        path('s1.json'),
        path('s2.json'),
        '--out',
        path('m.json'),
      ]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('exists');

      const twice = await runMain(['merge-summaries', path('s0.json'), path('s0.json')]);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toContain('both shard 0/3');

      const missing = await runMain(['merge-summaries', path('s0.json'), path('s2.json')]);
      expect(missing.code).toBe(2);
      expect(missing.stdout).toContain('MISSING shards: 1/3');
      expect((await runMain(['merge-summaries', path('s0.json'), path('s2.json'), '--allow-missing'])).code).toBe(0);
    },
    SLOW,
  );

  it(
    'exits 1 and names the failing run with the smallest index when a shard failed',
    async () => {
      const failure = (run: number) => ({
        run,
        kind: 'property',
        id: 'M3',
        step: 1,
        message: 'sum',
        shrunkFrom: 9,
        actions: 2,
        trace: `fuzz-seed1-shard${run % 3}of3-x.json`,
      });
      for (const [i, run] of [
        [1, 4],
        [2, 2],
      ] as const) {
        const summary = json(`s${i}.json`);
        summary.campaign.failure = failure(run);
        summary.campaign.complete = false;
        writeFileSync(path(`f${i}.json`), JSON.stringify(summary));
      }
      const merged = await runMain(['merge-summaries', path('s0.json'), path('f1.json'), path('f2.json')]);
      expect(merged.code).toBe(1);
      expect(merged.stdout).toContain('FAILURE: run 2 (shard 2/3), property M3');
      expect(merged.stdout).toContain('also failed: run 4 (shard 1/3)');
    },
    SLOW,
  );

  it(
    'exits 2 on a bad --shard or --workers, and on a malformed summary',
    async () => {
      for (const args of [
        ['--shard', '3/3'],
        ['--shard', '1-3'],
        ['--shard', '0/0'],
        ['--workers', '0'],
      ]) {
        const run = await runMain(['fuzz', ...args]);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toContain(`--${(args[0] as string).slice(2)}`);
      }
      writeFileSync(path('bad.json'), JSON.stringify({ runs: 1, campaign: { seed: 'one' } }));
      const bad = await runMain(['merge-summaries', path('bad.json')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('campaign.seed must be a whole number');
      expect((await runMain(['merge-summaries'])).code).toBe(2);
    },
    SLOW,
  );
});
