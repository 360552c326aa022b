import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Artifacts } from './artifacts.ts';

/**
 * The cache key of a compilation: sha256 over the solc version and the whole standard-JSON input
 * (every source text, settings and output selection). Anything that can change the output changes
 * the key; nothing else does.
 */
export function cacheKey(solcVersion: string, input: unknown): string {
  return createHash('sha256').update(solcVersion).update('\0').update(JSON.stringify(input)).digest('hex');
}

/** The file a key is cached in. */
export function cachePath(cacheDir: string, key: string): string {
  return join(cacheDir, `${key}.json`);
}

/** The cached artifacts for a key, or undefined (a missing or unreadable file is a miss). */
export function readCache(cacheDir: string, key: string): Artifacts | undefined {
  const path = cachePath(cacheDir, key);
  if (!existsSync(path)) return undefined;
  try {
    const artifacts = JSON.parse(readFileSync(path, 'utf8')) as Artifacts;
    if (artifacts.key !== key) return undefined;
    const now = new Date();
    utimesSync(path, now, now); // recently used: kept by pruneCache
    return artifacts;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so parallel test workers never read half a file. */
export function writeCache(cacheDir: string, artifacts: Artifacts): void {
  mkdirSync(cacheDir, { recursive: true });
  const path = cachePath(cacheDir, artifacts.key);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(artifacts));
  renameSync(temporary, path);
}

/**
 * Keeps the `keep` most recently used entries and deletes the rest: every edit of the contracts
 * (and every mutant) adds a multi-megabyte entry, so the folder must not grow without bound.
 */
export function pruneCache(cacheDir: string, keep: number): void {
  if (!existsSync(cacheDir)) return;
  const entries = readdirSync(cacheDir)
    .filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
    .map((name) => ({ path: join(cacheDir, name), used: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const stale of entries.slice(keep)) {
    try {
      unlinkSync(stale.path);
    } catch {
      // Another process pruned it first.
    }
  }
}

/**
 * Deletes the temporary files this process left in `cacheDir`: a worker thread stopped on Ctrl-C
 * may have been between {@link writeCache}'s write and its rename.
 */
export function removeOwnTemporaries(cacheDir: string): void {
  if (!existsSync(cacheDir)) return;
  const own = `.${process.pid}.tmp`;
  for (const name of readdirSync(cacheDir)) {
    if (!name.endsWith(own)) continue;
    try {
      unlinkSync(join(cacheDir, name));
    } catch {
      // Renamed or removed meanwhile.
    }
  }
}
