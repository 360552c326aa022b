import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderInChromium } from '../support/chromium.ts';
import { ensureTool } from '../support/ci-tools.ts';
import { ROOT, runCliffless } from '../support/cli.ts';

// The coverage report and the trace page, opened in a real headless Chromium. Screenshots go to a
// temporary folder of this run (printed, so one can be looked at; never committed).
const work = mkdtempSync(join(tmpdir(), 'cliffless-pages-'));
const shots = join(work, 'screenshots');
const missingChromium = ensureTool('chromium', 'chromium');
mkdirSync(shots);
afterAll(() => {
  if (process.env.CLIFFLESS_KEEP_SCREENSHOTS === undefined) rmSync(work, { recursive: true, force: true });
  else process.stderr.write(`screenshots kept in ${shots}\n`);
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('HTML reports in a headless browser', () => {
  const coverage = join(work, 'coverage');
  let fuzz: ReturnType<typeof runCliffless>;
  beforeAll(() => {
    fuzz = runCliffless([
      'fuzz',
      '--runs',
      '2',
      '--depth',
      '30',
      '--coverage',
      '--coverage-out',
      join(work, 'lcov.info'),
      '--html',
      coverage,
    ]);
  });

  it('fuzz --coverage --html: index and a source page with hit counts and branches not taken', ({ skip }) => {
    expect(fuzz.code, fuzz.stderr).toBe(0);
    expect(fuzz.stdout).toContain(`HTML to `);
    expect(readdirSync(coverage)).toContain('index.html');
    if (missingChromium !== undefined) skip(missingChromium);
    const index = renderInChromium(join(coverage, 'index.html'), shots, 'coverage-index');
    expect(index.png.subarray(0, 4)).toEqual(PNG);
    expect(index.dom).toContain('SplitMarket.sol');
    expect(index.dom).toMatch(/Statements/);
    const page = renderInChromium(join(coverage, 'SplitMarket.sol.html'), shots, 'coverage-splitmarket');
    // Hit counts beside the source, and istanbul's marker of a branch way that never ran.
    expect(page.dom).toMatch(/<span class="cline-any cline-yes">\d+x<\/span>/);
    expect(page.dom.replace(/<[^>]+>/g, '')).toContain('function redeem(');
    expect(page.dom).toMatch(/class="missing-if-branch"/);
  });

  it('fuzz --html refuses a folder that is not empty, before any work', () => {
    const full = join(work, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    const refused = runCliffless([
      'fuzz',
      '--runs',
      '1',
      '--coverage',
      '--coverage-out',
      join(work, 'other.info'),
      '--html',
      full,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--html ${full}: is not empty`);
    expect(readdirSync(full)).toEqual(['keep.txt']);
  });

  it('replay --html: one self-contained page, the failing step with both sides side by side', ({ skip }) => {
    // A trace whose expectation the contracts do not meet: the replay fails at that step.
    const trace = JSON.parse(readFileSync(join(ROOT, 'test', 'traces', 'settle-at-strike.json'), 'utf8'));
    trace.actions[1].expect.events = ['Transfer', 'Split'];
    const file = join(work, 'unmet.json');
    writeFileSync(file, JSON.stringify(trace));
    const html = join(work, 'trace.html');
    const replay = runCliffless(['replay', file, '--html', html]);
    expect(replay.code, replay.stderr).toBe(1);
    expect(replay.stdout).toContain(`trace page written to ${html}`);
    const source = readFileSync(html, 'utf8');
    // Self-contained: nothing loaded from anywhere.
    expect(source).not.toMatch(/<script|<link|src=|url\(/);
    if (missingChromium !== undefined) skip(missingChromium);
    const page = renderInChromium(html, shots, 'trace-page');
    expect(page.png.subarray(0, 4)).toEqual(PNG);
    expect(page.dom).toContain('FAIL at step 1: [expect]');
    expect(page.dom).toMatch(
      /<div class="sides" id="sides">\s*<section><h3>model \(reference\)<\/h3>[\s\S]*?<\/section>\s*<section><h3>EVM \(contracts\)<\/h3>/,
    );
    expect(page.dom).toMatch(/<li class="failing">\s*<div class="action"><b>1<\/b>\s+split caller=alice/);
    expect(page.dom).toContain('state.tokens.WETH.balances.alice');
    expect(page.dom).toContain('<span>SeriesCreated</span>');
  });
});
