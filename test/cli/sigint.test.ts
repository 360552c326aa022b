import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { type Interrupted, interruptWhen as interruptAt } from '../support/interrupt.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-sigint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const BIN = join(ROOT, 'bin', 'cliffless.mjs');

/** Runs the CLI in `cwd` and interrupts it once `started` matches what it has printed. */
function interruptWhen(cwd: string, args: string[], started: RegExp): Promise<Interrupted> {
  return interruptAt([BIN, ...args], (printed) => started.test(printed), {
    cwd,
    env: { ...process.env, CI: 'true' },
    guardMs: 150_000,
  });
}

/** A fresh folder for one command's outputs. */
function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  return dir;
}

/** Files left in `dir` whose name says temporary. */
const temporaries = (dir: string) => readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.tmp'));

describe('the first Ctrl-C stops a command cleanly, with what it has so far, exit 130', () => {
  it('mutate: the mutants done with their verdicts and score, the rerun command, no report file', async () => {
    const dir = folder('mutate');
    const result = await interruptWhen(
      dir,
      [
        'mutate',
        '--only',
        'PayoutMath.sol',
        '--max',
        '4',
        '--runs',
        '3',
        '--depth',
        '5',
        '--jobs',
        '1',
        '--json',
        'm.json',
      ],
      /^\[ *1\/4\]/m,
    );
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('interrupted: stopping the mutants in progress (Ctrl-C again to quit at once)');
    // PayoutMath.sol:14:relational-boundary:0, among the four, is declared equivalent (mutate-equivalent.json).
    expect(result.stdout).toMatch(
      /^\d mutants: \d killed, \d survived, (\d declared equivalent, )?\d invalid .*mutation score/m,
    );
    expect(result.stdout).toMatch(/interrupted by Ctrl-C after [1-3] of 4 mutants.*; --json not written/);
    expect(result.stdout).toContain(
      'rerun with: npx cliffless mutate --runs 3 --depth 5 --jobs 1 --only PayoutMath.sol --max 4 --json m.json',
    );
    expect(readdirSync(dir)).toEqual([]);
    // The caches are shared with other runs: only this process's temporary files are its own.
    const own = temporaries(join(ROOT, '.cliffless')).filter((n) => String(n).endsWith(`.${result.pid}.tmp`));
    expect(own).toEqual([]);
  }, 160_000);

  it('audit: the differences found so far with their traces, the rerun command, no report file', async () => {
    const dir = folder('audit');
    // A base whose payout rounds up: redeem differs within the first runs.
    const base = join(dir, 'base');
    cpSync(join(ROOT, 'contracts'), base, { recursive: true });
    const file = join(base, 'libraries', 'PayoutMath.sol');
    const text = readFileSync(file, 'utf8');
    if (!text.includes('Math.mulDiv(a, strike, x)')) throw new Error('PayoutMath.sol changed: update the variant');
    writeFileSync(file, text.replace('Math.mulDiv(a, strike, x)', 'Math.mulDiv(a, strike, x, Math.Rounding.Ceil)'));
    const contracts = join(ROOT, 'contracts');
    const args = ['audit', '--base', 'base', '--contracts', contracts, '--runs', '5000', '--markdown', 'a.md'];
    const result = await interruptWhen(dir, args, /[1-9] difference\(s\) so far/);
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('interrupted: finishing the run in progress');
    expect(result.stdout).toMatch(/^1 behaviour difference/m);
    expect(result.stdout).toMatch(/^ {5}\d+ actions: audit\/audit-redeem-[0-9a-f]+\.json$/m);
    expect(result.stdout).toMatch(/interrupted by Ctrl-C after \d+ of 5000 runs.*; --markdown not written/);
    expect(result.stdout).toContain(`rerun with: npx cliffless audit --base base --contracts ${contracts} --runs 5000`);
    expect(readdirSync(dir).sort()).toEqual(['audit', 'base']);
    expect(temporaries(join(dir, 'audit'))).toEqual([]);
  }, 160_000);

  it('prove: the results of the jobs finished, the rerun command, no --json file', async () => {
    const dir = folder('prove');
    const args = ['prove', '--suite', 'payout-math', '--timeout', '1s', '--json', 'p.json'];
    const result = await interruptWhen(dir, args, /^payout-math\/bmc .*: \d+ queries in/m);
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('interrupted: stopping the job in progress');
    expect(result.stdout).toMatch(/^ {2}(proved|unknown) +M4 P = a for x <= S/m);
    expect(result.stdout).toMatch(/^\d+ proved, \d+ counterexamples?, \d+ unknown$/m);
    expect(result.stdout).toContain('interrupted by Ctrl-C after 1 of 2 jobs');
    expect(result.stdout).toContain('rerun with: npx cliffless prove --suite payout-math --timeout 1s --json p.json');
    expect(readdirSync(dir)).toEqual([]);
  }, 160_000);
});
