import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { interruptWhen } from '../support/interrupt.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-bench-sigint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a TypeScript script as `npm run bench` does: node with tsx's loader, no tsx process between. */
const interruptScript = (script: string, args: string[], ready: (printed: string) => boolean) =>
  interruptWhen(['--import', 'tsx', script, ...args], ready, { cwd: ROOT, guardMs: 60_000 });

/** Whether `pid` still runs (a zombie, dead but not yet reaped, does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('npm run bench on Ctrl-C', () => {
  it('stops in the middle of a campaign, exits 130, and writes no --json, not even a temporary file', async () => {
    const dir = mkdtempSync(join(work, 'run-'));
    const json = join(dir, 'figures.json');
    const args = ['--quick', '--no-forge', '--no-scale', '--no-drift', '--json', json];
    const ended = await interruptScript('bench/run.ts', args, (printed) => printed.includes('warm-up:'));
    expect(ended.stdout).toContain(`interrupted by Ctrl-C: no figures, --json ${json} not written`);
    expect(ended.stdout).toContain(`rerun with: npm run bench -- ${args.join(' ')}`);
    expect(ended.stdout).not.toContain('where the time goes');
    expect(ended.code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops the process it waits on, and what that process started', async () => {
    const pidFile = join(work, 'sleep.pid');
    const ended = await interruptScript(
      'test/bench/fixtures/interrupted-process.ts',
      [pidFile],
      () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'),
    );
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(ended.stdout).toBe('interrupted\n');
    expect(ended.code).toBe(130);
    expect(running(pid)).toBe(false);
  });
});
