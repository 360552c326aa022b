import { quote } from 'shell-quote';
import { compileForCli } from '../compile/for-cli.ts';
import { checkExportTarget, defaultContractName, defaultOutPath, exportForgeTest } from '../export/export-forge.ts';
import { claimOutput } from '../io/output.ts';
import { readTraceFile } from '../trace/io.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { shownPath } from './kit/rerun.ts';

export const exportForgeSpec: CommandSpec = {
  name: 'export-forge',
  summary: 'write a forge test that replays a trace and asserts the outcomes the reference model predicts',
  usage: 'cliffless export-forge <trace.json> [--out <file.t.sol>] [--force]',
  positionals: ['trace'],
  flags: [
    { name: 'out', type: 'string', description: 'The .t.sol to write (default: next to the trace, same name)' },
    { name: 'force', type: 'boolean', description: 'Overwrite --out if it exists' },
    { name: 'contract-name', type: 'string', description: 'Name of the test contract (default: from the file name)' },
    {
      name: 'contracts',
      type: 'string',
      description: 'Contracts folder the test imports (and the harness compiles) instead of ./contracts',
    },
  ],
  examples: [
    'npx cliffless export-forge traces/fuzz-seed1-0123456789.json --out test/forge/exported/Seed1.t.sol',
    'npx forge test --match-path test/forge/exported/Seed1.t.sol',
  ],
};

/**
 * `cliffless export-forge`: exit 0 when the test was written, 2 on a malformed trace, an existing
 * --out without --force, or contracts that do not compile.
 */
export async function exportForgeCommand(args: ParsedArgs): Promise<number> {
  const file = args.positionals[0] as string;
  const trace = readTraceFile(file);
  const contractName = (args.flags['contract-name'] as string | undefined) ?? defaultContractName(file);
  const outPath = (args.flags.out as string | undefined) ?? defaultOutPath(file);
  checkExportTarget(outPath, contractName);
  const out = claimOutput('out', outPath, { force: args.flags.force === true });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const contractsDir = args.flags.contracts as string | undefined;
  const artifacts = compileForCli(contractsDir, log);
  const result = await exportForgeTest({
    trace,
    traceFile: file,
    artifacts,
    out,
    contractName,
    ...(contractsDir === undefined ? {} : { contractsDir }),
  });
  const shown = shownPath(result.out);
  if (!result.formatted) log('warning: `forge fmt` could not format the file; it is still valid Solidity');
  process.stdout.write(
    `wrote ${shown}: ${result.steps} actions (${result.reverts} expected revert${result.reverts === 1 ? '' : 's'}), asserting the model's outcomes\n` +
      `run it with: ${quote(['npx', 'forge', 'test', '--match-path', shown])}\n`,
  );
  return 0;
}
