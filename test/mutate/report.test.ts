import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../fuzz/mutate/diff.ts';
import { renderMarkdown } from '../../fuzz/mutate/markdown.ts';
import type { Mutant } from '../../fuzz/mutate/mutant.ts';
import { buildReport, type ReportInput } from '../../fuzz/mutate/report.ts';
import type { MutantOutcome } from '../../fuzz/mutate/run-mutant.ts';
import { formatMutationSummary } from '../../fuzz/mutate/summary.ts';

const ORIGINAL = ['a', 'b', 'c', 'if (x || y) revert E();', 'd', 'e', 'f', 'g'].join('\n');

function mutant(id: string, operator: Mutant['operator'], original: string, replacement: string): Mutant {
  return {
    id,
    file: 'contracts/X.sol',
    line: 4,
    operator,
    original,
    replacement,
    source: ORIGINAL.replace(original, replacement),
  };
}

const mutants = [
  mutant('X.sol:4:logical:0', 'logical', 'x || y', 'x && y'),
  mutant('X.sol:4:delete-guard:0', 'delete-guard', 'if (x || y) revert E();', ''),
  mutant('X.sol:4:negate-condition:0', 'negate-condition', 'x || y', '!(x || y)'),
  mutant('X.sol:4:constant:0', 'constant', 'E()', 'E(1)'),
];
const outcomes: MutantOutcome[] = [
  {
    id: 'X.sol:4:logical:0',
    status: 'killed',
    killedBy: 'D1',
    violations: ['D1', 'M2'],
    detail: 'step 3: …',
    actionsToKill: 12,
    secondsToKill: 0.5,
    compileSeconds: 4,
    seconds: 5,
  },
  {
    id: 'X.sol:4:delete-guard:0',
    status: 'killed',
    killedBy: 'O4',
    violations: ['O4'],
    detail: 'step 9: …',
    actionsToKill: 40,
    secondsToKill: 1.5,
    compileSeconds: 4,
    seconds: 6,
  },
  {
    id: 'X.sol:4:negate-condition:0',
    status: 'survived',
    runs: 10,
    actions: 400,
    interrupted: false,
    compileSeconds: 4,
    seconds: 9,
  },
  {
    id: 'X.sol:4:constant:0',
    status: 'invalid',
    detail: 'TypeError: Wrong argument count for function call\n --> X.sol:4',
    compileSeconds: 1,
    seconds: 1,
  },
];
const input: ReportInput = {
  contracts: 'contracts',
  budget: { seed: 1, runs: 10, depth: 100, jobs: 2 },
  baseline: { killed: false, runs: 10, actions: 400, seconds: 2, interrupted: false },
  mutants,
  outcomes,
  originals: { 'contracts/X.sol': ORIGINAL },
  seconds: 21,
};

describe('the mutation report', () => {
  const report = buildReport(input);

  it('counts, scores (killed / (killed + survived)) and groups by operator and file', () => {
    expect(report.total).toEqual({ mutants: 4, killed: 2, survived: 1, equivalent: 0, invalid: 1, score: 2 / 3 });
    expect(Object.keys(report.byOperator)).toEqual(['logical', 'negate-condition', 'delete-guard', 'constant']);
    expect(report.byOperator.constant).toEqual({
      mutants: 1,
      killed: 0,
      survived: 0,
      equivalent: 0,
      invalid: 1,
      score: null,
    });
    expect(report.byFile['contracts/X.sol']?.score).toBe(2 / 3);
    expect(report.checks).toEqual(['D1', 'M2', 'O4']);
    expect(report.mutants.map((m) => m.status)).toEqual(['killed', 'killed', 'survived', 'invalid']);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('renders the kill matrix (K the killer, x the other failures of that step), survivor diffs and invalid reasons', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('**4 mutants: 2 killed, 1 survived, 1 invalid (do not compile); mutation score 66.7% (2/3)**');
    expect(md).toContain('| mutant | D1 | M2 | O4 |');
    expect(md).toContain('| `X.sol:4:logical:0` | **K** | x |  |');
    expect(md).toContain('| `X.sol:4:delete-guard:0` |  |  | **K** |');
    // Pipes inside code are escaped so the table keeps its columns.
    expect(md).toContain('`x \\|\\| y` → `x && y`');
    expect(md).toContain('### `X.sol:4:negate-condition:0`');
    expect(md).toContain('```diff\n--- a/contracts/X.sol\n+++ b/contracts/X.sol\n@@ -1,7 +1,7 @@');
    expect(md).toContain('-if (x || y) revert E();\n+if (!(x || y)) revert E();');
    expect(md).toContain(
      '- `X.sol:4:constant:0` (`E()` → `E(1)`): `TypeError: Wrong argument count for function call`',
    );
  });

  it('prints a terminal summary with the survivors', () => {
    const text = formatMutationSummary(report);
    expect(text).toContain('mutation score 66.7% (2/3)');
    expect(text).toContain('killed by: D1 1, O4 1');
    expect(text).toContain('X.sol:4:negate-condition:0  `x || y` → `!(x || y)`');
  });

  it('refuses outcomes that do not match the mutants', () => {
    expect(() => buildReport({ ...input, outcomes: outcomes.slice(1) })).toThrow(/no outcome for X.sol:4:logical:0/);
  });
});

describe('unifiedDiff', () => {
  it('shows one hunk with three lines of context, a deleted line included', () => {
    const deleted = ORIGINAL.replace('if (x || y) revert E();\n', '');
    expect(unifiedDiff('f.sol', ORIGINAL, deleted)).toBe(
      '--- a/f.sol\n+++ b/f.sol\n@@ -1,7 +1,6 @@\n a\n b\n c\n-if (x || y) revert E();\n d\n e\n f\n',
    );
    expect(unifiedDiff('f.sol', ORIGINAL, ORIGINAL)).toBe('');
  });
});
