import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  claimOutput,
  deliverOutput,
  OutputPathError,
  OutputWriteError,
  requireDistinct,
  writeIntoFolder,
  writeOutput,
} from '../../fuzz/io/output.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'cliffless-output-'));

describe('the output policy', () => {
  it('writes a new file atomically and leaves no temporary file', () => {
    const dir = scratch();
    const claim = claimOutput('json', join(dir, 'a.json'));
    writeOutput(claim, '{"a":1}\n');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('refuses an existing file without --force, naming the flag and the path, and keeps it', () => {
    const dir = scratch();
    const path = join(dir, 'keep.json');
    writeFileSync(path, 'precious');
    expect(() => claimOutput('summary-json', path)).toThrow(OutputPathError);
    expect(() => claimOutput('summary-json', path)).toThrow(`--summary-json ${path}: already exists`);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    writeOutput(claimOutput('summary-json', path, { force: true }), 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('refuses a folder, a missing folder, a parent that is a file, a FIFO-like special file and an empty path', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => claimOutput('out', dir)).toThrow('is a folder');
    expect(() => claimOutput('out', join(dir, 'missing', 'a.json'))).toThrow('does not exist');
    expect(() => claimOutput('out', join(dir, 'file', 'a.json'))).toThrow('is not a folder');
    expect(() => claimOutput('out', '/dev/null', { force: true })).toThrow('is not a regular file');
    expect(() => claimOutput('out', '')).toThrow('the path is empty');
  });

  it('refuses a folder under /proc without creating anything (one level only, never a chain)', () => {
    expect(() => claimOutput('out', '/proc/cliffless-x', { kind: 'folder' })).toThrow(OutputPathError);
    expect(() => claimOutput('out', '/proc/x/y/z', { kind: 'folder' })).toThrow('does not exist');
    expect(existsSync('/proc/cliffless-x')).toBe(false);
  });

  it('creates a folder one level deep and writes new files into it, never replacing one', () => {
    const dir = scratch();
    const claim = claimOutput('out', join(dir, 'traces'), { kind: 'folder' });
    const written = writeIntoFolder(claim, 't.json', 'one');
    expect(readFileSync(written, 'utf8')).toBe('one');
    expect(() => writeIntoFolder(claim, 't.json', 'two')).toThrow(OutputWriteError);
    expect(readFileSync(written, 'utf8')).toBe('one');
    expect(readdirSync(join(dir, 'traces'))).toEqual(['t.json']);
    expect(() => writeIntoFolder(claim, '../escape.json', 'x')).toThrow('not a plain file name');
  });

  it('refuses an existing file given as a folder', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => claimOutput('corpus', join(dir, 'f'), { kind: 'folder' })).toThrow('exists and is not a folder');
    expect(claimOutput('corpus', join(dir, 'd'), { kind: 'folder' }).kind).toBe('folder');
  });

  it('reports a write that fails after the claim and cleans its temporary file', () => {
    const dir = scratch();
    const target = join(dir, 'sub');
    mkdirSync(target);
    const claim = claimOutput('out', join(target, 'a.json'));
    // The folder disappears between the claim and the write (a full disk behaves the same way).
    writeFileSync(join(dir, 'placeholder'), '');
    rmSync(target, { recursive: true });
    expect(() => writeOutput(claim, 'data')).toThrow(OutputWriteError);
    expect(readdirSync(dir)).toEqual(['placeholder']);
  });

  it('proves a new folder creatable at the claim but creates it only when a file goes in', () => {
    const dir = scratch();
    const claim = claimOutput('out', join(dir, 'traces'), { kind: 'folder' });
    expect(readdirSync(dir)).toEqual([]);
    writeIntoFolder(claim, 'a.json', 'x');
    expect(readdirSync(join(dir, 'traces'))).toEqual(['a.json']);
  });

  it('delivers to the file, or prints the content between markers when the write fails after the claim', () => {
    const dir = scratch();
    const printed = { stdout: '', stderr: '' };
    const streams = {
      stdout: (text: string) => {
        printed.stdout += text;
      },
      stderr: (text: string) => {
        printed.stderr += text;
      },
    };
    const ok = deliverOutput(claimOutput('json', join(dir, 'r.json')), '{}\n', 'REPORT', undefined, streams);
    expect(ok.written).toBe(join(dir, 'r.json'));
    expect(printed.stdout).toBe('');

    const sub = join(dir, 'gone');
    mkdirSync(sub);
    const claim = claimOutput('json', join(sub, 'r.json'));
    rmSync(sub, { recursive: true });
    const lost = deliverOutput(claim, '{"kept": true}', 'REPORT', undefined, streams);
    expect(lost.lost).toBeInstanceOf(OutputWriteError);
    expect(printed.stderr).toContain(`--json ${join(sub, 'r.json')}: could not write`);
    expect(printed.stdout).toBe(
      `----- BEGIN REPORT (not written: ${join(sub, 'r.json')}) -----\n{"kept": true}\n----- END REPORT -----\n`,
    );
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('refuses two outputs of one command on the same path', () => {
    const dir = scratch();
    const a = claimOutput('markdown', join(dir, 'r'));
    const b = claimOutput('json', join(dir, '.', 'r'));
    expect(() => requireDistinct([a, undefined, b])).toThrow(
      `--json ${join(dir, '.', 'r')}: is also given as --markdown`,
    );
    expect(() => requireDistinct([a, claimOutput('json', join(dir, 's'))])).not.toThrow();
  });
});
