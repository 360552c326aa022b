import { PROPERTIES } from '../../properties/index.ts';
import { type Column, textRow } from '../table.ts';
import { ACTION_KINDS } from '../trace/fields.ts';
import type { CampaignStats } from './stats.ts';

/**
 * The closing summary of a campaign: its runs and rate (the runs' own time: shrinking a failure is
 * on its own line, so a failing campaign's rate is comparable with a passing one's), per action
 * calls and reverts, per property checks and violations, and the command that reruns it.
 */
export function formatSummary(stats: CampaignStats, seconds: { runs: number; shrink: number }, rerun: string): string {
  const rate = seconds.runs > 0 ? Math.round(stats.actions / seconds.runs) : 0;
  const lines = [
    `${stats.runs} runs, ${stats.actions} actions in ${seconds.runs.toFixed(1)}s (${rate} actions/s), ${stats.failures} failing run(s)`,
  ];
  if (stats.failures > 0) lines.push(`shrinking the failure: ${seconds.shrink.toFixed(1)}s`);
  lines.push('', formatCounts(stats), '', `rerun with: ${rerun}`);
  return lines.join('\n');
}

/**
 * The columns of the per-action table. Widths are fixed rather than fitted so that shards' and
 * campaigns' summaries line up with each other; a longer figure overflows its own row only.
 */
const ACTION_COLUMNS: readonly Column[] = [
  { width: 20 },
  { align: 'right', width: 6, gap: ' ' },
  { align: 'right', width: 10, gap: ' ' },
  { align: 'right', width: 6, gap: '   ' },
];

/** The columns of the per-property table (fixed widths, as for {@link ACTION_COLUMNS}). */
const PROPERTY_COLUMNS: readonly Column[] = [
  { width: 10 },
  { align: 'right', width: 10, gap: ' ' },
  { align: 'right', width: 12, gap: ' ' },
  { gap: '  ' },
];

/** The per-action and per-property tables of a summary (no timings: shards' merged counts use it too). */
export function formatCounts(stats: CampaignStats): string {
  const lines = [textRow(ACTION_COLUMNS, ['action', 'calls', 'reverts', 'runs where it succeeded'])];
  for (const kind of ACTION_KINDS) {
    const row = stats.calls.get(kind) ?? { calls: 0, reverts: 0 };
    const reached = stats.reached.get(kind) ?? 0;
    lines.push(textRow(ACTION_COLUMNS, [kind, String(row.calls), String(row.reverts), String(reached)]));
  }
  lines.push('', textRow(PROPERTY_COLUMNS, ['property', 'checks', 'violations', 'statement']));
  for (const property of PROPERTIES) {
    const row = stats.checks.get(property.id);
    const checks = row === undefined ? 'not run' : String(row.checks);
    const violations = row === undefined ? '-' : String(row.violations);
    lines.push(textRow(PROPERTY_COLUMNS, [property.id, checks, violations, property.name]));
  }
  return lines.join('\n');
}

/** The deterministic part of a summary as data: counts only, no timings, so two runs compare equal. */
export function summaryJson(stats: CampaignStats, seed: number): object {
  const calls = Object.fromEntries(
    ACTION_KINDS.map((k) => [
      k,
      { ...(stats.calls.get(k) ?? { calls: 0, reverts: 0 }), runsSucceeded: stats.reached.get(k) ?? 0 },
    ]),
  );
  const properties = Object.fromEntries(PROPERTIES.map((p) => [p.id, stats.checks.get(p.id) ?? null]));
  const reverts = Object.fromEntries([...stats.revertReasons.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { seed, runs: stats.runs, actions: stats.actions, failures: stats.failures, calls, properties, reverts };
}
