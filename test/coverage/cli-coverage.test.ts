import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverageStep } from '../../fuzz/cli/coverage-step.ts';
import { fuzzSpec } from '../../fuzz/cli/fuzz-command.ts';
import { parseArgs } from '../../fuzz/cli/kit/args.ts';
import { CliflessError } from '../../fuzz/errors.ts';
import { runMain } from '../cli/run-main.ts';
import { runCliffless } from '../support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-coverage-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// One real process (the first run); the rerun and the refusals go through `main(argv)` in this
// process, the same exit codes and output without a second or two of start-up each.
describe('cliffless fuzz --coverage, end to end', () => {
  it('writes lcov, prints the per-file summary, and overwrites its own file on the next run', async () => {
    const out = join(work, 'cov', 'lcov.info');
    const args = ['fuzz', '--runs', '3', '--depth', '20', '--coverage', '--coverage-out', out];
    const first = runCliffless(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`coverage (lcov written to ${out})`);
    expect(first.stdout).toMatch(/contracts\/SplitMarket\.sol\s+\d+\/\d+/);
    expect(first.stdout).toContain('test mocks (not for deployment)');
    expect(first.stdout).toMatch(/never reached \(\d+\):\n {2}contracts\/\S+:\d+ {2}/);
    const lcov = readFileSync(out, 'utf8');
    expect(lcov.startsWith('TN:cliffless\nSF:contracts/ClaimToken.sol\n')).toBe(true);
    expect(lcov).toContain('SF:contracts/SplitMarket.sol\n');
    expect(lcov).not.toContain('node_modules');
    expect((await runMain(args)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(lcov);
  });

  it('exits 2 before fuzzing on a bad --coverage-out, and never overwrites a file it did not write', async () => {
    const folder = join(work, 'a-folder');
    mkdirSync(folder);
    const asFolder = await runMain(['fuzz', '--runs', '1', '--coverage', '--coverage-out', folder]);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toContain('is a folder');

    const mine = join(work, 'notes.txt');
    writeFileSync(mine, 'my notes\n');
    const theirs = await runMain(['fuzz', '--runs', '1', '--coverage', '--coverage-out', mine]);
    expect(theirs.code).toBe(2);
    expect(theirs.stderr).toContain('not an lcov file written by cliffless');
    expect(readFileSync(mine, 'utf8')).toBe('my notes\n');
  });

  it('checks the coverage flags before any work (exit code 2)', () => {
    const exitCodeOf = (flags: Record<string, string | number | boolean>) => {
      try {
        coverageStep(flags);
        return 0;
      } catch (error) {
        return error instanceof CliflessError ? error.exitCode : -1;
      }
    };
    writeFileSync(join(work, 'a-file'), 'x');
    expect(exitCodeOf({ coverage: true, 'coverage-out': join(work, 'a-file', 'x.info') })).toBe(2);
    // The flag rules (a coverage flag without --coverage, --coverage with --exhaustive) are the parser's.
    const parsed =
      (...argv: string[]) =>
      () =>
        parseArgs(fuzzSpec, argv);
    expect(parsed('--coverage-out', join(work, 'y.info'))).toThrow('--coverage-out applies only with --coverage');
    expect(exitCodeOf({ coverage: true, workers: 2, 'coverage-out': join(work, 'z.info') })).toBe(2);
    expect(parsed('--coverage', '--exhaustive')).toThrow('--coverage does not apply with --exhaustive');
    expect(coverageStep({})).toBeUndefined();
    expect(coverageStep({ coverage: true, 'coverage-out': join(work, 'z.info') })).toBeDefined();
  });
});
