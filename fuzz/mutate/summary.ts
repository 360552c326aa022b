import { textTable } from '../cli/kit/table.ts';
import { percent, tallyLine } from './markdown.ts';
import type { MutationReport } from './report.ts';

/** What `cliffless mutate` prints at the end: the tally, a table by operator and each survivor in one line. */
export function formatMutationSummary(report: MutationReport): string {
  const lines = [
    tallyLine(report.total),
    '',
    ...textTable(
      [{}, ...[7, 6, 8, 7, 6].map((w) => ({ width: w, align: 'right' as const }))],
      ['operator', 'mutants', 'killed', 'survived', 'invalid', 'score'],
      Object.entries(report.byOperator).map(([name, t]) =>
        [name, t.mutants, t.killed, t.survived, t.invalid].map(String).concat(percent(t.score)),
      ),
    ),
  ];
  const killers = new Map<string, number>();
  for (const m of report.mutants)
    if (m.killedBy !== undefined) killers.set(m.killedBy, (killers.get(m.killedBy) ?? 0) + 1);
  if (killers.size > 0) {
    const order = report.checks.filter((c) => killers.has(c));
    lines.push('', `killed by: ${order.map((c) => `${c} ${killers.get(c)}`).join(', ')}`);
  }
  const survivors = report.mutants.filter((m) => m.status === 'survived');
  if (survivors.length > 0) {
    lines.push('', `survivors (${survivors.length}):`);
    for (const m of survivors) {
      const cut =
        (m.interrupted === true ? '  [time budget]' : '') +
        (m.reach === undefined ? '' : `  [line's branch directions reached: ${m.reach.reached} of ${m.reach.total}]`);
      lines.push(`  ${m.id}  ${code(m.original)} → ${code(m.replacement)}${cut}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A snippet on one line, in backticks (unescaped: this is for a terminal, not a Markdown table). */
function code(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? '(nothing)' : `\`${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\``;
}
