import { PROPERTIES } from '../../properties/index.ts';
import { type Finding, headlineValues } from '../audit/findings.ts';
import type { CampaignStats } from '../runner/stats.ts';
import type { JUnitCase, JUnitFailure, JUnitSuite } from './junit.ts';

/**
 * A failure as the reports show it: the rendered step and divergence (`describeFailure`), where its
 * trace is, and how to replay it.
 */
export interface ReportedFailure {
  /** Property id (`D1`, `M2`, …) or `expect`. */
  id: string;
  message: string;
  /** `describeFailure`'s text: the step, the check, both sides' values. */
  text: string;
  tracePath: string;
}

/** The command that replays a trace, as the reports print it. */
export function replayCommandFor(tracePath: string, contractsDir?: string): string {
  return `npx cliffless replay ${tracePath}${contractsDir === undefined ? '' : ` --contracts ${contractsDir}`}`;
}

function failureOf(f: ReportedFailure, contractsDir: string | undefined): JUnitFailure {
  return {
    message: f.message,
    type: f.id,
    details: `${f.text}\n\ntrace: ${f.tracePath}\nreplay with: ${replayCommandFor(f.tracePath, contractsDir)}`,
  };
}

/**
 * A campaign as a suite: one case per property of DESIGN.md §4 with its checks and violations (also
 * as the suite's properties `M2.checks`, `M2.violations`: junit-10.xsd has no properties inside a
 * case), the failure on the case of the property that caught it (`D1` for a divergence).
 */
export function campaignSuite(options: {
  name: string;
  stats: CampaignStats;
  seconds: number;
  seed: number;
  failure?: ReportedFailure;
  contractsDir?: string;
}): JUnitSuite {
  const { stats, failure } = options;
  const cases: JUnitCase[] = PROPERTIES.map((property) => {
    const row = stats.checks.get(property.id);
    const failed = failure !== undefined && failure.id === property.id;
    return {
      name: `${property.id} ${property.name}`,
      classname: 'cliffless.fuzz',
      properties: [
        ['statement', property.statement],
        ['checks', row === undefined ? 'not run' : String(row.checks)],
        ['violations', row === undefined ? '-' : String(row.violations)],
      ],
      ...(failed ? { failure: failureOf(failure, options.contractsDir) } : {}),
      ...(row === undefined && !failed ? { skipped: 'not checked in this campaign' } : {}),
    };
  });
  if (failure !== undefined && !PROPERTIES.some((p) => p.id === failure.id)) {
    cases.push({ name: failure.id, classname: 'cliffless.fuzz', failure: failureOf(failure, options.contractsDir) });
  }
  const properties: [string, string][] = [
    ['seed', String(options.seed)],
    ['runs', String(stats.runs)],
    ['actions', String(stats.actions)],
  ];
  for (const property of PROPERTIES) {
    const row = stats.checks.get(property.id);
    if (row === undefined) continue;
    properties.push(
      [`${property.id}.checks`, String(row.checks)],
      [`${property.id}.violations`, String(row.violations)],
    );
  }
  return { name: options.name, time: options.seconds, properties, cases };
}

/** One replayed trace: its file, how many actions ran, and its failure if it failed. */
export interface ReplayedTrace {
  file: string;
  actions: number;
  seconds: number;
  failure?: ReportedFailure;
}

/** Replayed traces as a suite: one case per trace file. */
export function replaySuite(traces: readonly ReplayedTrace[], contractsDir?: string): JUnitSuite {
  return {
    name: 'cliffless replay',
    time: traces.reduce((t, r) => t + r.seconds, 0),
    cases: traces.map((r) => ({
      name: r.file,
      classname: 'cliffless.replay',
      time: r.seconds,
      properties: [['actions', String(r.actions)]],
      ...(r.failure === undefined ? {} : { failure: failureOf(r.failure, contractsDir) }),
    })),
  };
}

/**
 * An audit as a suite: one case per behaviour difference; a difference the allow-list names is
 * skipped with its reason, any other fails with both versions' values and its trace.
 */
export function auditSuite(
  findings: readonly Finding[],
  labels: { base: string; next: string },
  runs: number,
): JUnitSuite {
  // With no difference, one passing case says what was compared (a report of zero tests reads as
  // "nothing ran" in most CI viewers).
  const same: JUnitCase = {
    name: `no behaviour difference in ${runs} runs`,
    classname: 'cliffless.audit',
  };
  return {
    name: `cliffless audit ${labels.base} → ${labels.next}`,
    cases:
      findings.length === 0
        ? [same]
        : findings.map((f) => {
            const values = headlineValues(f);
            const message = `${f.kind} at ${f.path}: base ${values.base}, new ${values.next}`;
            return {
              name: `${f.kind} ${f.path}`,
              classname: 'cliffless.audit',
              properties: [
                ['verdict', f.verdict],
                ['runs', String(f.runs)],
                ['trace', f.tracePath],
              ],
              ...(f.allowedBy === undefined
                ? {
                    failure: {
                      message,
                      type: f.kind,
                      details: [
                        ...f.steps.map((s, i) => `${String(i).padStart(4)}  ${s}`),
                        '',
                        `model: ${f.outcomes.model}`,
                        `base (${labels.base}): ${f.outcomes.base}`,
                        `new (${labels.next}): ${f.outcomes.next}`,
                        '',
                        `trace: ${f.tracePath}`,
                        `replay with: ${replayCommandFor(f.tracePath, labels.next)}`,
                      ].join('\n'),
                    },
                  }
                : { skipped: `allowed: ${f.allowedBy.reason}` }),
            };
          }),
  };
}
