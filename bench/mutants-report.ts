/**
 * The mutant bench's figures: per mutant what each tool made of it, then per tool the kills and
 * the median time-to-kill, and which mutants only one of them killed.
 */
import { textTable } from '../fuzz/cli/kit/table.ts';
import type { ForgeOutcome } from './forge-mutant.ts';
import type { MachineInfo } from './machine.ts';
import { median } from './timing.ts';

/** What the harness made of a mutant: the fields of fuzz/mutate's MutantOutcome the bench uses. */
export interface HarnessOutcome {
  id: string;
  status: 'killed' | 'survived' | 'invalid';
  killedBy?: string;
  detail?: string;
  actionsToKill?: number;
  secondsToKill?: number;
  /** A survivor's actions executed in the budget. */
  actions?: number;
  /** A guided survivor: the mutated line's branch directions reached, of all. */
  reach?: { reached: number; total: number };
  compileSeconds: number;
  seconds: number;
}

/** One mutant, both tools. */
export interface MutantRow {
  id: string;
  /** What the fixed set says the harness should do with it (absent with --all). */
  expected?: 'killed' | 'survived';
  forge: ForgeOutcome;
  harness: HarnessOutcome;
  /** The harness with its runs chosen by the loop directed at the mutated line (absent with --no-guided). */
  guided?: HarnessOutcome;
}

export interface ToolSummary {
  /** Mutants that compiled for both tools: the denominator. */
  compared: number;
  kills: number;
  /** Median seconds-to-kill over the mutants this tool killed; undefined if it killed none. */
  medianSecondsToKill: number | undefined;
  /** Median seconds-to-kill over the mutants BOTH tools killed: the like-for-like comparison. */
  medianSecondsToKillBoth: number | undefined;
  /** Median compile seconds over every mutant this tool compiled. */
  medianCompileSeconds: number | undefined;
}

export interface MutantSummary {
  forge: ToolSummary;
  harness: ToolSummary;
  /** The guided harness, when the rows have it; its "both" median is over the mutants all three killed. */
  guided?: ToolSummary;
  /** Killed by the guided harness and not the open-loop one, and the other way round. */
  guidedOnly?: string[];
  openLoopOnly?: string[];
  harnessOnly: string[];
  forgeOnly: string[];
  neither: string[];
  /** Mutants that did not compile for at least one tool: left out of every count. */
  invalid: string[];
  /** Fixed-set mutants whose harness outcome differs from FIXED_SET_EXPECTED. */
  unexpected: string[];
}

/** The bench's settings, printed in the header and the JSON. */
export interface MutantBenchConfig {
  set: 'fixed' | 'all';
  budget: number;
  seed: number;
  jobs: 1 | 2;
  forgeDepth: number;
  harnessDepth: number;
  /** Whether the guided harness ran too. */
  guided?: boolean;
}

export function summarizeMutants(rows: readonly MutantRow[]): MutantSummary {
  const withGuided = rows.length > 0 && rows.every((r) => r.guided !== undefined);
  const invalid = rows.filter(
    (r) => r.forge.status === 'invalid' || r.harness.status === 'invalid' || r.guided?.status === 'invalid',
  );
  const compared = rows.filter((r) => !invalid.includes(r));
  const both = compared.filter(
    (r) =>
      r.forge.status === 'killed' && r.harness.status === 'killed' && (!withGuided || r.guided?.status === 'killed'),
  );
  const tool = (pick: (r: MutantRow) => ForgeOutcome | HarnessOutcome): ToolSummary => {
    const killed = compared.filter((r) => pick(r).status === 'killed');
    const timesOf = (list: MutantRow[]) =>
      list.map((r) => pick(r).secondsToKill).filter((t): t is number => t !== undefined);
    const times = timesOf(killed);
    const bothTimes = timesOf(both);
    const compiles = rows.filter((r) => pick(r).status !== 'invalid').map((r) => pick(r).compileSeconds);
    return {
      compared: compared.length,
      kills: killed.length,
      medianSecondsToKill: times.length === 0 ? undefined : median(times),
      medianSecondsToKillBoth: bothTimes.length === 0 ? undefined : median(bothTimes),
      medianCompileSeconds: compiles.length === 0 ? undefined : median(compiles),
    };
  };
  const killedBy = (r: MutantRow) => [r.forge.status === 'killed', r.harness.status === 'killed'] as const;
  const guidedKilled = (r: MutantRow) => r.guided?.status === 'killed';
  return {
    forge: tool((r) => r.forge),
    harness: tool((r) => r.harness),
    ...(withGuided
      ? {
          guided: tool((r) => r.guided as HarnessOutcome),
          guidedOnly: compared.filter((r) => guidedKilled(r) && !killedBy(r)[1]).map((r) => r.id),
          openLoopOnly: compared.filter((r) => !guidedKilled(r) && killedBy(r)[1]).map((r) => r.id),
        }
      : {}),
    harnessOnly: compared.filter((r) => !killedBy(r)[0] && killedBy(r)[1]).map((r) => r.id),
    forgeOnly: compared.filter((r) => killedBy(r)[0] && !killedBy(r)[1]).map((r) => r.id),
    neither: compared.filter((r) => !killedBy(r)[0] && !killedBy(r)[1] && !guidedKilled(r)).map((r) => r.id),
    invalid: invalid.map((r) => r.id),
    unexpected: rows
      .filter((r) => r.expected !== undefined && r.harness.status !== 'invalid' && r.harness.status !== r.expected)
      .map((r) => r.id),
  };
}

const seconds = (s: number | undefined) => (s === undefined ? '-' : `${s.toFixed(2)}s`);

/** One tool's cell: `killed M2 0.43s (20 calls)`, `survived (1230 calls)`, `invalid`. */
export function forgeCell(o: ForgeOutcome): string {
  if (o.status === 'invalid') return 'invalid (does not compile)';
  const calls = o.calls === undefined ? '' : ` (${o.calls} calls)`;
  if (o.status === 'survived') return `survived${calls}`;
  return `killed ${o.killedBy ?? '?'} ${seconds(o.secondsToKill)}${calls}`;
}

export function harnessCell(o: HarnessOutcome): string {
  if (o.status === 'invalid') return 'invalid (does not compile)';
  if (o.status === 'survived') {
    const reach = o.reach === undefined ? '' : `, line ${o.reach.reached}/${o.reach.total}`;
    return o.actions === undefined
      ? `survived${reach ? ` (${reach.slice(2)})` : ''}`
      : `survived (${o.actions} actions${reach})`;
  }
  const actions = o.actionsToKill === undefined ? '' : ` (${o.actionsToKill} actions)`;
  return `killed ${o.killedBy ?? '?'} ${seconds(o.secondsToKill)}${actions}`;
}

function machineLine(label: string, m: MachineInfo): string {
  return `${label} ${m.date}, ${m.cpu}, ${m.cores} cores, node ${m.node}, load ${m.load.map((l) => l.toFixed(2)).join(' ')}`;
}

const list = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.join(', '));

/** The whole printed report. */
export function formatMutantReport(
  rows: readonly MutantRow[],
  config: MutantBenchConfig,
  start: MachineInfo,
  end: MachineInfo,
  baseline?: MutantRow,
): string {
  const summary = summarizeMutants(rows);
  const fixed = config.set === 'fixed';
  const s = summary;
  const g = s.guided;
  const header = [
    'mutant',
    'forge invariant suite',
    'harness (differential)',
    ...(g === undefined ? [] : ['guided harness (directed)']),
    ...(fixed ? ['expected'] : []),
  ];
  const body = rows.map((r) => [
    r.id,
    forgeCell(r.forge),
    harnessCell(r.harness),
    ...(g === undefined ? [] : [r.guided === undefined ? '-' : harnessCell(r.guided)]),
    ...(fixed ? [r.expected ?? '-'] : []),
  ]);
  const third = <T>(value: (t: ToolSummary) => T): T[] => (g === undefined ? [] : [value(g)]);
  const tools = textTable(
    [],
    ['', 'forge', 'harness', ...third(() => 'guided')],
    [
      [
        'kills',
        `${s.forge.kills}/${s.forge.compared}`,
        `${s.harness.kills}/${s.harness.compared}`,
        ...third((t) => `${t.kills}/${t.compared}`),
      ],
      [
        'median time-to-kill',
        seconds(s.forge.medianSecondsToKill),
        seconds(s.harness.medianSecondsToKill),
        ...third((t) => seconds(t.medianSecondsToKill)),
      ],
      [
        g === undefined ? '  on mutants both killed' : '  on mutants all three killed',
        seconds(s.forge.medianSecondsToKillBoth),
        seconds(s.harness.medianSecondsToKillBoth),
        ...third((t) => seconds(t.medianSecondsToKillBoth)),
      ],
      [
        'median compile',
        seconds(s.forge.medianCompileSeconds),
        seconds(s.harness.medianCompileSeconds),
        ...third((t) => seconds(t.medianCompileSeconds)),
      ],
    ],
  );
  const lines = [
    `${rows.length} mutants (${fixed ? 'the fixed set' : 'every generated mutant'}), ${config.budget}s per mutant per tool after compiling, seed ${config.seed}, jobs ${config.jobs}`,
    `forge: one invariant campaign checking every property of the suite after every call, depth ${config.forgeDepth}, 1 thread, no shrinking`,
    `harness: one differential campaign, depth ${config.harnessDepth}, 1 thread${g === undefined ? '' : '; guided: the same campaign with its runs chosen by the loop directed at the mutated line'}`,
    ...(baseline === undefined
      ? []
      : [
          `unmutated contracts: forge ${forgeCell(baseline.forge)}, harness ${harnessCell(baseline.harness)}${baseline.guided === undefined ? '' : `, guided harness ${harnessCell(baseline.guided)}`}`,
        ]),
    '',
    ...textTable([], header, body),
    '',
    ...tools,
    '',
    `killed by the harness, not forge: ${list(s.harnessOnly)}`,
    `killed by forge, not the harness: ${list(s.forgeOnly)}`,
    `killed by neither: ${list(s.neither)}`,
    ...(g === undefined
      ? []
      : [
          `killed by the guided harness, not the open-loop one: ${list(s.guidedOnly ?? [])}`,
          `killed by the open-loop harness, not the guided one: ${list(s.openLoopOnly ?? [])}`,
        ]),
    ...(s.invalid.length > 0 ? [`left out, do not compile: ${list(s.invalid)}`] : []),
    ...(fixed ? [`harness outcome differs from the fixed set's expectation: ${list(s.unexpected)}`] : []),
    '',
    'time-to-kill: from the campaign start to the failing check, compilation excluded (forge: its',
    "own duration of the test, setUp included; the harness: secondsToKill). A kill by 'setUp' means",
    "the mutant broke the forge suite's seeded history before any fuzzing.",
    machineLine('started', start),
    machineLine('ended  ', end),
  ];
  return `${lines.join('\n')}\n`;
}

/** The figures as JSON: settings, machine, every outcome and the summary. */
export function mutantReportJson(
  rows: readonly MutantRow[],
  config: MutantBenchConfig,
  start: MachineInfo,
  end: MachineInfo,
  baseline?: MutantRow,
): unknown {
  return { config, machine: { start, end }, baseline, mutants: rows, summary: summarizeMutants(rows) };
}
