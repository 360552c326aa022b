import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-maximize-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cliffless fuzz --maximize and replay', () => {
  it('prints the best value with its unit and run, writes the trace and summary, and replay measures it again', async () => {
    const out = join(work, 'traces');
    const summary = join(work, 'summary.json');
    const fuzz = await runMain([
      'fuzz',
      '--maximize',
      'gas:split',
      '--runs',
      '2',
      '--depth',
      '20',
      '--out',
      out,
      '--summary-json',
      summary,
    ]);
    expect(fuzz.code, fuzz.stderr).toBe(0);
    const best = fuzz.stdout.match(/best gas:split: (\d+) gas \(step \d+ \(split\)\), found by run (\d) of seed 1/);
    expect(best).not.toBeNull();
    const [file, ...others] = readdirSync(out);
    expect(others).toEqual([]);
    expect(file).toMatch(/^maximize-gas-split-seed1-[0-9a-f]+\.json$/);
    const record = JSON.parse(readFileSync(summary, 'utf8')).maximize;
    expect(record).toMatchObject({ metric: 'gas:split', value: best?.[1], unit: 'gas', trace: file, failure: null });
    const replay = await runMain(['replay', join(out, file as string)]);
    expect(replay.code, replay.stdout).toBe(0);
    expect(replay.stdout).toContain(`maximize gas:split: ${best?.[1]} gas`);
    expect(replay.stdout).toContain('as recorded');
  });
});
