import { join, resolve } from 'node:path';
import { CliflessError } from '../errors.ts';
import { checkContractsFolder, checkDeployedContracts } from './contracts-folder.ts';
import { type Artifacts, CompileError, compileContracts, PROJECT_ROOT } from './index.ts';

/**
 * Compiles the contracts for a command, turning solc's errors into a CLI error (exit 2) that shows
 * them as solc reports them, file:line:col first.
 */
export function compileForCli(contractsDir: string | undefined, log: (line: string) => void): Artifacts {
  const options: Parameters<typeof compileContracts>[0] = {};
  const dir = resolve(contractsDir ?? join(PROJECT_ROOT, 'contracts'));
  checkContractsFolder(dir, contractsDir === undefined ? dir : `--contracts ${contractsDir}`);
  if (contractsDir !== undefined) options.contractsDir = dir;
  try {
    const { artifacts, cached, elapsedMs } = compileContracts(options);
    log(`compiled contracts (${cached ? 'cached' : 'solc'}, ${(elapsedMs / 1000).toFixed(1)}s)`);
    checkDeployedContracts(
      Object.values(artifacts.contracts).map((c) => c.contractName),
      contractsDir === undefined ? dir : `--contracts ${contractsDir}`,
    );
    return artifacts;
  } catch (error) {
    if (error instanceof CompileError)
      throw new CliflessError('the contracts do not compile', { details: error.message });
    throw error;
  }
}
