import { join, relative, resolve } from 'node:path';
import type { Artifacts } from '../compile/index.ts';
import { PROJECT_ROOT } from '../compile/index.ts';
import { claimCoverageHtml, writeHtmlReport } from '../coverage/html-step.ts';
import { renderLcov } from '../coverage/lcov.ts';
import { checkCoverageOut, writeAtomically } from '../coverage/output.ts';
import { type CoverageRecorder, recordCoverage } from '../coverage/recorder.ts';
import { buildCoverageReport } from '../coverage/report.ts';
import { formatCoverageSummary } from '../coverage/summary.ts';
import { UsageError } from '../errors.ts';
import type { Chain } from '../evm/index.ts';
import type { FlagSpec, ParsedArgs } from './args.ts';

/** Where `--coverage` writes lcov unless `--coverage-out` says otherwise. */
export const DEFAULT_COVERAGE_OUT = 'coverage/lcov.info';

/** The coverage flags of `cliffless fuzz`. */
export const COVERAGE_FLAGS: FlagSpec[] = [
  {
    name: 'coverage',
    type: 'boolean',
    description: 'Record which lines and branches of the contracts ran; write lcov and print a summary',
  },
  {
    name: 'coverage-out',
    type: 'string',
    default: DEFAULT_COVERAGE_OUT,
    description: 'With --coverage: the lcov file (only a file cliffless wrote is overwritten)',
  },
  {
    name: 'html',
    type: 'string',
    description:
      'With --coverage: also write a browsable HTML report (source with hit counts and branches) into this folder',
  },
  {
    name: 'coverage-include-libs',
    type: 'boolean',
    description: 'With --coverage: also report the OpenZeppelin code inlined into the contracts',
  },
];

/** Coverage for one fuzz command: attach before deployment, finish after the campaign. */
export interface CoverageStep {
  /** Options for prepareEnvironment: the recorder attaches to the chain before anything is deployed. */
  deployOptions(artifacts: Artifacts): { onChain: (chain: Chain) => void };
  /** Writes the lcov file and returns the terminal summary. */
  finish(artifacts: Artifacts, contractsDir: string | undefined): string;
}

/**
 * Reads the coverage flags; undefined when `--coverage` is off (then nothing is recorded and the
 * EVM runs unhooked). Checks the output path before any work, so a bad one fails at once (exit 2).
 */
export function coverageStep(flags: ParsedArgs['flags']): CoverageStep | undefined {
  if (flags.coverage !== true) {
    for (const name of ['coverage-out', 'coverage-include-libs', 'html']) {
      if (flags[name] !== undefined) throw new UsageError(`--${name} needs --coverage`, 'fuzz');
    }
    return undefined;
  }
  if (flags.exhaustive === true) throw new UsageError('--coverage is not available with --exhaustive', 'fuzz');
  if (((flags.workers as number | undefined) ?? 1) > 1) {
    throw new UsageError('--coverage records in one thread: drop --workers (or use --shard per process)', 'fuzz');
  }
  const out = (flags['coverage-out'] as string | undefined) ?? DEFAULT_COVERAGE_OUT;
  checkCoverageOut(out, '--coverage-out');
  const html = claimCoverageHtml(flags);
  let recorder: CoverageRecorder | undefined;
  return {
    deployOptions: (artifacts) => ({
      onChain: (chain) => {
        recorder = recordCoverage(chain.evm, artifacts);
      },
    }),
    finish: (artifacts, contractsDir) => {
      if (recorder === undefined) throw new Error('internal: coverage was never attached to the chain');
      const data = recorder.data();
      recorder.detach();
      const files = buildCoverageReport(artifacts, data, { includeLibs: flags['coverage-include-libs'] === true });
      const contracts = resolve(contractsDir ?? join(PROJECT_ROOT, 'contracts'));
      const pathOf = (unit: string) =>
        relative(
          process.cwd(),
          unit.startsWith('contracts/') ? join(contracts, unit.slice('contracts/'.length)) : join(PROJECT_ROOT, unit),
        );
      checkCoverageOut(out, '--coverage-out');
      writeAtomically(out, renderLcov(files, pathOf));
      const page = html === undefined ? undefined : writeHtmlReport(html, files, pathOf);
      return `\ncoverage (lcov written to ${out}${page === undefined ? '' : `, HTML to ${page}`}):\n\n${formatCoverageSummary(files)}\n`;
    },
  };
}
