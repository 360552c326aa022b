import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../fuzz/compile/index.ts';

/** `npm run bench:mutants` as a user runs it, for the answers that come before any campaign. */
function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/mutants.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
}

const DIR = mkdtempSync(join(tmpdir(), 'cliffless-bench-mutants-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('npm run bench:mutants: the command line', () => {
  it('exits 2 on a bad flag, naming it, with the usage', () => {
    const result = bench('--budget', '0');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bench:mutants: --budget must be at least 1, got 0');
    expect(result.stderr).toContain('Usage: npm run bench:mutants');
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an --only id the set does not have', () => {
    const result = bench('--only', 'SplitMarket.sol:1:nothing:0');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--only: no mutant "SplitMarket.sol:1:nothing:0" in the fixed set');
  });

  it('exits 2 rather than overwrite an existing --json file, and leaves it untouched', () => {
    const file = join(DIR, 'figures.json');
    writeFileSync(file, 'keep me\n');
    const result = bench('--json', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--json ${file}: already exists`);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });

  it('answers --help with exit 0', () => {
    const result = bench('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--budget S');
    expect(result.stdout).toContain('--jobs <int>');
    expect(result.stdout).toContain('--only <string>...');
  });
});
