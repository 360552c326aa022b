import type { Outcome } from '../../reference/outcome.ts';
import { describeAction } from '../runner/render.ts';
import { NameBook } from '../trace/names.ts';
import { formatValue } from '../trace/serialize.ts';
import { bookAfter } from '../trace/track-series.ts';
import { type AllowEntry, type AllowList, allowedBy } from './allow-list.ts';
import type { DifferenceGroup } from './audit.ts';
import type { PathDifference } from './lockstep.ts';
import type { AuditEnvironment } from './sides.ts';

/** How a difference stands against the model. */
export type Verdict = 'regression' | 'fix' | 'neither';

export const VERDICT_TEXT: Record<Verdict, string> = {
  regression: 'new diverges from the model (regression)',
  fix: 'new matches the model where base did not (fix)',
  neither: 'neither version matches the model',
};

/** One difference as the reports show it: everything named, nothing left to look up. */
export interface Finding {
  key: string;
  kind: string;
  path: string;
  allowedBy: AllowEntry | undefined;
  verdict: Verdict;
  /** Runs whose first difference this was. */
  runs: number;
  /** Index of the first of them (0-based) in the audit's runs. */
  firstRun: number;
  originalLength: number;
  shrunk: boolean;
  /** One line per action of the trace, `describeAction` style; the difference is the last. */
  steps: string[];
  /** The last action's outcome on each side. */
  outcomes: { model: string; base: string; next: string };
  differences: PathDifference[];
  /** Where the trace was written. */
  tracePath: string;
  /** The first step at which each version disagreed with the model in the trace, if any. */
  modelDivergence: { base?: number; next?: number };
}

/** Builds the findings of an audit: named steps and outcomes, allow-list status, verdict. */
export function findingsOf(
  env: AuditEnvironment,
  groups: readonly DifferenceGroup[],
  tracePaths: readonly string[],
  allow: AllowList | undefined,
): Finding[] {
  const start = new NameBook(env.setup);
  return groups.map((group, i) => {
    const steps = group.trace.steps;
    const named = steps.map((s) => ({ action: s.action, outcome: s.next }));
    const last = steps.length - 1;
    const book = bookAfter(start, named.slice(0, last));
    const { agreement } = group.difference;
    return {
      key: group.key,
      kind: group.difference.kind,
      path: group.difference.path,
      allowedBy: allowedBy(allow, group.difference.kind, group.difference.path),
      verdict: agreement.base && !agreement.next ? 'regression' : agreement.next && !agreement.base ? 'fix' : 'neither',
      runs: group.runs,
      firstRun: group.firstRun,
      originalLength: group.originalLength,
      shrunk: group.shrunk,
      steps: steps.map((s, k) => describeAction(s.action, bookAfter(start, named.slice(0, k)))),
      outcomes: {
        model: describeOutcome(group.difference.model, book),
        base: describeOutcome(group.difference.base, book),
        next: describeOutcome(group.difference.next, book),
      },
      differences: group.difference.differences,
      tracePath: tracePaths[i] as string,
      modelDivergence: group.trace.modelDivergence,
    };
  });
}

/**
 * Each version's side of a finding in one short phrase: the first differing value, or the whole
 * outcome when success turned into a revert (or back), since `true` / `false` says little.
 */
export function headlineValues(f: Finding): { base: string; next: string } {
  if (f.path === 'outcome.ok') return { base: f.outcomes.base, next: f.outcomes.next };
  const first = f.differences[0];
  return { base: first?.base ?? '?', next: first?.next ?? '?' };
}

/** The allow-list entries that matched none of the findings (a stale entry, or a change that is missing). */
export function unusedEntries(allow: AllowList | undefined, findings: readonly Finding[]): AllowEntry[] {
  return (allow?.entries ?? []).filter((entry) => !findings.some((f) => f.allowedBy === entry));
}

/** `ok returns [1] events Transfer, Redeemed` or `revert ZeroAmount()`, with names. */
export function describeOutcome(outcome: Outcome, book: NameBook): string {
  if (!outcome.ok)
    return `revert ${outcome.error.name}(${outcome.error.args.map((v) => formatValue(v, book)).join(', ')})`;
  const parts = ['ok'];
  if (outcome.returns.length > 0)
    parts.push(`returns [${outcome.returns.map((v) => formatValue(v, book)).join(', ')}]`);
  if (outcome.events.length > 0) parts.push(`events ${outcome.events.map((e) => e.name).join(', ')}`);
  return parts.join(' ');
}
