import { markdownTable } from '../table.ts';
import { entryCount } from './equivalents.ts';
import type { MutationReport, ReportedMutant, Tally } from './report.ts';

/**
 * A snippet as inline code on one line, long ones cut, a backtick (which would end the code span)
 * shown as a quote. Pipes are left as they are: markdownTable escapes a table's cells, and outside a
 * table a code span shows a backslash literally.
 */
export function cellCode(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut === '' ? '*(nothing)*' : `\`${cut.replaceAll('`', "'")}\``;
}

/** A score as a percentage with one decimal, or `n/a`. */
export function percent(score: number | null): string {
  return score === null ? 'n/a' : `${(score * 100).toFixed(1)}%`;
}

/**
 * `12 mutants: 8 killed, 2 survived, 1 declared equivalent, 1 invalid (do not compile); mutation
 * score 80.0% (8/10)`; the declared count only when there are some.
 */
export function tallyLine(t: Tally): string {
  return (
    `${t.mutants} mutants: ${t.killed} killed, ${t.survived} survived, ` +
    `${t.equivalent > 0 ? `${t.equivalent} declared equivalent, ` : ''}${t.invalid} invalid (do not compile); ` +
    `mutation score ${percent(t.score)} (${t.killed}/${t.killed + t.survived})`
  );
}

/**
 * The header and cells of a tally table's rows; the `equivalent` column only when the run used a
 * declarations file (`withEquivalent`), so a run without one reads as it always did.
 */
export function tallyColumns(
  title: string,
  groups: Record<string, Tally>,
  withEquivalent: boolean,
): { header: string[]; rows: string[][] } {
  const counts = (t: Tally) => [t.mutants, t.killed, t.survived, ...(withEquivalent ? [t.equivalent] : []), t.invalid];
  return {
    header: [title, 'mutants', 'killed', 'survived', ...(withEquivalent ? ['equivalent'] : []), 'invalid', 'score'],
    rows: Object.entries(groups).map(([name, t]) => [name, ...counts(t).map(String), percent(t.score)]),
  };
}

function tallyTable(title: string, groups: Record<string, Tally>, withEquivalent: boolean): string[] {
  const { header, rows } = tallyColumns(title, groups, withEquivalent);
  const align = header.map((_, i) => (i === 0 ? ('left' as const) : ('right' as const)));
  return markdownTable(header, rows, align, 'compact').split('\n');
}

function outcomeCell(m: ReportedMutant): string {
  if (m.status === 'killed')
    return `killed by **${m.killedBy}**${m.declaredEquivalent === undefined ? '' : ' (declared equivalent: **wrong**)'}`;
  if (m.status === 'invalid') return 'invalid';
  if (m.status === 'equivalent') return 'declared equivalent';
  return m.interrupted === true ? 'survived (time budget)' : '**survived**';
}

/**
 * The full report: summary, tallies by operator and file, every mutant, the kill matrix, each
 * survivor's diff (so an auditor can judge whether it is equivalent) and why each invalid mutant
 * does not compile.
 */
export function renderMarkdown(report: MutationReport): string {
  const b = report.budget;
  const survivors = report.mutants.filter((m) => m.status === 'survived');
  const killed = report.mutants.filter((m) => m.status === 'killed');
  const invalid = report.mutants.filter((m) => m.status === 'invalid');
  const equivalent = report.mutants.filter((m) => m.status === 'equivalent');
  const withEquivalent = report.equivalents !== undefined;
  const lines = [
    '# Mutation testing of the contracts (`cliffless mutate`)',
    '',
    `**${tallyLine(report.total)}**`,
    '',
    `Contracts: \`${report.contracts}\`.${declarationsSentence(report)} Each mutant: a differential campaign (model against the mutated contracts, every property checked) with seed ${b.seed}, up to ${b.runs} runs of up to ${b.depth} actions${b.timeSeconds === undefined ? '' : `, at most ${b.timeSeconds} s`}${b.guided === true ? ', chosen by the guided loop directed at the mutated line' : ''}, stopping at the first failure; ${b.jobs} worker${b.jobs === 1 ? '' : 's'}; ${report.seconds.toFixed(1)} s in all. The unmutated contracts passed the same campaign (${report.baseline.runs} runs, ${report.baseline.actions} actions).`,
    '',
    ...declarationProblems(report),
    '## By operator',
    '',
    ...tallyTable('operator', report.byOperator, withEquivalent),
    '',
    '## By file',
    '',
    ...tallyTable('file', report.byFile, withEquivalent),
    '',
    '## Mutants',
    '',
    ...mutantTable(report.mutants),
    '',
    '## Kill matrix',
    '',
    'Killed mutants × checks: **K** is the check that killed the mutant (the first failure of its campaign); ' +
      'x marks every other check that failed on that same step. Properties are still checked on a step where ' +
      'the model and the EVM diverge (D1), so a row with only **K** under D1 is a mutant that only the reference model caught there.',
    '',
    ...killMatrix(report, killed),
    '',
    `## Survivors (${survivors.length})`,
    '',
    survivors.length === 0
      ? equivalent.length === 0
        ? 'None: every mutant that compiles was killed.'
        : 'None but the declared equivalents below: every other mutant that compiles was killed.'
      : 'No campaign failed on these. Each is either equivalent to the original (no input can tell them apart) or a gap in what the harness checks; the diff is for judging which.',
    ...survivors.flatMap((m) => [
      '',
      `### \`${m.id}\``,
      '',
      `${m.runs ?? 0} runs, ${m.actions ?? 0} actions, no failure${m.interrupted === true ? ' (stopped by the time budget)' : ''}.${m.reach === undefined ? '' : ` The mutated line's branch directions reached: ${m.reach.reached} of ${m.reach.total}.`}`,
      '',
      '```diff',
      m.diff.trimEnd(),
      '```',
    ]),
    ...(withEquivalent
      ? [
          '',
          `## Declared equivalent (${equivalent.length})`,
          '',
          equivalent.length === 0
            ? 'No declared mutant of this run survived.'
            : 'Survived, as declared: left out of the score. Each was run like every other mutant, so a declaration that stops being true shows up as a kill.',
          ...(equivalent.length === 0 ? [] : ['']),
          ...equivalent.map(
            (m) =>
              `- \`${m.id}\` (${cellCode(m.original, 40)} → ${cellCode(m.replacement, 40)}): ${m.declaredEquivalent}`,
          ),
        ]
      : []),
    '',
    `## Invalid (${invalid.length})`,
    '',
    invalid.length === 0 ? 'Every mutant compiled.' : 'These do not compile and are not counted in the score.',
    ...(invalid.length === 0 ? [] : ['']),
    ...invalid.map(
      (m) => `- \`${m.id}\` (${cellCode(m.original, 40)} → ${cellCode(m.replacement, 40)}): ${firstLine(m.detail)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function declarationsSentence(report: MutationReport): string {
  const e = report.equivalents;
  if (e === undefined) return '';
  return ` Declared equivalent mutants: \`${e.file}\` (${entryCount(e.declared)}, ${e.inRun} in this run, ${e.stale.length} stale); a declared mutant is still run, and left out of the score only if it survives.`;
}

/** The wrong and the stale declarations, right under the summary: they need someone to act. */
function declarationProblems(report: MutationReport): string[] {
  const e = report.equivalents;
  if (e === undefined) return [];
  const byId = new Map(report.mutants.map((m) => [m.id, m]));
  const lines: string[] = [];
  if (e.wrong.length > 0) {
    lines.push(
      `## Declared equivalent but killed: the declaration is wrong (${e.wrong.length})`,
      '',
      `\`${e.file}\` declares these equivalent, yet a campaign told them apart from the original. They count as killed; remove the declaration (or find out why the contracts no longer match it).`,
      '',
      ...e.wrong.map(
        (w) =>
          `- \`${w.id}\`: killed by **${w.killedBy}** (${firstLine(byId.get(w.id)?.detail)}). Declared: ${w.reason}`,
      ),
      '',
    );
  }
  if (e.stale.length > 0) {
    lines.push(
      `## Stale declarations (${e.stale.length}), not applied`,
      '',
      `These entries of \`${e.file}\` no longer name the mutant they were written for (the contracts or the generator changed), so they are ignored: check each against \`cliffless mutate --list\` and update or remove it.`,
      '',
      ...e.stale.map((s) => `- \`${s.id}\` (declared ${cellCode(s.original, 40)}): ${s.problem}`),
      '',
    );
  }
  return lines;
}

function mutantTable(mutants: readonly ReportedMutant[]): string[] {
  const rows = mutants.map((m) => [
    `\`${m.id}\``,
    `${cellCode(m.original, 40)} → ${cellCode(m.replacement, 40)}`,
    outcomeCell(m),
    String(m.actionsToKill ?? ''),
    m.secondsToKill?.toFixed(2) ?? '',
    m.compileSeconds.toFixed(1),
  ]);
  const header = ['id', 'change', 'outcome', 'actions to kill', 'seconds to kill', 'compile s'];
  return markdownTable(header, rows, ['left', 'left', 'left', 'right', 'right', 'right'], 'compact').split('\n');
}

function killMatrix(report: MutationReport, killed: readonly ReportedMutant[]): string[] {
  if (killed.length === 0) return ['No mutant was killed.'];
  const rows = killed.map((m) => [
    `\`${m.id}\``,
    ...report.checks.map((c) => (c === m.killedBy ? '**K**' : (m.violations ?? []).includes(c) ? 'x' : '')),
  ]);
  const align = ['left' as const, ...report.checks.map(() => 'center' as const)];
  return markdownTable(['mutant', ...report.checks], rows, align, 'compact').split('\n');
}

function firstLine(text: string | undefined): string {
  return cellCode((text ?? '').split('\n')[0] ?? '', 160);
}
