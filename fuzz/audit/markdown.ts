import { quote } from 'shell-quote';
import type { TargetReach } from '../guide/target.ts';
import { markdownTable } from '../table.ts';
import type { AllowEntry } from './allow-list.ts';
import type { AuditResult } from './audit.ts';
import { type Finding, headlineValues, VERDICT_TEXT } from './findings.ts';
import { formatDelta, type GasRow } from './gas.ts';

/** What the report says besides the findings: which versions, how they were run, how to replay. */
export interface ReportContext {
  base: { label: string; replay: { setup?: string; contractsDir: string } };
  next: { label: string; contractsDir: string };
  seed: number;
  depth: number;
  allowFile?: string;
  unusedAllowEntries?: AllowEntry[];
}

/**
 * The audit as Markdown fit for a pull-request comment: a verdict line, a table of the differences,
 * one section per difference with its shrunk trace, each version's outcome, every differing path,
 * and how to replay it against each version, then the gas table.
 */
export function auditMarkdown(result: AuditResult, findings: readonly Finding[], context: ReportContext): string {
  const blocking = findings.filter((f) => f.allowedBy === undefined).length;
  const lines = [
    '## cliffless audit',
    '',
    `Base \`${context.base.label}\` → new \`${context.next.label}\`: ${headline(findings.length, blocking)}`,
    '',
    `Seed ${context.seed}, ${result.runs} runs of up to ${context.depth} actions, ${result.actions.toLocaleString('en-US')} actions on the model and on each version.` +
      (context.allowFile === undefined ? '' : ` Allow-list: \`${context.allowFile}\`.`) +
      (result.mode === 'directed' ? ' Runs directed at the changed lines.' : ''),
  ];
  if (result.reach !== undefined) lines.push('', ...reachMarkdown(result.reach));
  if (findings.length > 0) {
    const rows = findings.map((f, i) => {
      const shown = headlineValues(f);
      const verdict = VERDICT_TEXT[f.verdict];
      return [
        String(i + 1),
        `\`${f.kind}\``,
        `\`${f.path}\``,
        code(shown.base),
        code(shown.next),
        verdict,
        String(f.runs),
        status(f),
      ];
    });
    const header = ['#', 'action', 'what differs', 'base', 'new', 'against the model', 'runs', 'status'];
    lines.push('', markdownTable(header, rows, [], 'compact'));
    for (const [i, f] of findings.entries()) lines.push('', ...section(i + 1, f, context));
  }
  const notes = modelNotes(result);
  if (notes !== undefined) lines.push('', notes);
  if (context.unusedAllowEntries !== undefined && context.unusedAllowEntries.length > 0) {
    lines.push(
      '',
      'Allow-list entries that matched no difference (stale, or the intended change did not show up in these runs):',
      '',
      ...context.unusedAllowEntries.map((e) => `- \`${e.action} ${e.path}\`: ${e.reason}`),
    );
  }
  lines.push('', ...gasTable(result.gas));
  return `${lines.join('\n')}\n`;
}

/** How many of the changed lines' branch directions the runs reached, with a table per line. */
function reachMarkdown(reach: TargetReach): string[] {
  if (reach.lines.length === 0) return ['Changed lines: none (the two versions’ sources are the same).'];
  const lines = [
    `Changed lines: **${reach.reached} of ${reach.total} branch directions reached**; the functions holding them: ${reach.nearReached} of ${reach.nearTotal} more.`,
    '',
    '<details><summary>Changed lines and their branch directions</summary>',
    '',
    '| file | line | code | directions reached |',
    '|---|--:|---|--:|',
  ];
  for (const l of reach.lines)
    lines.push(
      `| \`${l.unit}\` | ${l.line} | ${code(l.text)} | ${l.total === 0 ? 'no branch' : `${l.reached} of ${l.total}`} |`,
    );
  lines.push('', '</details>');
  return lines;
}

function headline(total: number, blocking: number): string {
  if (total === 0) return '**no behaviour difference found.**';
  const noun = total === 1 ? 'difference' : 'differences';
  if (blocking === 0) return `**${total} behaviour ${noun}, all allowed.**`;
  return `**${total} behaviour ${noun}, ${blocking} not allowed.**`;
}

function status(f: Finding): string {
  return f.allowedBy === undefined ? '**not allowed**' : `allowed: ${f.allowedBy.reason}`;
}

function section(n: number, f: Finding, context: ReportContext): string[] {
  const last = f.steps.length - 1;
  const origin = f.shrunk
    ? `shrunk from ${f.originalLength} to ${f.steps.length} actions`
    : `${f.steps.length} actions, not shrunk`;
  const trace = f.steps.map((s, k) => `${String(k).padStart(3)}  ${s}`);
  trace.push(
    `       model: ${f.outcomes.model}`,
    `       base:  ${f.outcomes.base}`,
    `       new:   ${f.outcomes.next}`,
  );
  const lines = [
    `### ${n}. \`${f.kind}\` \`${f.path}\` — ${f.verdict}, ${f.allowedBy === undefined ? 'not allowed' : 'allowed'}`,
    '',
    `${VERDICT_TEXT[f.verdict][0]?.toUpperCase()}${VERDICT_TEXT[f.verdict].slice(1)}; first seen in ${f.runs} run${f.runs === 1 ? '' : 's'}. Trace \`${f.tracePath}\` (${origin}):`,
    '',
    '```text',
    ...trace,
    '```',
    '',
    `Where the versions differ after step ${last} (base → new):`,
    '',
    ...f.differences.map((d) => `- \`${d.path}\`: ${code(d.base)} → ${code(d.next)}`),
  ];
  if (f.allowedBy !== undefined)
    lines.push('', `Allowed by \`${f.allowedBy.action} ${f.allowedBy.path}\`: ${f.allowedBy.reason}`);
  const expect = (step: number | undefined) =>
    step === undefined ? 'matches the model at every step' : `diverges from the model at step ${step}: exit 1`;
  const { setup, contractsDir } = context.base.replay;
  lines.push(
    '',
    'Replay it against each version (each is checked against the model):',
    '',
    '```sh',
    `${quote(['npx', 'cliffless', 'replay', f.tracePath, '--contracts', context.next.contractsDir])}   # new: ${expect(f.modelDivergence.next)}`,
    ...(setup === undefined ? [] : [setup]),
    `${quote(['npx', 'cliffless', 'replay', f.tracePath, '--contracts', contractsDir])}   # base: ${expect(f.modelDivergence.base)}`,
    '```',
  );
  return lines;
}

function modelNotes(result: AuditResult): string | undefined {
  const { base, next } = result.modelDivergence;
  if (base === 0 && next === 0) return undefined;
  return `The model disagreed with base in ${base} run${base === 1 ? '' : 's'} and with new in ${next} run${next === 1 ? '' : 's'} (up to each run's first base/new difference).`;
}

function gasTable(rows: readonly GasRow[]): string[] {
  const lines = [
    '### Gas per action',
    '',
    'Whole-transaction gas of the calls that succeeded on both versions from the same state. Gas alone never fails the audit.',
    '',
  ];
  if (rows.length === 0) return [...lines, 'No call succeeded on both versions.'];
  const unchanged = rows.every((row) => row.base.median === row.next.median);
  // An unchanged table is folded away: in a pull request it is noise until a median moves.
  if (unchanged) lines.push('<details><summary>No median changed (table)</summary>', '');
  const table = rows.map((row) => {
    const median = formatDelta(row.base.median, row.next.median);
    const mean = formatDelta(row.base.mean, row.next.mean);
    return [
      `\`${row.kind}\``,
      String(row.calls),
      gas(row.base.median),
      gas(row.next.median),
      median.delta,
      median.percent,
      gas(row.base.mean),
      gas(row.next.mean),
      mean.percent,
    ];
  });
  const header = [
    'action',
    'calls',
    'base median',
    'new median',
    'Δ median',
    'Δ %',
    'base mean',
    'new mean',
    'Δ mean %',
  ];
  lines.push(markdownTable(header, table, ['left', ...header.slice(1).map(() => 'right' as const)], 'compact'));
  if (unchanged) lines.push('', '</details>');
  return lines;
}

const gas = (value: bigint) => value.toLocaleString('en-US');

/**
 * A value in a table cell or list: code-quoted, long ones cut, a backtick (which would end the code
 * span) shown as a quote. Pipes are left as they are: markdownTable escapes a table's cells.
 */
function code(value: string | undefined): string {
  if (value === undefined) return '';
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return `\`${cut.replace(/\n/g, ' ').replace(/`/g, "'")}\``;
}
