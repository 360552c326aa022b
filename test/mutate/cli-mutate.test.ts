import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationReport } from '../../fuzz/mutate/report.ts';
import { runMain } from '../cli/run-main.ts';
import { runCliffless } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cliffless-mutate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KILLED = 'SplitMarket.sol:80:relational:0';
const EQUIVALENT = 'SplitMarket.sol:80:relational-boundary:0';

// The refusals and the listing run through `main(argv)` in this process (the same exit code and
// output, without a second or two of start-up each); the campaign runs as a real process.
describe('cliffless mutate (end to end)', () => {
  it.each([
    [['--jobs', '0'], /--jobs must be at least 1/],
    [['--min-score', '101'], /--min-score is a percentage/],
    [['--only', 'no-such-operator-or-id'], /matches no mutant/],
    [['--contracts', '/nonexistent/contracts'], /no such folder/],
    [['--markdown', '/nonexistent/folder/report.md'], /does not exist/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await runMain(['mutate', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('never overwrites an existing report without --force, and checks that before any work', async () => {
    const existing = join(dir, 'existing.md');
    writeFileSync(existing, 'keep me\n');
    const result = await runMain(['mutate', '--only', KILLED, '--markdown', existing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already exists/);
    expect(result.stderr).not.toMatch(/mutating/);
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');
  });

  it('lists the selected mutants without running them', async () => {
    const result = await runMain(['mutate', '--list', '--only', 'SplitMarket.sol:80:']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${EQUIVALENT}\tbalanceAfter > balanceBefore → balanceAfter >= balanceBefore`);
    expect(result.stdout).toMatch(/^5 of \d+ mutants$/m);
  });

  it('runs, writes Markdown and JSON, and exits 1 below --min-score; --force overwrites', () => {
    const markdown = join(dir, 'report.md');
    const json = join(dir, 'report.json');
    const args = ['mutate', '--only', `${KILLED},${EQUIVALENT}`, '--runs', '3', '--markdown', markdown, '--json', json];
    const result = runCliffless([...args, '--min-score', '100']);
    expect(result.stderr).toContain('2 of');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '2 mutants: 1 killed, 1 survived, 0 invalid (do not compile); mutation score 50.0% (1/2)',
    );
    expect(result.stdout).toContain('below --min-score 100');
    const report = JSON.parse(readFileSync(json, 'utf8')) as MutationReport;
    expect(report).toMatchObject({
      format: 'cliffless-mutation-report',
      version: 1,
      total: { killed: 1, survived: 1 },
    });
    expect(report.budget).toEqual({ seed: 1, runs: 3, depth: 100, jobs: 2 });
    expect(report.mutants.map((m) => [m.id, m.status])).toEqual([
      [KILLED, 'killed'],
      [EQUIVALENT, 'survived'],
    ]);
    expect(report.mutants[0]).toMatchObject({ killedBy: 'D1', actionsToKill: expect.any(Number) });
    const md = readFileSync(markdown, 'utf8');
    expect(md).toContain('## Kill matrix');
    expect(md).toContain(`### \`${EQUIVALENT}\``);
    expect(md).toContain(
      '+        uint256 received = balanceAfter >= balanceBefore ? balanceAfter - balanceBefore : 0;',
    );

    const again = runCliffless([...args, '--max', '1', '--force']);
    expect(again.code).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as MutationReport).total.mutants).toBe(1);
    expect(existsSync(`${markdown}.${process.pid}.tmp`)).toBe(false);
  });
});
