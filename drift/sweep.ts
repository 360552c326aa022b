import { checkParams, type DriftParams } from './params.ts';
import { type DriftSummary, simulateDrift } from './simulate.ts';

/** The volatilities the sweep covers (crypto-like: 50% to 100% a year). */
export const SWEEP_SIGMAS = [0.5, 0.6, 0.75, 0.8, 1.0];

/** One sweep case: what it changes from the base parameters. */
export interface SweepCase {
  label: string;
  change: Partial<DriftParams>;
}

/**
 * The sweep: each σ of SWEEP_SIGMAS with the base rule, then, at the base σ, the rule's fractions
 * one at a time (the strike fraction for entry and rolls together, the price trigger, the time
 * trigger) and the slippage, so each row shows what one knob does.
 */
export function sweepCases(base: DriftParams): SweepCase[] {
  const strike = (f: number): SweepCase => ({ label: `strike ${f}·x`, change: { entryStrike: f, newStrike: f } });
  return [
    ...SWEEP_SIGMAS.map((sigma) => ({ label: `σ ${sigma}`, change: { sigma } })),
    strike(0.4),
    strike(0.6),
    { label: 'roll below 1.25·S', change: { rollBelow: 1.25 } },
    { label: 'roll below 1.75·S', change: { rollBelow: 1.75 } },
    { label: 'roll 15 days left', change: { rollDays: 15 } },
    { label: 'slippage 0', change: { slippage: 0 } },
    { label: 'slippage 0.5%', change: { slippage: 0.005 } },
  ].filter((c) => isValid({ ...base, ...c.change }));
}

/** Whether a case's parameters are valid (a user's base rule can make one invalid: it is then left out). */
function isValid(params: DriftParams): boolean {
  try {
    checkParams(params);
    return true;
  } catch {
    return false;
  }
}

/** A sweep row: the case and its figures. */
export interface SweepRow {
  label: string;
  summary: DriftSummary;
}

/** Runs every sweep case with `paths` paths each. */
export function runSweep(base: DriftParams, paths: number): SweepRow[] {
  return sweepCases(base).map(({ label, change }) => ({
    label,
    summary: simulateDrift({ ...base, ...change, paths }).summary,
  }));
}

const percent = (v: number, digits = 2) => `${(v * 100).toFixed(digits)}%`;

/** The sweep as a Markdown table (readable in a terminal, pasteable into docs). */
export function sweepTable(rows: readonly SweepRow[]): string {
  const header = [
    'case',
    'σ',
    'annual std (± s.e.)',
    'p01',
    'p99',
    'mean log',
    'rolls/yr (price+time)',
    'traded/yr',
    'slippage/yr',
    'debt liquidated',
    'debt loss (mean)',
  ];
  const lines = rows.map(({ label, summary: s }) => [
    label,
    String(s.sigma),
    `${percent(s.annualStd)} ± ${percent(s.annualStdError, 2)}`,
    percent(s.p01),
    percent(s.p99),
    percent(s.meanLog),
    `${s.rollsPerYear.total.toFixed(1)} (${s.rollsPerYear.price.toFixed(1)}+${s.rollsPerYear.time.toFixed(1)})`,
    `${s.tradedPerYear.toFixed(1)}×`,
    percent(s.slippageCostPerYear),
    percent(s.debt.liquidationRate, 1),
    percent(s.debt.lossMean, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}
