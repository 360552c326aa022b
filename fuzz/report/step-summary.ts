import { PROPERTIES } from '../../properties/index.ts';
import { markdownTable } from '../cli/kit/table.ts';
import type { CampaignStats } from '../runner/stats.ts';
import { ACTION_KINDS } from '../trace/fields.ts';
import type { ReplayedTrace, ReportedFailure } from './junit-suites.ts';
import { replayCommandFor } from './junit-suites.ts';
import type { SourceLine } from './source-line.ts';

/** Where a failure points in the Solidity, for the reports: `contracts/…/PayoutMath.sol:14`. */
export interface FailureLocation {
  file: string;
  line: SourceLine;
}

/**
 * A campaign's summary as Markdown (the GitHub step summary): the verdict, the failure with its
 * Solidity line and replay command, and the same per-action and per-property tables the terminal
 * summary prints.
 */
export function campaignMarkdown(options: {
  title: string;
  stats: CampaignStats;
  seed: number;
  failure?: ReportedFailure;
  location?: FailureLocation;
  contractsDir?: string;
}): string {
  const { stats, failure } = options;
  const lines = [`## ${options.title}`, ''];
  lines.push(
    failure === undefined
      ? `**Passed**: ${stats.runs} runs, ${stats.actions} actions, seed ${options.seed}, no failure.`
      : `**Failed** [${failure.id}]: ${failure.message}`,
    '',
  );
  if (failure !== undefined) lines.push(...failureBlock(failure, options.location, options.contractsDir));
  lines.push(
    markdownTable(
      ['property', 'checks', 'violations', 'statement'],
      PROPERTIES.map((p) => {
        const row = stats.checks.get(p.id);
        return [
          p.id,
          row === undefined ? 'not run' : String(row.checks),
          row === undefined ? '-' : String(row.violations),
          p.name,
        ];
      }),
      ['left', 'right', 'right', 'left'],
    ),
    '',
    markdownTable(
      ['action', 'calls', 'reverts', 'runs where it succeeded'],
      ACTION_KINDS.map((kind) => {
        const row = stats.calls.get(kind) ?? { calls: 0, reverts: 0 };
        return [kind, String(row.calls), String(row.reverts), String(stats.reached.get(kind) ?? 0)];
      }),
      ['left', 'right', 'right', 'right'],
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** Replayed traces as Markdown: one row per trace, then each failure in full. */
export function replayMarkdown(
  traces: readonly (ReplayedTrace & { location?: FailureLocation })[],
  contractsDir?: string,
): string {
  const failed = traces.filter((t) => t.failure !== undefined).length;
  const lines = [
    '## cliffless replay',
    '',
    failed === 0 ? `**Passed**: ${traces.length} trace(s).` : `**Failed**: ${failed} of ${traces.length} trace(s).`,
    '',
    markdownTable(
      ['trace', 'actions', 'result'],
      traces.map((t) => [
        `\`${t.file}\``,
        String(t.actions),
        t.failure === undefined ? 'pass' : `fail [${t.failure.id}]: ${t.failure.message}`,
      ]),
      ['left', 'right', 'left'],
    ),
    '',
  ];
  for (const t of traces) {
    if (t.failure !== undefined)
      lines.push(`### \`${t.file}\``, '', ...failureBlock(t.failure, t.location, contractsDir));
  }
  return `${lines.join('\n')}\n`;
}

function failureBlock(
  failure: ReportedFailure,
  location: FailureLocation | undefined,
  contractsDir?: string,
): string[] {
  return [
    ...(location === undefined ? [] : [`At \`${location.file}:${location.line.line}\`: \`${location.line.text}\``, '']),
    '```',
    failure.text,
    '```',
    '',
    `Trace: \`${failure.tracePath}\`; replay with \`${replayCommandFor(failure.tracePath, contractsDir)}\``,
    '',
  ];
}
