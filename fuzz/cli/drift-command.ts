import { checkParams, DEFAULT_PARAMS, type DriftParams } from '../../drift/params.ts';
import { driftPlotSvg } from '../../drift/plot.ts';
import { recordPaths, simulateDrift } from '../../drift/simulate.ts';
import { runSweep, sweepTable } from '../../drift/sweep.ts';
import { UsageError } from '../errors.ts';
import { claimOutput, deliverOutput, EXIT_OUTPUT_LOST, requireDistinct } from '../io/output.ts';
import type { CommandSpec, FlagSpec, ParsedArgs } from './kit/args.ts';

/** Each simulation parameter's flag: written once, so the spec, the parsing and the errors agree. */
const PARAM_FLAGS: readonly { flag: string; key: keyof DriftParams; int?: boolean; description: string }[] = [
  { flag: 'paths', key: 'paths', int: true, description: 'Monte Carlo paths' },
  { flag: 'seed', key: 'seed', int: true, description: 'PRNG seed (same seed, same numbers)' },
  { flag: 'years', key: 'years', int: true, description: 'Years simulated' },
  {
    flag: 'steps-per-day',
    key: 'stepsPerDay',
    int: true,
    description: 'Price steps per day (triggers checked at each)',
  },
  { flag: 'sigma', key: 'sigma', description: 'Index volatility per √year' },
  { flag: 'mu', key: 'mu', description: 'Index drift per year' },
  { flag: 'jump-rate', key: 'jumpRate', description: 'Jumps per year (Merton; 0 = pure GBM)' },
  { flag: 'jump-mean', key: 'jumpMean', description: 'Mean log-size of a jump' },
  { flag: 'jump-std', key: 'jumpStd', description: 'Std of the log-size of a jump' },
  { flag: 'start-price', key: 'startPrice', description: 'Index at the start (index units per collateral)' },
  { flag: 'entry-strike', key: 'entryStrike', description: 'Entry strike as a fraction of the index' },
  { flag: 'roll-below', key: 'rollBelow', description: 'Price trigger: roll when the index < this × strike' },
  { flag: 'roll-days', key: 'rollDays', description: 'Time trigger: roll when fewer days remain (0: hold to expiry)' },
  { flag: 'new-strike', key: 'newStrike', description: 'Strike at a roll as a fraction of the index' },
  { flag: 'maturity-days', key: 'maturityDays', description: 'Days to expiry of each new series' },
  { flag: 'slippage', key: 'slippage', description: 'Fraction lost on each roll leg (sell and buy)' },
  { flag: 'ltv', key: 'ltv', description: 'Debt position: loan-to-value at the start' },
  {
    flag: 'liquidation-threshold',
    key: 'liquidationThreshold',
    description: 'Debt position: liquidated when collateral × this < debt',
  },
  {
    flag: 'liquidation-penalty',
    key: 'liquidationPenalty',
    description: 'Debt position: penalty as a fraction of the debt',
  },
];

export const driftSpec: CommandSpec = {
  name: 'drift',
  summary: 'simulate the rolling P holder’s drift against a debt position’s liquidations (Monte Carlo)',
  usage: 'cliffless drift [--sigma 0.8] [--paths 20000] [--json FILE] [--plot FILE] [--force]',
  positionals: [],
  flags: [
    ...PARAM_FLAGS.map(
      ({ flag, key, int, description }): FlagSpec => ({
        name: flag,
        type: int === true ? 'int' : 'number',
        description,
        default: String(DEFAULT_PARAMS[key]),
      }),
    ),
    { name: 'sweep-paths', type: 'int', min: 0, default: '5000', description: 'Paths per sweep row (0: no sweep)' },
    { name: 'json', type: 'string', description: 'Write the figures as JSON to FILE' },
    { name: 'plot', type: 'string', default: 'drift.svg', description: 'Write the SVG picture to FILE' },
    { name: 'force', type: 'boolean', description: 'Overwrite existing --json/--plot files' },
  ],
  examples: [
    'npx cliffless drift',
    'npx cliffless drift --sigma 1.0 --slippage 0.005 --json drift.json --plot drift.svg --force',
    'npx cliffless drift --jump-rate 4 --jump-mean -0.25 --sweep-paths 0',
  ],
};

/** `cliffless drift`: prints the figures and the sweep, writes the plot (and JSON); exit 2 on bad flags. */
export async function driftCommand(args: ParsedArgs): Promise<number> {
  const params = paramsFrom(args);
  const force = args.flags.force === true;
  const json = args.flags.json as string | undefined;
  const plot = (args.flags.plot as string | undefined) ?? 'drift.svg';
  const jsonClaim = json === undefined ? undefined : claimOutput('json', json, { force });
  const plotClaim = claimOutput('plot', plot, { force });
  requireDistinct([jsonClaim, plotClaim]);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log(`drift: ${params.paths} paths × ${params.years} year(s) × ${params.stepsPerDay} steps/day, σ ${params.sigma}`);
  const started = performance.now();
  const run = simulateDrift(params);
  log(`drift: simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const s = run.summary;
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  process.stdout.write(
    [
      `Rolling P holder (σ ${s.sigma}, ${s.paths} paths): annual std of log value ${pct(s.annualStd)} ± ${pct(s.annualStdError)}, p01 ${pct(s.p01)}, p99 ${pct(s.p99)}, mean ${pct(s.meanLog)}`,
      `  rolls/yr ${s.rollsPerYear.total.toFixed(2)} (price ${s.rollsPerYear.price.toFixed(2)}, time ${s.rollsPerYear.time.toFixed(2)}, expiry ${s.rollsPerYear.expiry.toFixed(2)}), traded/yr ${s.tradedPerYear.toFixed(2)}× capital, slippage/yr ${pct(s.slippageCostPerYear)}`,
      `Debt position (LTV ${s.debt.ltv}, threshold ${s.debt.liquidationThreshold}, penalty ${s.debt.liquidationPenalty}): liquidated on ${pct(s.debt.liquidationRate)} of paths, loss ${pct(s.debt.lossMean)} of equity (p99 ${pct(s.debt.lossP99)}), bad debt on ${pct(s.debt.badDebtRate)}`,
      `  the rolling holder on those days: mean log change ${pct(s.debt.holderLogOnLiquidationDays.mean)}, worst ${pct(s.debt.holderLogOnLiquidationDays.min)}`,
      '',
    ].join('\n'),
  );
  const sweepPaths = (args.flags['sweep-paths'] as number | undefined) ?? 5000;
  if (sweepPaths > 0) {
    if (sweepPaths < 2) throw new UsageError('--sweep-paths must be 0 (no sweep) or at least 2', 'drift');
    log(`drift: sweep, ${sweepPaths} paths per row`);
    process.stdout.write(
      `\nSweep (${sweepPaths} paths per row, other parameters as above):\n\n${sweepTable(runSweep(params, sweepPaths))}\n`,
    );
  }
  const samples = recordPaths(params, [...new Set([0, 1, 2, ...run.liquidatedPaths.slice(0, 1)])]);
  let lost = false;
  if (deliverOutput(plotClaim, await driftPlotSvg(run, samples), 'DRIFT PLOT SVG').lost === undefined) {
    log(`drift: wrote ${plot}`);
  } else lost = true;
  if (jsonClaim !== undefined) {
    if (deliverOutput(jsonClaim, `${JSON.stringify(s, null, 2)}\n`, 'DRIFT JSON').lost === undefined) {
      log(`drift: wrote ${json}`);
    } else lost = true;
  }
  return lost ? EXIT_OUTPUT_LOST : 0;
}

/** The parameters from the flags (defaults for those not given), checked before any work. */
function paramsFrom(args: ParsedArgs): DriftParams {
  const params = { ...DEFAULT_PARAMS };
  for (const { flag, key } of PARAM_FLAGS) {
    const value = args.flags[flag];
    if (value !== undefined) params[key] = value as number;
  }
  try {
    checkParams(params);
  } catch (error) {
    const bad = PARAM_FLAGS.find(({ key }) => (error as Error).message.startsWith(`${key} `));
    throw new UsageError(`--${bad?.flag ?? '?'}: ${(error as Error).message}`, 'drift');
  }
  return params;
}
