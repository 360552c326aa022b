import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CliflessError } from '../errors.ts';

/** Where the base contracts of an audit come from. */
export interface BaseContracts {
  /** The folder to compile as `contracts/`. */
  dir: string;
  /** How reports name the base: the folder as given, or `ref (commit)`. */
  label: string;
  /** The git commit for a ref (full hash). */
  commit?: string;
  /**
   * How a person gets the base contracts back to replay a trace against them: the folder to pass to
   * `--contracts`, after running `setup` (a `git worktree add` for a ref; nothing for a folder).
   */
  replay: { setup?: string; contractsDir: string };
  /** Deletes the temporary folder a git ref was extracted into (a no-op for a folder). */
  cleanup(): void;
}

/**
 * Resolves `--base`: an existing folder is the base contracts folder itself; anything else must be a
 * git ref of the repository around `cwd`, whose tree at the path of the new contracts folder (normally
 * `contracts/`) is copied blob by blob into a temporary folder. Nothing in the working tree, the
 * index or HEAD is touched: the ref is read with `git ls-tree` and `git cat-file` only.
 *
 * @throws {CliflessError} (exit 2) for a folder without `.sol` files, an unknown ref, a ref without
 * the contracts folder, or `cwd` outside a git repository.
 */
export function resolveBase(base: string, newContractsDir: string, cwd: string): BaseContracts {
  const asFolder = resolve(cwd, base);
  if (existsSync(asFolder) && statSync(asFolder).isDirectory()) {
    if (!hasSolidity(asFolder)) {
      throw new CliflessError(`--base ${base}: the folder holds no .sol files`, {
        details: 'Pass the base version’s contracts folder (the one with SplitMarket.sol), or a git ref.',
      });
    }
    return { dir: asFolder, label: base, replay: { contractsDir: base }, cleanup: () => {} };
  }
  return extractRef(base, newContractsDir, cwd);
}

function extractRef(ref: string, newContractsDir: string, cwd: string): BaseContracts {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (top.code !== 0) {
    throw new CliflessError(`--base ${ref}: no such folder, and ${cwd} is not inside a git repository`, {
      details:
        'Pass a folder holding the base contracts, or run from a git checkout and pass a ref (e.g. main, HEAD~1).',
    });
  }
  const root = top.stdout.trim();
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  if (commit.code !== 0) {
    throw new CliflessError(`--base ${ref}: no such folder, and not a git ref known to the repository at ${root}`, {
      details: 'Pass an existing folder, or a branch, tag or commit (`git log --oneline` lists commits).',
    });
  }
  const hash = commit.stdout.trim();
  // The base's contracts sit where the new ones sit in the tree (normally `contracts/`).
  const inTree = relative(root, resolve(cwd, newContractsDir));
  const treePath = inTree === '' || inTree.startsWith('..') ? 'contracts' : inTree.split(sep).join('/');
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', hash, '--', treePath], cwd);
  const entries = listing.stdout
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const [mode = '', type = '', object = ''] = meta.split(' ');
      return { mode, type, object, path };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  if (listing.code !== 0 || !entries.some((e) => e.path.endsWith('.sol'))) {
    throw new CliflessError(`--base ${ref}: commit ${hash.slice(0, 12)} has no .sol files under ${treePath}/`, {
      details: 'The base ref must hold the contracts folder at the same path as the new contracts.',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'cliffless-audit-base-'));
  try {
    for (const entry of entries) {
      const blob = spawnSync('git', ['cat-file', 'blob', entry.object], { cwd, maxBuffer: 64 * 1024 * 1024 });
      if (blob.status !== 0) throw new Error(`git cat-file blob ${entry.object} failed: ${blob.stderr.toString()}`);
      const target = join(dir, ...entry.path.slice(treePath.length + 1).split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blob.stdout);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const worktree = `/tmp/cliffless-base-${hash.slice(0, 12)}`;
  return {
    dir,
    label: `${ref} (${hash.slice(0, 12)})`,
    commit: hash,
    replay: {
      setup: `git worktree add --detach ${worktree} ${hash.slice(0, 12)}`,
      contractsDir: `${worktree}/${treePath}`,
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function git(args: string[], cwd: string): { code: number; stdout: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? 1, stdout: result.stdout ?? '' };
}

function hasSolidity(dir: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.sol')) return true;
    if (entry.isDirectory() && entry.name !== 'node_modules' && hasSolidity(join(dir, entry.name))) return true;
  }
  return false;
}
