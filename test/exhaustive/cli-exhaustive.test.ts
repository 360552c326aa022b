import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.ts';
import { ROOT, runCliffless } from '../support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-exhaustive-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cliffless = (...args: string[]) => runCliffless(args);
/** The same command in this process through `main(argv)`: no second or two of start-up per call. */
const inProcess = (...args: string[]) => runMain(args);

describe('cliffless fuzz --exhaustive, end to end', () => {
  it('reports its counts and exits 0 on the shipped contracts; rejects campaign-only flags and unknown preludes', async () => {
    const ok = cliffless('fuzz', '--exhaustive', '--depth', '2', '--out', join(work, 'none'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("exhaustive search complete: depth 2 after the 'created' prelude (1 actions)");
    expect(ok.stdout).toMatch(/steps executed and checked: 122\n/);
    expect(ok.stdout).toMatch(/distinct states: +71\n/);
    expect(ok.stdout).toContain('no failure found');
    expect((await inProcess('fuzz', '--exhaustive', '--runs', '3')).code).toBe(2);
    const prelude = await inProcess('fuzz', '--exhaustive', '--prelude', 'nowhere');
    expect(prelude.code).toBe(2);
    expect(prelude.stderr).toContain('--prelude must be one of created, settled');
  });

  it('finds a broken copy from the settled prelude, writes a trace that replay reproduces (exit 1)', async () => {
    const dir = join(work, 'ceil');
    cpSync(join(ROOT, 'contracts'), dir, { recursive: true });
    const file = join(dir, 'libraries', 'PayoutMath.sol');
    const text = readFileSync(file, 'utf8');
    const find = 'Math.mulDiv(a, strike, x)';
    if (!text.includes(find)) throw new Error(`${find} not in PayoutMath.sol`);
    writeFileSync(file, text.replace(find, 'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)'));
    const out = join(work, 'traces');
    const found = await inProcess(
      'fuzz',
      '--exhaustive',
      '--prelude',
      'settled',
      '--depth',
      '2',
      '--contracts',
      dir,
      '--out',
      out,
    );
    expect(found.code).toBe(1);
    expect(found.stdout).toContain('FAILURE after 8 actions (prelude 7)');
    const [name] = readdirSync(out);
    expect(name).toMatch(/^exhaustive-d2-[0-9a-f]{10}\.json$/);
    const trace = join(out, name as string);
    expect((await inProcess('replay', trace, '--contracts', dir)).code).toBe(1);
    expect((await inProcess('replay', trace)).code).toBe(0);
  });
});
