import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, type Command } from '../../fuzz/cli/commands.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';
import { ROOT } from '../support/cli.ts';
import { runMain } from './run-main.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-hardening-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const BIN = join(ROOT, 'bin', 'cliffless.mjs');

/** A copy of contracts/ whose split locks one unit more than it takes: D1 fails at the first split. */
function lockingTooMuch(): string {
  const dir = join(work, 'locks-too-much');
  if (existsSync(dir)) return dir;
  cpSync(join(ROOT, 'contracts'), dir, { recursive: true });
  const file = join(dir, 'SplitMarket.sol');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('s.locked += amount;')) throw new Error('SplitMarket.sol changed: update the variant');
  writeFileSync(file, text.replace('s.locked += amount;', 's.locked += amount + 1;'));
  return dir;
}

/**
 * Runs the CLI as a child under a time bound (the kill is the bound, not a timing assertion) and a
 * heap bound: a command that read /dev/zero whole or started 999 threads would die of it, not pass.
 */
function bounded(args: string[], options: { as?: number } = {}) {
  const node = [process.execPath, '--max-old-space-size=192', BIN, ...args];
  const command =
    options.as === undefined
      ? node
      : ['setpriv', `--reuid=${options.as}`, `--regid=${options.as}`, '--clear-groups', ...node];
  const result = spawnSync(command[0] as string, command.slice(1), {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', HOME: work },
    timeout: 90_000,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, signal: result.signal, out: `${result.stderr}${result.stdout}` };
}

describe('resources stay bounded on hostile input', () => {
  const fifo = join(work, 'fifo');
  execFileSync('mkfifo', [fifo]);
  it.each([
    ['replay /dev/zero', ['replay', '/dev/zero'], '/dev/zero: is not a regular file'],
    ['replay a FIFO nobody writes to', ['replay', fifo], 'is not a regular file'],
    ['fuzz --workers 999 --runs 2', ['fuzz', '--workers', '999', '--runs', '2'], '--workers 999 is more than'],
    ['fuzz --out /proc/x', ['fuzz', '--out', '/proc/x', '--runs', '1'], '--out /proc/x: '],
    ['fuzz --time 0s', ['fuzz', '--time', '0s'], '--time must be at least 1s'],
  ])('%s exits 2 at once, within the time and memory bound', (_, args, says) => {
    const result = bounded(args);
    expect(result.signal, result.out).toBeNull();
    expect(result.code, result.out).toBe(2);
    expect(result.out).toContain(says);
  });
});

describe('as a user who cannot write the folder (not root)', () => {
  // Running as nobody needs root, setpriv, and a checkout nobody can read (a clone inside a 0700
  // folder, as `mktemp -d` makes, is not): otherwise the case is skipped, saying why.
  const canDrop =
    process.getuid?.() === 0 &&
    spawnSync('setpriv', ['--help']).status === 0 &&
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', BIN]).status === 0;
  const locked = join(work, 'root-only');
  mkdirSync(locked);
  chmodSync(locked, 0o755);
  chmodSync(work, 0o755);
  const open = join(work, 'open-to-all');
  mkdirSync(open);
  chmodSync(open, 0o777);
  it.runIf(canDrop)('fuzz --out and --summary-json in a folder nobody may write are refused before any work', () => {
    const out = bounded(['fuzz', '--runs', '1', '--out', join(locked, 'traces')], { as: 65534 });
    expect(out.code, out.out).toBe(2);
    expect(out.out).toContain(`--out ${join(locked, 'traces')}: the folder ${locked} is not writable`);
    const summary = bounded(
      ['fuzz', '--runs', '1', '--out', join(open, 'traces'), '--summary-json', join(locked, 's.json')],
      {
        as: 65534,
      },
    );
    expect(summary.code, summary.out).toBe(2);
    expect(summary.out).toContain(`the folder ${locked} is not writable`);
    expect(readdirSync(locked)).toEqual([]);
  });
  it.skipIf(canDrop)('skipped: needs root, setpriv and a checkout nobody can read, to run the CLI as nobody', () => {});
});

describe('a result is never lost to an output error', () => {
  it('a failing campaign whose --out and --summary-json became unwritable prints its failure, its trace and its summary (exit 1 | 4)', async () => {
    const out = join(work, 'lost-traces');
    const summaryDir = join(work, 'lost-summary');
    mkdirSync(summaryDir);
    const summary = join(summaryDir, 's.json');
    let sabotaged = false;
    // Both paths are claimed before the work; once the campaign starts, they stop being writable:
    // a file takes the trace folder's place, and the summary's folder goes away.
    const result = await runMain(
      ['fuzz', '--contracts', lockingTooMuch(), '--runs', '5', '--out', out, '--summary-json', summary],
      (text) => {
        if (sabotaged || !text.startsWith('fuzzing:')) return;
        sabotaged = true;
        writeFileSync(out, 'in the way');
        rmSync(summaryDir, { recursive: true });
      },
    );
    expect(sabotaged).toBe(true);
    expect(result.code, result.stderr).toBe(5);
    expect(result.stdout).toMatch(/FAILURE \(shrunk from \d+ to \d+ actions\)/);
    expect(result.stdout).toContain('divergence [D1]');
    expect(result.stderr).toContain(`--out ${out}: could not write`);
    expect(result.stderr).toContain(`--summary-json ${summary}: could not write`);
    const trace = /----- BEGIN TRACE \(not written: .*\) -----\n([\s\S]*?)----- END TRACE -----/.exec(
      result.stdout,
    )?.[1];
    expect(trace).toBeDefined();
    expect(parseTrace(trace as string, 'printed').failure?.id).toBe('D1');
    const printed = /----- BEGIN SUMMARY JSON \(not written: .*\) -----\n([\s\S]*?)----- END SUMMARY JSON -----/.exec(
      result.stdout,
    );
    expect(JSON.parse(printed?.[1] as string).failures).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('in the way');
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('Ctrl-C during a campaign', () => {
  it('stops cleanly: the summary so far, the rerun command, the summary file, no temp file, exit 130', async () => {
    const dir = join(work, 'sigint');
    mkdirSync(dir);
    const child = spawn(
      process.execPath,
      [BIN, 'fuzz', '--runs', '100000', '--out', join(dir, 'traces'), '--summary-json', join(dir, 's.json')],
      {
        cwd: dir,
        env: { ...process.env, CI: 'true' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const started = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        // Give it a moment past deployment so that some runs are done.
        if (stderr.includes('fuzzing:')) setTimeout(resolve, 3000);
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    await Promise.race([started, exited]);
    child.kill('SIGINT');
    const code = await exited;
    clearTimeout(guard);
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted: finishing the work in progress');
    expect(stdout).toMatch(/^\d+ runs, \d+ actions in/m);
    expect(stdout).toContain('rerun with: npx cliffless fuzz --seed 1 --runs 100000');
    expect(stdout).toMatch(/interrupted by Ctrl-C after \d+ runs/);
    const written = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(written.campaign.complete).toBe(false);
    expect(readdirSync(dir)).toEqual(['s.json']);
  }, 150_000);
});

/** A copy of contracts/ with one edit in the plain token mock's constructor. */
function mockConstructor(name: string, statement: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'contracts'), dir, { recursive: true });
  const file = join(dir, 'test-mocks', 'MockERC20.sol');
  const anchor = '_decimals = decimals_;';
  const text = readFileSync(file, 'utf8');
  if (!text.includes(anchor)) throw new Error('MockERC20.sol changed: update the variant');
  writeFileSync(file, text.replace(anchor, `${anchor}\n        ${statement}`));
  return dir;
}

describe('contracts that misbehave before the first action', () => {
  it('a start state other than the model’s is a finding (exit 1), not an internal error', async () => {
    const result = await runMain([
      'fuzz',
      '--runs',
      '1',
      '--out',
      join(work, 't1'),
      '--contracts',
      mockConstructor('mints-at-start', '_mint(msg.sender, 1);'),
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('the contracts fail D1 before any action');
    expect(result.stderr).toContain('totalSupply');
  }, 60_000);

  it('a constructor that reverts under the harness’s arguments is refused (exit 2), naming the contract', async () => {
    const result = await runMain([
      'fuzz',
      '--runs',
      '1',
      '--out',
      join(work, 't2'),
      '--contracts',
      mockConstructor('refuses-18', 'require(decimals_ < 6);'),
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('the contracts do not deploy: deploying MockERC20 failed');
  }, 60_000);
});

describe('exit codes and what the tool says about itself', () => {
  it('an internal error exits 3 and says it is a bug of the tool, not a finding (1)', async () => {
    const boom: Command = {
      spec: { name: 'boom', summary: 'test only', usage: 'boom', flags: [], positionals: [] },
      run: async () => {
        throw new TypeError('something undefined');
      },
    };
    (COMMANDS as Command[]).push(boom);
    try {
      const result = await runMain(['boom']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('internal error (a bug in cliffless, not a finding');
      expect(result.stderr).toContain('TypeError: something undefined');
    } finally {
      (COMMANDS as Command[]).pop();
    }
  });

  it('cliffless --version prints the package version', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(await runMain(['--version'])).toEqual({ code: 0, stdout: `cliffless ${version}\n`, stderr: '' });
  });

  it('prove checks a payout library without mulDiv (a * (x - S) / x) instead of crashing', async () => {
    const source = readFileSync(join(ROOT, 'contracts/libraries/PayoutMath.sol'), 'utf8')
      .replace('Math.mulDiv(a, strike, x)', 'a * strike / x')
      .replace('Math.mulDiv(a, x - strike, x)', 'a * (x - strike) / x');
    expect(source).not.toContain('Math.mulDiv(');
    const file = join(work, 'PlainPayoutMath.sol');
    writeFileSync(file, source);
    const result = await runMain(['prove', '--suite', 'payout-math', '--engine', 'bmc', '--payout-math', file]);
    expect(result.stderr).not.toContain('internal error');
    expect([0, 1]).toContain(result.code);
    expect(result.stdout).toMatch(/\d+ proved, \d+ counterexamples?, \d+ unknown/);
  }, 120_000);
});
