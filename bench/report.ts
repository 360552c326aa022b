import { type Column, textRow } from '../fuzz/cli/kit/table.ts';
import { DEFAULT_PROBE_EVERY } from '../fuzz/runner/checks.ts';
import type { MachineInfo } from './machine.ts';
import type { BenchFigures, Ratio, Subject } from './measure.ts';
import { NESTED, type Profile, type Section } from './profile.ts';
import { scaleJson, scaleLines } from './report-scale.ts';

/**
 * The speed target of issue 7: the harness at 0.7 or more of the bare EVM's speed on the same work,
 * i.e. against a bare EVM making every call the campaign made (the probes' calls are EVM work too).
 */
export const TARGET_RATIO = 0.7;

const SECTION_LABELS: Record<Section, string> = {
  generation: 'generation (interpretStep)',
  modelExecute: 'model: execute',
  modelObserve: 'model: observe',
  evmExecute: 'EVM: execute (encode, call(), decode, track)',
  evmRunCall: '  of which inside evm.runCall',
  evmObserve: 'EVM: observe (storage to ObservedState)',
  d1: 'D1: outcome and whole observed state',
  properties: 'properties (state and transition)',
  payouts: 'M3/M4: payoutOf reads in the EVM',
  views: 'D1 views: view calls at each run end',
  probes: 'probes (M6, O5)',
  probeExecute: '  of which executing probe actions',
  probeRunCall: '    of which inside evm.runCall',
  probeObserve: '  of which observing before and after',
  probeSaveLoad: '  of which snapshot and restores',
  resets: 'run starts (restore both sides)',
};

const BARE_DESCRIPTION = [
  'bare EVM replay: the calls the campaign made, recorded at evm.runCall (caller, target, calldata, block',
  '  timestamp and number), replayed on a fresh identical world through the host call() (same ethereumjs',
  '  EVM, JournaledState and transaction semantics), restoring the start state where each run started;',
  '  no model, encoding, decoding, event tracking, observation or checks. "actions\' calls" replays the',
  '  actions only (the baseline); "all calls" adds the probes\' calls with their snapshot/restores and the',
  '  payoutOf and view reads (staticCall). Both verified before timing: every call succeeded or failed as recorded',
  '  with the same execution gas and return data.',
];

/** The bench's printed report: machine, campaign, the speed table, the breakdown. */
export function formatReport(figures: BenchFigures, start: MachineInfo, end: MachineInfo): string {
  const { config, calls, ratio } = figures;
  const probesLabel = probesPerStep(config.probesPerStep);
  const lines = [
    `cliffless bench, ${start.date}`,
    `machine: ${start.cpu}, ${start.cores} cores, node ${start.node}; load average ${load(start)} at start, ${load(end)} at end`,
    `campaign: runCampaign seed ${config.seed}, ${config.runs} runs, depth ${config.depth}, on the shipped contracts ` +
      '(4 actors + arbitrator, approvals)',
    `  ${figures.actions} actions (${figures.actions - calls.main} warps) in ${figures.runStarts} runs; ` +
      `top-level EVM calls: ${calls.main} for actions, ${calls.probe} in probes, ${calls.payout} payoutOf reads, ` +
      `${calls.view} view reads`,
    `medians of ${config.rounds} interleaved rounds after a warm-up; [min-max over rounds]`,
    '',
    row(['', 'wall s', 'actions/s', '', 'actions/s', 'x bare', '', 'x bare']),
    row(['', '', 'wall', '', 'CPU', 'wall', '', 'CPU']),
    subjectRow(`harness, ${probesLabel}`, figures.harness, figures.actions, ratio.probes),
    subjectRow('harness, probes off', figures.harnessNoProbes, figures.actions, ratio.noProbes),
    subjectRow("bare EVM, actions' calls", figures.bare, figures.actions, undefined),
    subjectRow('bare EVM, all calls', figures.bareAll, figures.actions, ratio.bareAll),
    '',
    `target: harness >= ${TARGET_RATIO} x the bare EVM on the same work (all of the campaign's calls, the probes' too; wall, ${probesLabel}): ` +
      `${ratio.probesVsAll.median.wallMs >= TARGET_RATIO ? 'MET' : 'NOT MET'} at ${ratio.probesVsAll.median.wallMs.toFixed(2)}`,
    `  against the bare EVM replaying the actions' calls only: ${ratio.probes.median.wallMs.toFixed(2)} with ${probesLabel} ` +
      `(the bare EVM itself makes the probes' calls at ${ratio.bareAll.median.wallMs.toFixed(2)} of that speed), ` +
      `${ratio.noProbes.median.wallMs.toFixed(2)} with probes off`,
    ...BARE_DESCRIPTION,
    '',
    ...breakdown(figures),
    ...scaleLines(figures),
  ];
  return `${lines.join('\n')}\n`;
}

/** The probe cadence of the campaign with probes, as `cliffless fuzz` runs it by default. */
function probesPerStep(count: number): string {
  return `${count} probe${count === 1 ? '' : 's'}/${DEFAULT_PROBE_EVERY} steps`;
}

function load(info: MachineInfo): string {
  return info.load.map((l) => l.toFixed(2)).join(' ');
}

/** The campaign table's columns: the subject's label, then figures lined up on their last digit. */
const COLUMNS: readonly Column[] = [26, 8, 11, 12, 11, 8, 13, 8].map((width, i) => ({
  width,
  align: i === 0 ? 'left' : 'right',
}));

function row(cells: string[]): string {
  return textRow(COLUMNS, cells);
}

function subjectRow(label: string, subject: Subject, actions: number, ratio: Ratio | undefined): string {
  const rates = subject.samples.rounds.map((t) => (actions * 1000) / t.wallMs);
  return row([
    label,
    (subject.samples.median.wallMs / 1000).toFixed(2),
    subject.actionsPerSecond.wallMs.toFixed(0),
    `[${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)}]`,
    subject.actionsPerSecond.cpuMs.toFixed(0),
    ratio === undefined ? '1' : ratio.median.wallMs.toFixed(2),
    ratio === undefined ? '' : `[${ratio.range[0].toFixed(2)}-${ratio.range[1].toFixed(2)}]`,
    ratio === undefined ? '1' : ratio.median.cpuMs.toFixed(2),
  ]);
}

/** Milliseconds not inside any section (fast-check, the runner loop, stats). */
export function restMs(profile: Profile): number {
  let inside = 0;
  for (const [section, ms] of Object.entries(profile.ms) as [Section, number][]) {
    if (!NESTED.has(section)) inside += ms;
  }
  return profile.totalMs - inside;
}

function breakdown(figures: BenchFigures): string[] {
  const { probes, noProbes } = figures.profile;
  const cell = (profile: Profile, ms: number) =>
    `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / profile.totalMs).toFixed(1).padStart(5)}%`;
  const columns: Column[] = [{ width: 60 }, { width: 17, align: 'right' }, { width: 17, align: 'right' }];
  const lines = [
    textRow(columns, [
      'where the time goes (one instrumented campaign each, wall)',
      probesPerStep(figures.config.probesPerStep),
      'probes off',
    ]),
  ];
  const add = (label: string, a: number, b: number) =>
    lines.push(textRow(columns, [label, cell(probes, a), cell(noProbes, b)]));
  for (const section of Object.keys(SECTION_LABELS) as Section[]) {
    add(SECTION_LABELS[section], probes.ms[section], noProbes.ms[section]);
  }
  add('fast-check, runner loop, stats (the rest)', restMs(probes), restMs(noProbes));
  add('total (instrumented)', probes.totalMs, noProbes.totalMs);
  return lines;
}

/** The figures as JSON-ready data (no call log; times rounded to 0.1 ms, ratios to 0.001). */
export function reportJson(figures: BenchFigures, start: MachineInfo, end: MachineInfo): unknown {
  const subject = (s: Subject) => ({
    medianWallMs: round(s.samples.median.wallMs),
    medianCpuMs: round(s.samples.median.cpuMs),
    actionsPerSecondWall: round(s.actionsPerSecond.wallMs),
    actionsPerSecondCpu: round(s.actionsPerSecond.cpuMs),
    rounds: s.samples.rounds.map((t) => ({ wallMs: round(t.wallMs), cpuMs: round(t.cpuMs) })),
  });
  const ratio = (r: Ratio) => ({
    wall: round(r.median.wallMs, 3),
    cpu: round(r.median.cpuMs, 3),
    wallRange: r.range.map((x) => round(x, 3)),
  });
  const profile = (p: Profile) => ({
    totalMs: round(p.totalMs),
    ms: { ...Object.fromEntries(Object.entries(p.ms).map(([k, v]) => [k, round(v)])), rest: round(restMs(p)) },
    calls: p.calls,
  });
  return {
    machine: { ...start, loadAtEnd: end.load },
    config: figures.config,
    actions: figures.actions,
    warps: figures.actions - figures.calls.main,
    runStarts: figures.runStarts,
    calls: figures.calls,
    harness: subject(figures.harness),
    harnessNoProbes: subject(figures.harnessNoProbes),
    bare: subject(figures.bare),
    bareAll: subject(figures.bareAll),
    ratio: {
      probes: ratio(figures.ratio.probes),
      noProbes: ratio(figures.ratio.noProbes),
      bareAll: ratio(figures.ratio.bareAll),
      probesVsAll: ratio(figures.ratio.probesVsAll),
      target: TARGET_RATIO,
      met: figures.ratio.probesVsAll.median.wallMs >= TARGET_RATIO,
    },
    breakdown: { probes: profile(figures.profile.probes), noProbes: profile(figures.profile.noProbes) },
    ...scaleJson(figures),
  };
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
