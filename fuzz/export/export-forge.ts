import { spawnSync } from 'node:child_process';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Artifacts } from '../compile/index.ts';
import { PROJECT_ROOT } from '../compile/index.ts';
import { CliflessError } from '../errors.ts';
import { type OutputClaim, writeOutput } from '../io/output.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import type { Trace } from '../trace/format.ts';
import { AbiLookup } from './abi-lookup.ts';
import { modelSteps } from './model-steps.ts';
import { renderForgeTest } from './render-test.ts';
import { contractNameProblem } from './solidity-identifier.ts';

/** Where and how to write an exported forge test. */
export interface ExportOptions {
  trace: Trace;
  traceFile: string;
  artifacts: Artifacts;
  /** The `.t.sol` to write, claimed before any work (fuzz/io/output.ts). */
  out: OutputClaim;
  contractName: string;
  /** The contracts folder the test imports (default ./contracts of the project). */
  contractsDir?: string;
}

/** What was written. */
export interface ExportResult {
  out: string;
  steps: number;
  reverts: number;
  /** Whether `forge fmt` formatted the file (false when forge could not run). */
  formatted: boolean;
}

/** `donations.json` → `DonationsReplay`: a valid Solidity contract name from a trace's file name. */
export function defaultContractName(traceFile: string): string {
  const stem = basename(traceFile, extname(traceFile));
  const words = stem.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const name = words.map((w) => (w[0] as string).toUpperCase() + w.slice(1)).join('');
  return `${/^[0-9]/.test(name) || name === '' ? 'Trace' : ''}${name}Replay`;
}

/** `traces/x.json` → `traces/x.t.sol`. */
export function defaultOutPath(traceFile: string): string {
  return join(dirname(traceFile), `${basename(traceFile, extname(traceFile))}.t.sol`);
}

/**
 * Runs the trace on the reference model, renders a forge test asserting every outcome, writes it
 * (never over an existing file unless `force`) and formats it with `forge fmt`.
 */
export async function exportForgeTest(options: ExportOptions): Promise<ExportResult> {
  const out = options.out.absolute;
  checkExportTarget(options.out.path, options.contractName);
  const env = await prepareEnvironment(options.artifacts, options.trace.world);
  const { steps, final } = await modelSteps(env, options.trace, options.traceFile);
  const contractsDir = resolve(options.contractsDir ?? join(PROJECT_ROOT, 'contracts'));
  let contractsImport = relative(dirname(out), contractsDir).split(sep).join('/');
  if (!contractsImport.startsWith('.')) contractsImport = `./${contractsImport}`;
  const text = renderForgeTest({
    trace: options.trace,
    traceFile: options.traceFile,
    steps,
    final,
    setup: env.setup,
    abi: new AbiLookup(options.artifacts),
    contractName: options.contractName,
    contractsImport,
  });
  // Formatted from standard input, so the file is written once, whole, through the output policy.
  const fmt = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'forge'), ['fmt', '--raw', '-'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: text,
  });
  const formatted = fmt.status === 0 && fmt.stdout.trim().length > 0;
  writeOutput(options.out, formatted ? fmt.stdout : text);
  return { out, steps: steps.length, reverts: steps.filter((s) => !s.outcome.ok).length, formatted };
}

/**
 * Refuses, before any work, an --out that is not a `.t.sol` file or a --contract-name that is not a
 * Solidity contract name the test can declare (an identifier, not a keyword, not an imported name).
 */
export function checkExportTarget(out: string, contractName: string): void {
  if (!out.endsWith('.t.sol')) throw new CliflessError(`--out ${out}: a forge test file must end in .t.sol`);
  const problem = contractNameProblem(contractName);
  if (problem !== undefined) {
    throw new CliflessError(`--contract-name ${JSON.stringify(contractName)}: ${problem}`, {
      details: 'Give a name like Seed1Replay: a letter first, then letters, digits or _.',
    });
  }
}
