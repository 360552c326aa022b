import { textTable } from '../cli/kit/table.ts';
import { entryCount } from './equivalents.ts';
import { tallyColumns, tallyLine } from './markdown.ts';
import type { MutationReport } from './report.ts';

/**
 * What `cliffless mutate` prints at the end: the tally, a table by operator, the killers, each
 * survivor in one line, and with a declarations file, what it did (the wrong and stale entries
 * last, where they are seen).
 */
export function formatMutationSummary(report: MutationReport): string {
  const e = report.equivalents;
  const { header, rows } = tallyColumns('operator', report.byOperator, e !== undefined);
  const widths = [7, 6, 8, ...(e === undefined ? [] : [10]), 7, 6];
  const lines = [
    tallyLine(report.total),
    '',
    ...textTable([{}, ...widths.map((w) => ({ width: w, align: 'right' as const }))], header, rows),
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
  if (e !== undefined) {
    lines.push(
      '',
      `declared equivalent in ${e.file}: ${entryCount(e.declared)}, ${e.inRun} in this run: ` +
        `${report.total.equivalent} survived as declared (left out of the score), ${e.wrong.length} killed, ${e.stale.length} stale`,
    );
    if (e.wrong.length > 0) {
      lines.push(
        '',
        `DECLARED EQUIVALENT BUT KILLED: the declaration is wrong (${e.wrong.length}; counted as killed):`,
      );
      for (const w of e.wrong) lines.push(`  ${w.id}  killed by ${w.killedBy}; declared: ${w.reason}`);
    }
    if (e.stale.length > 0) {
      lines.push('', `stale declarations, not applied (${e.stale.length}):`);
      for (const s of e.stale) lines.push(`  ${s.id}  ${code(s.original)}: ${s.problem}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A snippet on one line, in backticks (unescaped: this is for a terminal, not a Markdown table). */
function code(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? '(nothing)' : `\`${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\``;
}
