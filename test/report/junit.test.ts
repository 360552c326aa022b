import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../fuzz/audit/findings.ts';
import { renderJUnit } from '../../fuzz/report/junit.ts';
import { auditSuite, replaySuite } from '../../fuzz/report/junit-suites.ts';
import { ensureTool, validateXml } from '../support/ci-tools.ts';

const work = mkdtempSync(join(tmpdir(), 'cliffless-junit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const missingXmllint = ensureTool('xmllint', 'libxml2-utils');

function finding(overrides: Partial<Finding>): Finding {
  return {
    key: 'redeem outcome.returns[0]',
    kind: 'redeem',
    path: 'outcome.returns[0]',
    allowedBy: undefined,
    verdict: 'regression',
    runs: 3,
    firstRun: 0,
    originalLength: 20,
    shrunk: true,
    steps: ['createSeries caller=alice', 'redeem caller=dave seriesId=#0 pAmount=1'],
    outcomes: { model: 'ok returns [0]', base: 'ok returns [0]', next: 'ok returns [1]' },
    differences: [{ path: 'outcome.returns[0]', base: '0', next: '1' }],
    tracePath: 'audit/audit-seed1-redeem.json',
    modelDivergence: { next: 1 },
    ...overrides,
  };
}

function validated(xml: string, name: string): string {
  const file = join(work, name);
  writeFileSync(file, xml);
  return file;
}

describe('JUnit reports', () => {
  it('an audit: a failing case per difference, an allowed one skipped with its reason', ({ skip }) => {
    const xml = renderJUnit([
      auditSuite(
        [
          finding({}),
          finding({
            kind: 'split',
            path: 'outcome.events[1]',
            allowedBy: { action: 'split', path: 'outcome.events[1]', reason: 'the new event is intended' },
          }),
        ],
        { base: 'origin/main', next: 'contracts' },
        100,
      ),
    ]);
    expect(xml).toContain(
      '<testsuite name="cliffless audit origin/main → contracts" tests="2" failures="1" errors="0" skipped="1">',
    );
    expect(xml).toContain('<failure message="redeem at outcome.returns[0]: base 0, new 1" type="redeem">');
    expect(xml).toContain('replay with: npx cliffless replay audit/audit-seed1-redeem.json --contracts contracts');
    expect(xml).toContain('<skipped message="allowed: the new event is intended"/>');
    if (missingXmllint !== undefined) skip(missingXmllint);
    expect(validateXml(validated(xml, 'audit.xml')).ok).toBe(true);
  });

  it('an audit with no difference is one passing case, not an empty report', () => {
    const xml = renderJUnit([auditSuite([], { base: 'main', next: 'contracts' }, 100)]);
    expect(xml).toMatch(/<testcase name="no behaviour difference in 100 runs" classname="cliffless.audit"\/>/);
  });

  it('escapes markup and drops characters XML cannot carry, so any message stays valid', ({ skip }) => {
    const xml = renderJUnit([
      replaySuite([
        {
          file: 'a&b<"c">.json',
          actions: 2,
          seconds: 0.5,
          failure: { id: 'M2', message: 'bad \u0001 <value> & "quote"', text: 'line 1\nline <2>', tracePath: 'x.json' },
        },
      ]),
    ]);
    expect(xml).toContain('name="a&amp;b&lt;&quot;c&quot;&gt;.json"');
    expect(xml).toContain('message="bad  &lt;value&gt; &amp; &quot;quote&quot;"');
    expect(xml).not.toContain('\u0001');
    if (missingXmllint !== undefined) skip(missingXmllint);
    expect(validateXml(validated(xml, 'escaped.xml')).ok).toBe(true);
  });
});
