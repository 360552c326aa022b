import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../fuzz/audit/audit.ts';
import type { Finding } from '../../fuzz/audit/findings.ts';
import { auditMarkdown, type ReportContext } from '../../fuzz/audit/markdown.ts';

/** A Markdown table line's cells: split on the pipes that are not escaped. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Every table of a Markdown text, as its lines (header, rule, rows). */
function tables(markdown: string): string[][] {
  return markdown
    .split(/\n(?!\|)/)
    .map((block) => block.split('\n').filter((line) => line.startsWith('|')))
    .filter((block) => block.length > 0);
}

function finding(n: number, allowed: boolean): Finding {
  return {
    key: `k${n}`,
    kind: 'split',
    path: `returns[0]|${n}`,
    allowedBy: allowed ? { action: 'split', path: 'returns', reason: 'either | or' } : undefined,
    verdict: allowed ? 'fix' : 'regression',
    runs: 2,
    firstRun: 0,
    originalLength: 9,
    shrunk: true,
    steps: ['split alice #0 1', 'merge bob #0 1'],
    outcomes: { model: 'ok', base: 'ok', next: 'revert X()' },
    differences: [{ path: 'returns[0]', base: 'a|b`c', next: 'x'.repeat(100) }],
    tracePath: `traces/audit-${n}.json`,
    modelDivergence: { next: 1 },
  } as Finding;
}

const context: ReportContext = {
  base: { label: 'main', replay: { contractsDir: '/tmp/base' } },
  next: { label: 'work', contractsDir: 'contracts' },
  seed: 1,
  depth: 20,
};
const gasRow = (median: bigint) => ({
  kind: 'split' as const,
  calls: 3,
  base: { median: 1000n, mean: 1100n },
  next: { median, mean: 1100n },
});
const result = (median: bigint): AuditResult => ({
  runs: 5,
  actions: 100,
  groups: [],
  gas: [gasRow(median)],
  modelDivergence: { base: 0, next: 0 },
  mode: 'open-loop',
});

describe('the audit report in Markdown', () => {
  const md = auditMarkdown(result(1200n), [finding(1, false), finding(2, true)], context);

  it('keeps every table row as wide as its header, whatever pipes the values hold', () => {
    const found = tables(md);
    expect(found.map((t) => cells(t[0] ?? '')[0])).toEqual(['#', 'action']);
    for (const table of found) {
      const width = cells(table[0] ?? '').length;
      for (const line of table) expect(cells(line)).toHaveLength(width);
    }
    expect(md).toContain("| 1 | `split` | `returns[0]\\|1` | `a\\|b'c` | `");
    expect(md).toContain('| 2 | allowed: either \\| or |');
    expect(md).toContain('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    expect(md).toContain('| `split` | 3 | 1,000 | 1,200 | +200 | +20.00% | 1,100 | 1,100 | ±0.00% |');
  });

  it('writes values outside tables as they are (a code span shows a backslash literally)', () => {
    expect(md).toContain("- `returns[0]`: `a|b'c` → `");
    expect(md).toContain(`${'x'.repeat(80)}…\``);
  });

  it('folds an unchanged gas table away', () => {
    const quiet = auditMarkdown(result(1000n), [], context);
    expect(quiet).toContain('**no behaviour difference found.**');
    expect(quiet).toContain('<details><summary>No median changed (table)</summary>');
    expect(tables(quiet)).toHaveLength(1);
  });
});
