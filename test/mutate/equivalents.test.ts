import { describe, expect, it } from 'vitest';
import { CliflessError } from '../../fuzz/errors.ts';
import { matchDeclarations, parseEquivalentList } from '../../fuzz/mutate/equivalents.ts';
import { renderMarkdown } from '../../fuzz/mutate/markdown.ts';
import type { Mutant } from '../../fuzz/mutate/mutant.ts';
import { buildReport } from '../../fuzz/mutate/report.ts';
import type { MutantOutcome } from '../../fuzz/mutate/run-mutant.ts';
import { formatMutationSummary } from '../../fuzz/mutate/summary.ts';

const ORIGINAL = ['a', 'if (x <= y) {', '    revert E();', '}', 'b'].join('\n');

function mutant(id: string, operator: Mutant['operator'], original: string, replacement: string): Mutant {
  return {
    id,
    file: 'contracts/X.sol',
    line: 2,
    operator,
    original,
    replacement,
    source: ORIGINAL.replace(original, replacement),
  };
}

const BOUNDARY = mutant('X.sol:2:relational-boundary:0', 'relational-boundary', 'x <= y', 'x < y');
const GUARD = mutant('X.sol:2:delete-guard:0', 'delete-guard', 'if (x <= y) {\n    revert E();\n}', '');
const NEGATE = mutant('X.sol:2:negate-condition:0', 'negate-condition', 'x <= y', '!(x <= y)');
const MUTANTS = [BOUNDARY, GUARD, NEGATE];

const entry = (id: string, original: string, reason = 'no input tells them apart') => ({ id, original, reason });
const list = (...entries: ReturnType<typeof entry>[]) => JSON.stringify({ equivalent: entries });

function refusal(text: string): string {
  try {
    parseEquivalentList(text, 'eq.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CliflessError);
    expect((error as CliflessError).exitCode).toBe(2);
    return (error as CliflessError).message;
  }
  throw new Error('accepted');
}

describe('declarations file', () => {
  it('reads entries, with an optional $schema link', () => {
    const text = JSON.stringify({
      $schema: './fuzz/mutate/equivalent.schema.json',
      equivalent: [entry(BOUNDARY.id, 'x <= y')],
    });
    expect(parseEquivalentList(text, 'eq.json')).toEqual({ file: 'eq.json', entries: [entry(BOUNDARY.id, 'x <= y')] });
  });

  it.each([
    ['not JSON', '{"equivalent": [', /^eq\.json: \(file\): not valid JSON/],
    ['not an object', '[]', /^eq\.json: \(file\): expected a JSON object with an "equivalent" array$/],
    ['no list', '{}', /^eq\.json: equivalent: missing/],
    ['a list that is not one', '{"equivalent": {}}', /^eq\.json: equivalent: expected an array of entries$/],
    [
      'a missing reason',
      '{"equivalent": [{"id": "X.sol:2:constant:0", "original": "0"}]}',
      /^eq\.json: equivalent\[0\]\.reason: missing/,
    ],
    [
      'an empty reason',
      list(entry('X.sol:2:constant:0', '0', '  ')),
      /^eq\.json: equivalent\[0\]\.reason: must not be empty$/,
    ],
    [
      'an unknown field',
      '{"equivalent": [{"id": "X.sol:2:constant:0", "original": "0", "reason": "r", "why": 1}]}',
      /^eq\.json: equivalent\[0\]\.why: unknown field$/,
    ],
    [
      'a number for text',
      '{"equivalent": [{"id": "X.sol:2:constant:0", "original": 0, "reason": "r"}]}',
      /^eq\.json: equivalent\[0\]\.original: expected a string$/,
    ],
    [
      'a malformed id',
      list(entry('X.sol:2:constant:0', '0'), entry('PayoutMath.sol:14', 'x')),
      /^eq\.json: equivalent\[1\]\.id: not a mutant id/,
    ],
    [
      'an id twice',
      list(entry('X.sol:2:constant:0', '0'), entry('X.sol:2:constant:0', '0')),
      /^eq\.json: equivalent\[1\]\.id: X\.sol:2:constant:0 is declared twice \(also equivalent\[0\]\)$/,
    ],
    ['a key twice', '{"equivalent": [], "equivalent": []}', /^eq\.json: equivalent: the key appears twice/],
  ])('refuses %s, naming the file and the field', (_, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('applies an entry whose id and text match (white space aside) and reports the others as stale', () => {
    const declarations = matchDeclarations(
      parseEquivalentList(
        list(
          entry(GUARD.id, 'if (x <= y) { revert E(); }'),
          entry(BOUNDARY.id, 'x < y'),
          entry('X.sol:9:constant:0', '0'),
        ),
        'eq.json',
      ),
      MUTANTS,
    );
    expect([...declarations.byId.keys()]).toEqual([GUARD.id]);
    expect(declarations.declared).toBe(3);
    expect(declarations.stale.map((s) => [s.id, s.problem])).toEqual([
      [BOUNDARY.id, 'the mutant with this id now replaces `x <= y`'],
      ['X.sol:9:constant:0', 'no mutant has this id (find it again with `cliffless mutate --list`)'],
    ]);
  });
});

const outcome = (id: string, status: MutantOutcome['status'], killedBy?: string): MutantOutcome =>
  status === 'killed'
    ? {
        id,
        status,
        killedBy: killedBy ?? 'D1',
        violations: [killedBy ?? 'D1'],
        detail: 'step 2: balances differ',
        actionsToKill: 5,
        secondsToKill: 0.1,
        compileSeconds: 1,
        seconds: 2,
      }
    : { id, status, runs: 10, actions: 300, interrupted: false, compileSeconds: 1, seconds: 3 };

function reportWith(statuses: MutantOutcome['status'][], declared: string) {
  return buildReport({
    contracts: 'contracts',
    budget: { seed: 1, runs: 10, depth: 100, jobs: 2 },
    baseline: { killed: false, runs: 10, actions: 300, seconds: 1, interrupted: false },
    mutants: MUTANTS,
    outcomes: MUTANTS.map((m, i) => outcome(m.id, statuses[i] ?? 'survived')),
    originals: { 'contracts/X.sol': ORIGINAL },
    seconds: 9,
    declarations: matchDeclarations(parseEquivalentList(declared, 'eq.json'), MUTANTS),
  });
}

describe('a report with declared equivalents', () => {
  it('leaves a declared survivor out of the score, and counts an undeclared one', () => {
    const report = reportWith(
      ['survived', 'killed', 'survived'],
      list(entry(BOUNDARY.id, 'x <= y', 'x == y pays the same')),
    );
    expect(report.total).toEqual({ mutants: 3, killed: 1, survived: 1, equivalent: 1, invalid: 0, score: 1 / 2 });
    expect(report.mutants[0]).toMatchObject({ status: 'equivalent', declaredEquivalent: 'x == y pays the same' });
    expect(report.equivalents).toEqual({ file: 'eq.json', declared: 1, inRun: 1, wrong: [], stale: [] });
    const md = renderMarkdown(report);
    expect(md).toContain(
      '**3 mutants: 1 killed, 1 survived, 1 declared equivalent, 0 invalid (do not compile); mutation score 50.0% (1/2)**',
    );
    expect(md).toContain('| operator | mutants | killed | survived | equivalent | invalid | score |');
    expect(md).toContain('| relational-boundary | 1 | 0 | 0 | 1 | 0 | n/a |');
    expect(md).toContain('## Declared equivalent (1)');
    expect(md).toContain('- `X.sol:2:relational-boundary:0` (`x <= y` → `x < y`): x == y pays the same');
    expect(md).not.toContain('the declaration is wrong');
    const text = formatMutationSummary(report);
    expect(text).toContain(
      '3 mutants: 1 killed, 1 survived, 1 declared equivalent, 0 invalid (do not compile); mutation score 50.0% (1/2)',
    );
    expect(text).toMatch(/^operator +mutants +killed +survived +equivalent +invalid +score$/m);
    expect(text).toContain(
      'declared equivalent in eq.json: 1 entry, 1 in this run: 1 survived as declared (left out of the score), 0 killed, 0 stale',
    );
    expect(text).toContain('survivors (1):\n  X.sol:2:negate-condition:0');
  });

  it('counts a declared mutant that was killed as killed, and reports the declaration as wrong', () => {
    const report = reportWith(
      ['killed', 'survived', 'survived'],
      list(entry(BOUNDARY.id, 'x <= y', 'x == y pays the same')),
    );
    expect(report.total).toMatchObject({ killed: 1, survived: 2, equivalent: 0, score: 1 / 3 });
    expect(report.equivalents?.wrong).toEqual([{ id: BOUNDARY.id, killedBy: 'D1', reason: 'x == y pays the same' }]);
    const md = renderMarkdown(report);
    expect(md).toContain('## Declared equivalent but killed: the declaration is wrong (1)');
    expect(md).toContain(
      '- `X.sol:2:relational-boundary:0`: killed by **D1** (`step 2: balances differ`). Declared: x == y pays the same',
    );
    expect(md).toContain('| killed by **D1** (declared equivalent: **wrong**) |');
    // Prominent: above the tallies.
    expect(md.indexOf('the declaration is wrong')).toBeLessThan(md.indexOf('## By operator'));
    expect(formatMutationSummary(report)).toContain(
      'DECLARED EQUIVALENT BUT KILLED: the declaration is wrong (1; counted as killed):\n  X.sol:2:relational-boundary:0  killed by D1; declared: x == y pays the same',
    );
  });

  it('reports a stale entry and does not apply it', () => {
    const report = reportWith(['survived', 'killed', 'killed'], list(entry(BOUNDARY.id, 'x >= y')));
    expect(report.mutants[0]?.status).toBe('survived');
    expect(report.total).toMatchObject({ killed: 2, survived: 1, equivalent: 0 });
    expect(report.equivalents).toMatchObject({
      declared: 1,
      inRun: 0,
      stale: [{ id: BOUNDARY.id, original: 'x >= y' }],
    });
    expect(renderMarkdown(report)).toContain(
      '## Stale declarations (1), not applied\n\nThese entries of `eq.json` no longer name the mutant they were written for',
    );
    expect(formatMutationSummary(report)).toContain(
      'stale declarations, not applied (1):\n  X.sol:2:relational-boundary:0  `x >= y`: the mutant with this id now replaces `x <= y`',
    );
  });
});
