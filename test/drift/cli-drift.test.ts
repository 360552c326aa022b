import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../fuzz/cli/main.ts';

const folder = mkdtempSync(join(tmpdir(), 'cliffless-drift-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const quick = ['--paths', '40', '--steps-per-day', '1', '--sweep-paths', '0'];

describe('cliffless drift', () => {
  const never = join(folder, 'never.svg');
  it.each([
    [['--sigma', 'high', '--plot', never]],
    [['--sigma', '0', '--plot', never]],
    [['--paths', '1', '--plot', never]],
    [['--ltv', '0.9', '--plot', never]],
    [['--roll-below', '2.5', '--plot', never]],
    [['--sigmaa', '0.8', '--plot', never]],
    [['extra', '--plot', never]],
    [['--plot']],
  ])('exits 2 on bad input: %j', async (argv) => {
    expect(await main(['drift', ...argv])).toBe(2);
    expect(existsSync(never)).toBe(false);
  });

  it('refuses an existing output without --force and leaves it as it was', async () => {
    const json = join(folder, 'kept.json');
    writeFileSync(json, 'mine');
    expect(await main(['drift', ...quick, '--json', json, '--plot', join(folder, 'a.svg')])).toBe(2);
    expect(readFileSync(json, 'utf8')).toBe('mine');
    expect(existsSync(join(folder, 'a.svg'))).toBe(false);
  });

  it('writes the JSON and the SVG, and --force overwrites', async () => {
    const json = join(folder, 'out.json');
    const plot = join(folder, 'out.svg');
    writeFileSync(json, 'old');
    expect(await main(['drift', ...quick, '--json', json, '--plot', plot, '--force'])).toBe(0);
    const summary = JSON.parse(readFileSync(json, 'utf8'));
    for (const key of ['sigma', 'annualStd', 'p01', 'p99', 'rollsPerYear', 'tradedPerYear'])
      expect(summary).toHaveProperty(key);
    expect(summary.debt).toHaveProperty('liquidationRate');
    expect(summary.sigma).toBe(0.8);
    expect(readFileSync(plot, 'utf8')).toMatch(/^<svg/);
  });
});
