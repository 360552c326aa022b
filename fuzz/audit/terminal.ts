import { textRow } from '../cli/kit/table.ts';
import { formatTargetReach } from '../guide/target.ts';
import type { AuditResult } from './audit.ts';
import { type Finding, headlineValues, VERDICT_TEXT } from './findings.ts';
import { formatDelta } from './gas.ts';
import type { ReportContext } from './markdown.ts';

/**
 * The concise terminal summary: one line per difference (what, each version's value, the verdict,
 * allowed or not, the trace), then one line per action kind whose median gas changed.
 */
export function auditSummary(result: AuditResult, findings: readonly Finding[], context: ReportContext): string {
  const blocking = findings.filter((f) => f.allowedBy === undefined).length;
  const lines = [
    `audit: base ${context.base.label} → new ${context.next.label}; seed ${context.seed}, ${result.runs} runs${result.mode === 'directed' ? ' directed at the changed lines' : ''}, ${result.actions} actions`,
  ];
  if (result.reach !== undefined) lines.push(formatTargetReach(result.reach));
  if (findings.length === 0) lines.push('no behaviour difference found');
  else {
    lines.push(
      `${findings.length} behaviour difference${findings.length === 1 ? '' : 's'} (${findings.length - blocking} allowed, ${blocking} not allowed):`,
    );
    for (const [i, f] of findings.entries()) {
      const shown = headlineValues(f);
      lines.push(
        `  ${i + 1}. ${f.key}: base ${shown.base}, new ${shown.next} — ${VERDICT_TEXT[f.verdict]} — ${f.allowedBy === undefined ? 'NOT ALLOWED' : 'allowed'}`,
        `     ${f.shrunk ? `shrunk from ${f.originalLength} to ${f.steps.length} actions` : `${f.steps.length} actions`}: ${f.tracePath}`,
      );
    }
  }
  for (const entry of context.unusedAllowEntries ?? []) {
    lines.push(`warning: allow-list entry "${entry.action} ${entry.path}" matched no difference`);
  }
  const changed = result.gas.filter((row) => row.base.median !== row.next.median);
  if (changed.length === 0) lines.push('gas: no median changed');
  else {
    lines.push('gas (median, base → new):');
    for (const row of changed) {
      const { delta, percent } = formatDelta(row.base.median, row.next.median);
      lines.push(
        `  ${textRow([{ width: 19 }, {}], [row.kind, row.base.median.toLocaleString('en-US')], ' ')} → ${row.next.median.toLocaleString('en-US')} (${delta}, ${percent})`,
      );
    }
  }
  return lines.join('\n');
}

/** The audit as data, without timings, so two runs with the same seed compare equal. */
export function auditJson(result: AuditResult, findings: readonly Finding[], context: ReportContext): object {
  return {
    base: context.base.label,
    new: context.next.label,
    seed: context.seed,
    runs: result.runs,
    actions: result.actions,
    differences: findings.map((f) => ({
      action: f.kind,
      path: f.path,
      verdict: f.verdict,
      allowed: f.allowedBy !== undefined,
      ...(f.allowedBy === undefined ? {} : { reason: f.allowedBy.reason }),
      runs: f.runs,
      firstRun: f.firstRun,
      trace: f.tracePath,
      steps: f.steps.length,
      differences: f.differences,
      outcomes: f.outcomes,
    })),
    gas: result.gas.map((row) => ({
      action: row.kind,
      calls: row.calls,
      base: { median: row.base.median.toString(), mean: row.base.mean.toString() },
      new: { median: row.next.median.toString(), mean: row.next.mean.toString() },
    })),
    modelDivergence: { base: result.modelDivergence.base, new: result.modelDivergence.next },
    mode: result.mode,
    ...(result.reach === undefined
      ? {}
      : {
          changedLines: {
            directionsReached: result.reach.reached,
            directions: result.reach.total,
            functionDirectionsReached: result.reach.nearReached,
            functionDirections: result.reach.nearTotal,
            lines: result.reach.lines.map((l) => ({
              file: l.unit,
              line: l.line,
              code: l.text,
              directionsReached: l.reached,
              directions: l.total,
            })),
          },
        }),
  };
}
