import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.ts';
import { ROOT, runCliffless } from '../support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cliffless = (...args: string[]) => runCliffless(args);
/** The same command in this process through `main(argv)`: no second or two of start-up per call. */
const inProcess = (...args: string[]) => runMain(args);

/** A copy of contracts/ with one edit, outside the repository. */
function contractsCopy(name: string, file: string, find: string, replace: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'contracts'), dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`${find} not in ${file}`);
  writeFileSync(path, text.replace(find, replace));
  return dir;
}

describe('cliffless fuzz, end to end', () => {
  it('exits 2 and shows solc file:line when the contracts do not compile', async () => {
    const dir = contractsCopy(
      'syntax',
      'SplitMarket.sol',
      'if (amount == 0) revert ZeroAmount();',
      'if (amount == 0) revert ZeroAmount()',
    );
    const { code, stderr } = await inProcess('fuzz', '--contracts', dir, '--runs', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('the contracts do not compile');
    expect(stderr).toMatch(/SplitMarket\.sol:\d+:\d+/);
  });

  it('exits 2 on a contracts folder that does not exist, and on an unknown flag', async () => {
    expect((await inProcess('fuzz', '--contracts', join(work, 'nowhere'))).code).toBe(2);
    const typo = await inProcess('fuzz', '--seeds', '3');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean --seed?');
  });

  // The campaign is a real process (what a user runs); the two replays of its trace run in-process.
  // A compile of the broken copy and a campaign process: room beyond the default on a loaded machine.
  it('finds a broken copy, writes its trace, and replay reproduces it (exit 1) where the shipped contracts pass (exit 0)', {
    timeout: 300_000,
  }, async () => {
    const dir = contractsCopy(
      'ceil',
      'libraries/PayoutMath.sol',
      'Math.mulDiv(a, strike, x)',
      'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)',
    );
    const out = join(work, 'traces');
    const fuzz = cliffless('fuzz', '--contracts', dir, '--out', out, '--runs', '100');
    expect(fuzz.code).toBe(1);
    expect(fuzz.stdout).toMatch(/FAILURE \(shrunk from \d+ to \d+ actions\)/);
    const [file] = readdirSync(out);
    expect(file).toBeDefined();
    const trace = join(out, file as string);
    // The hint names every flag that made the failure: followed as printed, it fails the same way.
    expect(fuzz.stdout).toContain(`replay with: npx cliffless replay ${trace} --contracts ${dir}`);
    const hint = /replay with: npx cliffless (.*)$/m.exec(fuzz.stdout)?.[1]?.split(' ') ?? [];
    const broken = await inProcess(...hint);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('FAIL');
    expect((await inProcess('replay', trace)).code).toBe(0);
  });
});
