import { markdownTable } from '../table.ts';
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

/** `12 mutants: 9 killed, 2 survived, 1 invalid (does not compile); mutation score 81.8% (9/11)`. */
export function tallyLine(t: Tally): string {
  return (
    `${t.mutants} mutants: ${t.killed} killed, ${t.survived} survived, ${t.invalid} invalid (do not compile); ` +
    `mutation score ${percent(t.score)} (${t.killed}/${t.killed + t.survived})`
  );
}

function tallyTable(title: string, groups: Record<string, Tally>): string[] {
  const rows = Object.entries(groups).map(([name, t]) =>
    [name, t.mutants, t.killed, t.survived, t.invalid].map(String).concat(percent(t.score)),
  );
  const header = [title, 'mutants', 'killed', 'survived', 'invalid', 'score'];
  return markdownTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'right'], 'compact').split('\n');
}

function outcomeCell(m: ReportedMutant): string {
  if (m.status === 'killed') return `killed by **${m.killedBy}**`;
  if (m.status === 'invalid') return 'invalid';
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
  const lines = [
    '# Mutation testing of the contracts (`cliffless mutate`)',
    '',
    `**${tallyLine(report.total)}**`,
    '',
    `Contracts: \`${report.contracts}\`. Each mutant: a differential campaign (model against the mutated contracts, every property checked) with seed ${b.seed}, up to ${b.runs} runs of up to ${b.depth} actions${b.timeSeconds === undefined ? '' : `, at most ${b.timeSeconds} s`}${b.guided === true ? ', chosen by the guided loop directed at the mutated line' : ''}, stopping at the first failure; ${b.jobs} worker${b.jobs === 1 ? '' : 's'}; ${report.seconds.toFixed(1)} s in all. The unmutated contracts passed the same campaign (${report.baseline.runs} runs, ${report.baseline.actions} actions).`,
    '',
    '## By operator',
    '',
    ...tallyTable('operator', report.byOperator),
    '',
    '## By file',
    '',
    ...tallyTable('file', report.byFile),
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
      ? 'None: every mutant that compiles was killed.'
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
