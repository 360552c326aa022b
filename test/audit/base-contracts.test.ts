import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBase } from '../../fuzz/audit/base-contracts.ts';
import { CliflessError } from '../../fuzz/errors.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-audit-base-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' });

/** A repository whose first commit has contracts/A.sol = "v1" and whose working tree then says "v2". */
function repository(): string {
  const repo = join(work, 'repo');
  mkdirSync(join(repo, 'contracts', 'lib'), { recursive: true });
  writeFileSync(join(repo, 'contracts', 'A.sol'), 'v1');
  writeFileSync(join(repo, 'contracts', 'lib', 'B.sol'), 'b1');
  writeFileSync(join(repo, 'README'), 'not a contract');
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  git(repo, 'tag', 'v1');
  writeFileSync(join(repo, 'contracts', 'A.sol'), 'v2');
  return repo;
}

const failure = (run: () => unknown): CliflessError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliflessError);
    return error as CliflessError;
  }
  throw new Error('expected a CliflessError');
};

describe('resolving --base', () => {
  const repo = repository();

  it('extracts a ref’s contracts/ tree into a temporary folder without touching the working tree', () => {
    const status = git(repo, 'status', '--porcelain');
    const base = resolveBase('v1', 'contracts', repo);
    expect(readFileSync(join(base.dir, 'A.sol'), 'utf8')).toBe('v1');
    expect(readFileSync(join(base.dir, 'lib', 'B.sol'), 'utf8')).toBe('b1');
    expect(existsSync(join(base.dir, 'README'))).toBe(false);
    expect(base.label).toMatch(/^v1 \([0-9a-f]{12}\)$/);
    expect(base.replay.setup).toMatch(/^git worktree add --detach \/tmp\/cliffless-base-[0-9a-f]{12} [0-9a-f]{12}$/);
    expect(readFileSync(join(repo, 'contracts', 'A.sol'), 'utf8')).toBe('v2');
    expect(git(repo, 'status', '--porcelain')).toBe(status);
    base.cleanup();
    expect(existsSync(base.dir)).toBe(false);
  });

  it('takes an existing folder as the base contracts themselves', () => {
    const base = resolveBase('contracts', 'contracts', repo);
    expect(base.dir).toBe(join(repo, 'contracts'));
    expect(base.commit).toBeUndefined();
    base.cleanup();
    expect(existsSync(base.dir)).toBe(true);
  });

  it('refuses an unknown ref, a folder without contracts, a ref without contracts, and a ref outside a repository', () => {
    expect(failure(() => resolveBase('no-such-branch', 'contracts', repo)).message).toContain(
      '--base no-such-branch: no such folder, and not a git ref known to the repository',
    );
    mkdirSync(join(work, 'empty'));
    expect(failure(() => resolveBase(join(work, 'empty'), 'contracts', repo)).message).toContain('holds no .sol files');
    expect(failure(() => resolveBase('v1', 'elsewhere', repo)).message).toMatch(/has no \.sol files under elsewhere\//);
    expect(failure(() => resolveBase('v1', 'contracts', work)).message).toContain('is not inside a git repository');
  });
});
