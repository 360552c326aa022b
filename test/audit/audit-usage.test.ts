import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../fuzz/cli/main.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-audit-usage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `cliffless …` in this process (these inputs are refused before anything compiles). */
async function cliffless(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('cliffless audit: bad input', () => {
  it('exits 2 for a missing --base, an unknown ref and a missing folder', async () => {
    const noBase = await cliffless('audit');
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain('--base is required');

    const unknownRef = await cliffless('audit', '--base', 'no-such-ref-xyz');
    expect(unknownRef.code).toBe(2);
    expect(unknownRef.stderr).toContain(
      '--base no-such-ref-xyz: no such folder, and not a git ref known to the repository',
    );

    const missing = await cliffless('audit', '--base', join(work, 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--base ${join(work, 'nowhere')}: no such folder`);
  });

  it('exits 2 for a malformed allow-list, naming the field', async () => {
    const badAllow = join(work, 'bad-allow.json');
    writeFileSync(badAllow, JSON.stringify({ allow: [{ action: 'splitt', path: 'outcome.ok', reason: 'x' }] }));
    const malformed = await cliffless('audit', '--base', 'contracts', '--allow', badAllow);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(`${badAllow}: allow[0].action: "splitt" is not an action kind`);

    const unreadable = await cliffless('audit', '--base', 'contracts', '--allow', join(work, 'absent.json'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read the allow-list (ENOENT)');
  });

  it('never overwrites an existing report without --force', async () => {
    const existing = join(work, 'existing.md');
    writeFileSync(existing, 'keep me');
    const clobber = await cliffless('audit', '--base', 'contracts', '--markdown', existing);
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain(`${existing}: already exists`);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('lists every flag in --help', async () => {
    const help = await cliffless('audit', '--help');
    expect(help.code).toBe(0);
    for (const flag of ['--base', '--contracts', '--allow', '--markdown', '--summary-json', '--force', '--out']) {
      expect(help.stdout).toContain(flag);
    }
    const typo = await cliffless('audit', '--bsae', 'main');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean --base?');
  });
});
