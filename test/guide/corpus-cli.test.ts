import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliffless } from '../support/cli.ts';

/** `cliffless corpus merge|min` on a two-entry corpus where one entry adds nothing to the other. */
describe('cliffless corpus', () => {
  it('merges shards by content and minimizes to the entries that add a feature', () => {
    const work = mkdtempSync(join(tmpdir(), 'cliffless-corpus-cli-'));
    const shard = (name: string) => join(work, name);
    const entry = (title: string, amount: string) =>
      JSON.stringify({
        format: 'cliffless-trace',
        version: 1,
        world: { actors: 4, approvals: true },
        title,
        actions: [
          {
            kind: 'createSeries',
            caller: 'alice',
            collateral: 'WETH',
            oracle: 'oracle',
            indexId: 'CPI',
            strike: '2000',
            expiry: '1700604800',
          },
          { kind: 'split', caller: 'alice', seriesId: '#0', amount, to: 'alice' },
        ],
      });
    for (const name of ['a', 'b']) mkdirSync(shard(name));
    writeFileSync(join(shard('a'), 'one.json'), entry('first', '5'));
    writeFileSync(join(shard('b'), 'one.json'), entry('first', '5'));
    writeFileSync(join(shard('b'), 'two.json'), entry('same features, other amount', '6'));
    const merged = runCliffless(['corpus', 'merge', join(work, 'merged'), shard('a'), shard('b')]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('3 entries read, 2 distinct, 2 new file(s)');
    const min = runCliffless(['corpus', 'min', join(work, 'min'), join(work, 'merged')]);
    expect(min.code).toBe(0);
    expect(readdirSync(join(work, 'min'))).toHaveLength(1);
    const kept = readFileSync(join(work, 'min', readdirSync(join(work, 'min'))[0] as string), 'utf8');
    expect(kept).toContain('"expect"');
  });
});
