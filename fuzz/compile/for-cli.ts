import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliflessError } from '../errors.ts';
import { type Artifacts, CompileError, compileContracts } from './index.ts';

/**
 * Compiles the contracts for a command, turning solc's errors into a CLI error (exit 2) that shows
 * them as solc reports them, file:line:col first.
 */
export function compileForCli(contractsDir: string | undefined, log: (line: string) => void): Artifacts {
  const options: Parameters<typeof compileContracts>[0] = {};
  if (contractsDir !== undefined) {
    const dir = resolve(contractsDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new CliflessError(`--contracts ${contractsDir}: no such folder`, {
        details: 'Pass the folder that holds SplitMarket.sol, SlowOracle.sol and test-mocks/.',
      });
    }
    options.contractsDir = dir;
  }
  try {
    const { artifacts, cached, elapsedMs } = compileContracts(options);
    log(`compiled contracts (${cached ? 'cached' : 'solc'}, ${(elapsedMs / 1000).toFixed(1)}s)`);
    return artifacts;
  } catch (error) {
    if (error instanceof CompileError)
      throw new CliflessError('the contracts do not compile', { details: error.message });
    throw error;
  }
}
