import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Artifacts } from '../compile/index.ts';
import { PROJECT_ROOT } from '../compile/index.ts';
import { CliflessError } from '../errors.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import type { Trace } from '../trace/format.ts';
import { AbiLookup } from './abi-lookup.ts';
import { modelSteps } from './model-steps.ts';
import { renderForgeTest } from './render-test.ts';

/** Where and how to write an exported forge test. */
export interface ExportOptions {
  trace: Trace;
  traceFile: string;
  artifacts: Artifacts;
  /** The `.t.sol` to write. */
  out: string;
  contractName: string;
  /** The contracts folder the test imports (default ./contracts of the project). */
  contractsDir?: string;
  /** Overwrite an existing file. */
  force?: boolean;
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
  const out = resolve(options.out);
  if (!out.endsWith('.t.sol')) {
    throw new CliflessError(`--out ${options.out}: a forge test file must end in .t.sol`);
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.contractName)) {
    throw new CliflessError(`--contract-name ${options.contractName}: not a Solidity identifier`);
  }
  if (existsSync(out) && options.force !== true) {
    throw new CliflessError(`${options.out} already exists`, {
      details: 'Pass --force to overwrite it, or --out to write elsewhere.',
    });
  }
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
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const fmt = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'forge'), ['fmt', out], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return {
    out,
    steps: steps.length,
    reverts: steps.filter((s) => !s.outcome.ok).length,
    formatted: fmt.status === 0,
  };
}
