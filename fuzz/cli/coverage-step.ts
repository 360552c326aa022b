import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Artifacts } from '../compile/index.ts';
import { PROJECT_ROOT } from '../compile/index.ts';
import { claimCoverageHtml, writeHtmlReport } from '../coverage/html-step.ts';
import { LCOV_TEST_NAME, renderLcov } from '../coverage/lcov.ts';
import { type CoverageRecorder, recordCoverage } from '../coverage/recorder.ts';
import { buildCoverageReport } from '../coverage/report.ts';
import { formatCoverageSummary } from '../coverage/summary.ts';
import { UsageError } from '../errors.ts';
import type { Chain } from '../evm/index.ts';
import { claimOutput, type Delivery, deliverOutput, type OutputClaim, OutputPathError } from '../io/output.ts';
import type { FlagSpec, ParsedArgs } from './kit/args.ts';

/** Where `--coverage` writes lcov unless `--coverage-out` says otherwise. */
export const DEFAULT_COVERAGE_OUT = 'coverage/lcov.info';

/** The coverage flags of `cliffless fuzz`. */
export const COVERAGE_FLAGS: FlagSpec[] = [
  {
    name: 'coverage',
    type: 'boolean',
    conflicts: ['exhaustive'],
    description: 'Record which lines and branches of the contracts ran; write lcov and print a summary',
  },
  {
    name: 'coverage-out',
    needs: ['coverage'],
    type: 'string',
    default: DEFAULT_COVERAGE_OUT,
    description: 'With --coverage: the lcov file (only a file cliffless wrote is overwritten)',
  },
  {
    name: 'html',
    needs: ['coverage'],
    type: 'string',
    description:
      'With --coverage: also write a browsable HTML report (source with hit counts and branches) into this folder',
  },
  {
    name: 'coverage-include-libs',
    needs: ['coverage'],
    type: 'boolean',
    description: 'With --coverage: also report the OpenZeppelin code inlined into the contracts',
  },
];

/** Coverage for one fuzz command: attach before deployment, finish after the campaign. */
export interface CoverageStep {
  /** The lcov output, claimed before any work. */
  claim: OutputClaim;
  /** Options for prepareEnvironment: the recorder attaches to the chain before anything is deployed. */
  deployOptions(artifacts: Artifacts): { onChain: (chain: Chain) => void };
  /** Writes the lcov file (or prints it, should the write fail: see `deliverOutput`); returns the terminal summary. */
  finish(artifacts: Artifacts, contractsDir: string | undefined): { summary: string; delivery: Delivery };
}

/**
 * Reads the coverage flags; undefined when `--coverage` is off (then nothing is recorded and the
 * EVM runs unhooked). Checks the output path before any work, so a bad one fails at once (exit 2).
 */
export function coverageStep(flags: ParsedArgs['flags']): CoverageStep | undefined {
  // --coverage-out without --coverage, or --coverage with --exhaustive, the parser refuses.
  if (flags.coverage !== true) return undefined;
  if (((flags.workers as number | undefined) ?? 1) > 1) {
    throw new UsageError('--coverage records in one thread: drop --workers (or use --shard per process)', 'fuzz');
  }
  const out = (flags['coverage-out'] as string | undefined) ?? DEFAULT_COVERAGE_OUT;
  const claim = claimCoverageOut(out, flags.force === true);
  const html = claimCoverageHtml(flags);
  let recorder: CoverageRecorder | undefined;
  return {
    claim,
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
      const delivery = deliverOutput(claim, renderLcov(files, pathOf), 'LCOV', basename(out));
      const where = delivery.written === undefined ? 'not written: printed above' : `written to ${out}`;
      const page = html === undefined ? undefined : writeHtmlReport(html, files, pathOf);
      const htmlWhere = page === undefined ? '' : `, HTML to ${page}`;
      return { summary: `\ncoverage (lcov ${where}${htmlWhere}):\n\n${formatCoverageSummary(files)}\n`, delivery };
    },
  };
}

/**
 * Claims the lcov file under the output policy, with two allowances for the default
 * `coverage/lcov.info`: a missing folder is created (one level, when the lcov is written), and an
 * existing lcov file cliffless wrote (first line `TN:cliffless`) is regenerated without --force;
 * any other existing file is the user's and is refused.
 */
function claimCoverageOut(out: string, force: boolean): OutputClaim {
  if (out.endsWith('/')) return claimOutput('coverage-out', out); // refused: names a folder
  if (!existsSync(dirname(resolve(out)))) return claimOutput('coverage-out', dirname(out), { kind: 'folder' });
  const exists = existsSync(out);
  const ours = exists && startsWith(out, `TN:${LCOV_TEST_NAME}\n`);
  if (exists && !ours && !force && statSync(out).isFile()) {
    throw new OutputPathError(
      'coverage-out',
      out,
      'exists and is not an lcov file written by cliffless',
      'Refusing to overwrite it: remove it, choose another file, or pass --force.',
    );
  }
  return claimOutput('coverage-out', out, { force: force || ours });
}

function startsWith(path: string, prefix: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(prefix.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8') === prefix;
  } catch {
    return false; // a folder, or not readable: the claim reports what is wrong with it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
