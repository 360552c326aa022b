import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationReport } from '../../fuzz/mutate/report.ts';
import { runMain } from '../cli/run-main.ts';
import { ROOT, runCliffless } from '../support/cli.ts';

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
    [['--equivalent', '/nonexistent/eq.json'], /--equivalent \/nonexistent\/eq\.json: cannot read/],
    [['--equivalent', 'eq.json', '--no-equivalent'], /--equivalent does not apply with --no-equivalent/],
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

  it('refuses a malformed declarations file before any work, naming the file and the field, and writes nothing', async () => {
    const bad = join(dir, 'bad-equivalent.json');
    writeFileSync(bad, JSON.stringify({ equivalent: [{ id: EQUIVALENT, original: 'balanceAfter > balanceBefore' }] }));
    const outputs = ['--json', join(dir, 'refused.json'), '--markdown', join(dir, 'refused.md')];
    const result = await runMain(['mutate', '--only', KILLED, '--equivalent', bad, ...outputs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}: equivalent[0].reason: missing`);
    expect(result.stderr).not.toMatch(/mutating/);
    expect(existsSync(join(dir, 'refused.json')) || existsSync(join(dir, 'refused.md'))).toBe(false);

    // The default file is the one beside the contracts folder, so it is refused the same way.
    const copy = join(dir, 'copy');
    mkdirSync(copy);
    cpSync(join(ROOT, 'contracts'), join(copy, 'contracts'), { recursive: true });
    writeFileSync(join(copy, 'mutate-equivalent.json'), '{"equivalent": [], "extra": 1}');
    const beside = await runMain(['mutate', '--contracts', join(copy, 'contracts'), '--list']);
    expect(beside.code).toBe(2);
    expect(beside.stderr).toMatch(/mutate-equivalent\.json: extra: unknown field/);
  });

  it('lists the selected mutants without running them, marking the declared equivalents', async () => {
    const result = await runMain(['mutate', '--list', '--only', 'SplitMarket.sol:80:']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${EQUIVALENT}\tbalanceAfter > balanceBefore → balanceAfter >= balanceBefore\t[declared equivalent]`,
    );
    expect(result.stdout).toContain(`${KILLED}\tbalanceAfter > balanceBefore → balanceAfter < balanceBefore\n`);
    expect(result.stdout).toMatch(/^5 of \d+ mutants$/m);
    // Every entry of the shipped file names a mutant of today's contracts (stale ones are checked against all of them).
    expect(result.stdout).toMatch(/^declared equivalent in mutate-equivalent\.json: 11 entries, 1 selected, 0 stale$/m);
  });

  it('runs, writes Markdown and JSON, exits 1 below --min-score, and reports wrong and stale declarations; --force overwrites', () => {
    const markdown = join(dir, 'report.md');
    const json = join(dir, 'report.json');
    // KILLED declared (wrongly), EQUIVALENT declared with text it does not replace (stale): neither
    // leaves the score.
    const declarations = join(dir, 'declarations.json');
    writeFileSync(
      declarations,
      JSON.stringify({
        equivalent: [
          { id: KILLED, original: 'balanceAfter  >  balanceBefore', reason: 'wrongly declared' },
          { id: EQUIVALENT, original: 'balanceAfter >= balanceBefore', reason: 'written for another version' },
        ],
      }),
    );
    const args = ['mutate', '--only', `${KILLED},${EQUIVALENT}`, '--runs', '3', '--markdown', markdown, '--json', json];
    const result = runCliffless([...args, '--equivalent', declarations, '--min-score', '100']);
    expect(result.stderr).toContain('2 of');
    expect(result.stderr).toContain('[DECLARED EQUIVALENT: the declaration is wrong]');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '2 mutants: 1 killed, 1 survived, 0 invalid (do not compile); mutation score 50.0% (1/2)',
    );
    expect(result.stdout).toContain('below --min-score 100');
    expect(result.stdout).toContain(
      `DECLARED EQUIVALENT BUT KILLED: the declaration is wrong (1; counted as killed):\n  ${KILLED}  killed by D1; declared: wrongly declared`,
    );
    expect(result.stdout).toContain(
      `stale declarations, not applied (1):\n  ${EQUIVALENT}  \`balanceAfter >= balanceBefore\``,
    );
    const report = JSON.parse(readFileSync(json, 'utf8')) as MutationReport;
    expect(report).toMatchObject({
      format: 'cliffless-mutation-report',
      version: 2,
      total: { killed: 1, survived: 1, equivalent: 0 },
      equivalents: {
        file: declarations,
        declared: 2,
        inRun: 1,
        wrong: [{ id: KILLED, killedBy: 'D1', reason: 'wrongly declared' }],
        stale: [{ id: EQUIVALENT, original: 'balanceAfter >= balanceBefore' }],
      },
    });
    expect(report.budget).toEqual({ seed: 1, runs: 3, depth: 100, jobs: 2 });
    expect(report.mutants.map((m) => [m.id, m.status])).toEqual([
      [KILLED, 'killed'],
      [EQUIVALENT, 'survived'],
    ]);
    expect(report.mutants[0]).toMatchObject({ killedBy: 'D1', actionsToKill: expect.any(Number) });
    const md = readFileSync(markdown, 'utf8');
    expect(md).toContain('## Declared equivalent but killed: the declaration is wrong (1)');
    expect(md).toContain('## Stale declarations (1), not applied');
    expect(md).toContain('## Kill matrix');
    expect(md).toContain(`### \`${EQUIVALENT}\``);
    expect(md).toContain(
      '+        uint256 received = balanceAfter >= balanceBefore ? balanceAfter - balanceBefore : 0;',
    );

    // The shipped mutate-equivalent.json declares EQUIVALENT: it leaves the score, so 100% passes.
    const again = runCliffless([...args, '--min-score', '100', '--force']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '2 mutants: 1 killed, 0 survived, 1 declared equivalent, 0 invalid (do not compile); mutation score 100.0% (1/1)',
    );
    const overwritten = JSON.parse(readFileSync(json, 'utf8')) as MutationReport;
    expect(overwritten.total).toMatchObject({ killed: 1, survived: 0, equivalent: 1 });
    expect(overwritten.equivalents).toMatchObject({ file: 'mutate-equivalent.json', inRun: 1, wrong: [], stale: [] });
    expect(overwritten.mutants[1]).toMatchObject({ id: EQUIVALENT, status: 'equivalent' });
    expect(readFileSync(markdown, 'utf8')).toContain('None but the declared equivalents below');
    expect(existsSync(`${markdown}.${process.pid}.tmp`)).toBe(false);
  });
});
