import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.ts';
import { runCliffless } from '../support/cli.ts';
import { applyEdits, contractsVariant, REFACTOR, SPLIT_REJECTS_ONE, SYNTAX_ERROR } from './variants.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-audit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Small runs. The changed split differs from the first few runs of seed 1 on; 30 leave room for the
 * generator to change without the test losing it.
 */
const SMALL = ['--runs', '30', '--depth', '20'];

/**
 * A throw-away git repository whose one commit holds the shipped contracts, and whose working tree
 * then changes `split` to reject an amount of 1: `--base HEAD` audits that uncommitted change.
 */
function repositoryWithChange(): string {
  const repo = join(work, 'repo');
  contractsVariant(join(repo, 'contracts'), []);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('add', 'contracts');
  git('commit', '-q', '-m', 'shipped contracts');
  applyEdits(join(repo, 'contracts'), SPLIT_REJECTS_ONE);
  return repo;
}

interface AuditJson {
  differences: { action: string; path: string; verdict: string; allowed: boolean; trace: string; steps: number }[];
}

describe('cliffless audit, end to end', () => {
  const repo = repositoryWithChange();
  let tracePath = '';

  it('reports no difference for a pure refactor and exits 0', () => {
    const refactor = contractsVariant(join(work, 'refactor'), REFACTOR);
    const markdown = join(work, 'refactor.md');
    const out = join(work, 'refactor-traces');
    const audit = runCliffless([
      'audit',
      '--base',
      'contracts',
      '--contracts',
      refactor,
      ...SMALL,
      '--out',
      out,
      '--markdown',
      markdown,
    ]);
    expect(audit.stderr).not.toContain('Error');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('no behaviour difference found');
    expect(readFileSync(markdown, 'utf8')).toContain('**no behaviour difference found.**');
    expect(readFileSync(markdown, 'utf8')).toContain('| `split` |');
    expect(existsSync(out)).toBe(false);
  });

  // The audits run as real processes in the scratch repository (they resolve git refs from their
  // working folder); the replays and the refusal run in this process through `main(argv)`.
  it('reports a changed revert condition against a git ref with a minimal trace that replay reproduces, and exits 1', async () => {
    const markdown = join(work, 'change.md');
    const json = join(work, 'change.json');
    const out = join(work, 'change-traces');
    const audit = runCliffless(
      ['audit', '--base', 'HEAD', ...SMALL, '--out', out, '--markdown', markdown, '--summary-json', json],
      {
        cwd: repo,
      },
    );
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(/audit: base HEAD \([0-9a-f]{12}\) → new contracts/);
    expect(audit.stdout).toMatch(
      /split outcome\.ok: base ok events [A-Za-z, ]+, new revert ZeroAmount\(\) — new diverges from the model \(regression\) — NOT ALLOWED/,
    );

    const report = JSON.parse(readFileSync(json, 'utf8')) as AuditJson;
    // Every difference is the changed split (success turned revert, or a different error first),
    // called directly or by a flash mint, which splits inside its call.
    for (const d of report.differences) {
      expect(['split', 'flashMint']).toContain(d.action);
      expect(d).toMatchObject({ verdict: 'regression', allowed: false });
      expect(d.path).toMatch(/^outcome\./);
    }
    const difference = report.differences.find((d) => d.action === 'split' && d.path === 'outcome.ok');
    tracePath = difference?.trace ?? '';
    // Minimal: a series, then the split of 1 that only the new version rejects.
    expect(difference?.steps).toBe(2);
    const trace = readFileSync(tracePath, 'utf8');
    expect(trace).toContain('"kind":"split"');
    expect(trace).toContain('"amount":"1"');

    const md = readFileSync(markdown, 'utf8');
    expect(md).toMatch(/\*\*(\d+) behaviour differences?, \1 not allowed\.\*\*/);
    expect(md).toMatch(/### \d+\. `split` `outcome\.ok` — regression, not allowed/);
    expect(md).toContain('revert ZeroAmount()');
    expect(md).toContain(
      `npx cliffless replay ${tracePath} --contracts contracts   # new: diverges from the model at step 1`,
    );
    expect(md).toMatch(/git worktree add --detach \/tmp\/cliffless-base-[0-9a-f]{12} [0-9a-f]{12}/);

    // Replayed against the changed contracts the trace fails where the audit said; the shipped ones pass it.
    const changed = await runMain(['replay', tracePath, '--contracts', join(repo, 'contracts')]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('step 1: split');
    expect(changed.stdout).toContain('outcome.ok');
    expect((await runMain(['replay', tracePath])).code).toBe(0);
  });

  it('exits 0 when an allow-list names the difference, still listing it as allowed', () => {
    const allow = join(work, 'allow.json');
    writeFileSync(
      allow,
      JSON.stringify({
        allow: [
          { action: 'split', path: 'outcome.*', reason: 'split needs at least 2 now' },
          { action: 'flashMint', path: 'outcome.*', reason: 'a flash mint splits too' },
          { action: 'redeem', path: 'outcome.returns[0]', reason: 'P rounds up' },
        ],
      }),
    );
    const markdown = join(work, 'allowed.md');
    const out = join(work, 'change-traces');
    const audit = runCliffless(
      ['audit', '--base', 'HEAD', ...SMALL, '--out', out, '--allow', allow, '--markdown', markdown],
      {
        cwd: repo,
      },
    );
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/(\d+) behaviour differences? \(\1 allowed, 0 not allowed\)/);
    const md = readFileSync(markdown, 'utf8');
    expect(md).toMatch(/\*\*\d+ behaviour differences?, all allowed\.\*\*/);
    expect(md).toMatch(/### \d+\. `split` `outcome\.ok` — regression, allowed/);
    // An entry that matched nothing is pointed out: it is stale, or the intended change is missing.
    expect(audit.stdout).toContain('warning: allow-list entry "redeem outcome.returns[0]" matched no difference');
    expect(md).toContain('- `redeem outcome.returns[0]`: P rounds up');
    expect(md).toContain('| allowed: split needs at least 2 now |');
    // Same seed, same versions: the same trace, so the same file (never a second copy).
    expect(audit.stdout).toContain(tracePath);
  });

  it("refuses a base that does not compile with exit 2, naming the base and solc's file:line", async () => {
    const broken = contractsVariant(join(work, 'syntax'), SYNTAX_ERROR);
    const notCompiling = await runMain(['audit', '--base', broken, '--runs', '1']);
    expect(notCompiling.code).toBe(2);
    expect(notCompiling.stderr).toContain(`base contracts (${broken}): the contracts do not compile`);
    expect(notCompiling.stderr).toMatch(/SplitMarket\.sol:\d+:\d+/);
  });
});
