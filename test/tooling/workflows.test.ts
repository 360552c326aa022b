import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));
const work = mkdtempSync(join(tmpdir(), 'cliffless-workflows-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** @action-validator/cli checks a workflow against GitHub's workflow schema (offline: it is WebAssembly). */
function lint(file: string): { code: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs'), file],
    {
      encoding: 'utf8',
    },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('GitHub workflows', () => {
  it('are the three the docs describe', () => {
    expect(files.sort()).toEqual(['audit.yml', 'deep-campaign.yml', 'test.yml']);
  });

  it.each(files)('%s lints clean', (name) => {
    const result = lint(join(WORKFLOWS, name));
    expect(result.code, result.output).toBe(0);
  });

  it('the linter rejects a broken workflow (the check can fail)', () => {
    const broken = join(work, 'broken.yml');
    writeFileSync(broken, readFileSync(join(WORKFLOWS, 'test.yml'), 'utf8').replace('runs-on:', 'runs_on:'));
    const result = lint(broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Additional property 'runs_on' is not allowed");
  });

  it.each(files)('%s is shown verbatim in docs/ci.md', (name) => {
    const docs = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
    expect(docs).toContain(
      `\`.github/workflows/${name}\`:\n\n\`\`\`yaml\n${readFileSync(join(WORKFLOWS, name), 'utf8')}\`\`\``,
    );
  });
});
