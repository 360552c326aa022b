import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/cli.ts';

/** A valid trace every malformed one is derived from. */
export const GOOD_TRACE = readFileSync(join(ROOT, 'test/traces/settle-at-strike.json'), 'utf8');

/** A user's folder: inputs good and bad, outputs that exist, folders and special files. */
export interface UserFolder {
  dir: string;
  /** `dir/name`. */
  at(name: string): string;
  /** Writes `dir/name` (a trace variant, a summary...) and returns its path. */
  file(name: string, text: string | Uint8Array): string;
  /** sha256 of every file under the folder and the repository's contracts/, by path. */
  hashes(): Map<string, string>;
  dispose(): void;
}

/** The fixture folder, made fresh: see the bad-input suite. */
export function userFolder(): UserFolder {
  const dir = mkdtempSync(join(tmpdir(), 'cliffless-bad-input-'));
  const at = (name: string) => join(dir, name);
  const file = (name: string, text: string | Uint8Array) => {
    writeFileSync(at(name), text);
    return at(name);
  };
  file('good.json', GOOD_TRACE);
  file('existing.json', '{"precious": true}\n');
  file('existing.md', '# precious\n');
  file('existing.t.sol', '// precious\n');
  file('notes.txt', 'precious\n');
  mkdirSync(at('folder'));
  file('folder/inside.txt', 'precious\n');
  execFileSync('mkfifo', [at('fifo')]);
  symlinkSync(at('folder'), at('link-to-folder'));
  // Sparse: over the 8 MiB trace and summary bound by size alone, without 9 MB on disk or in memory.
  const fd = openSync(at('huge.json'), 'w');
  ftruncateSync(fd, 9 * 1024 * 1024);
  closeSync(fd);
  const fd2 = openSync(at('huge.sol'), 'w');
  ftruncateSync(fd2, 2 * 1024 * 1024);
  closeSync(fd2);
  // Contracts folders: one without the market, one with a file in place of test-mocks.
  cpSync(join(ROOT, 'contracts'), at('no-market'), { recursive: true });
  rmSync(at('no-market/SplitMarket.sol'));
  cpSync(join(ROOT, 'contracts'), at('no-mocks'), { recursive: true });
  rmSync(at('no-mocks/test-mocks'), { recursive: true });
  file('no-mocks/test-mocks', 'not a folder');
  mkdirSync(at('empty-contracts'));
  return {
    dir,
    at,
    file,
    hashes: () => new Map([...hashTree(dir), ...hashTree(join(ROOT, 'contracts'))]),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function hashTree(dir: string, into = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isDirectory()) {
      into.set(`${path}/`, 'folder');
      hashTree(path, into);
    } else if (stat.isFile()) {
      into.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
    } else {
      into.set(path, 'special');
    }
  }
  return into;
}

/** The good trace with one edit to its parsed JSON. */
export function traceWith(edit: (trace: Record<string, unknown>) => void): string {
  const trace = JSON.parse(GOOD_TRACE) as Record<string, unknown>;
  edit(trace);
  return JSON.stringify(trace, null, 2);
}

/** The good trace's first action with one edit. */
export function firstActionWith(edit: (action: Record<string, unknown>) => void): string {
  return traceWith((trace) => edit((trace.actions as Record<string, unknown>[])[0] as Record<string, unknown>));
}

/** A valid shard summary, as `fuzz --summary-json` writes it (counts trimmed to what is read). */
export function summaryText(edit: (summary: Record<string, unknown>) => void = () => {}): string {
  const summary: Record<string, unknown> = {
    seed: 1,
    runs: 2,
    actions: 10,
    failures: 0,
    calls: {},
    properties: {},
    reverts: {},
    campaign: {
      seed: 1,
      runs: 4,
      depth: 5,
      actors: 4,
      probes: 2,
      probeEvery: 4,
      contracts: 'abc',
      timeSeconds: null,
      shard: '0/2',
      counted: [[0, 2]],
      complete: true,
      failure: null,
    },
  };
  edit(summary);
  return JSON.stringify(summary, null, 2);
}
