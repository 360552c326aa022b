import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CliflessError } from '../errors.ts';

/**
 * The files of a contracts folder the harness deploys from (fuzz/evm/world.ts), each named for the
 * contract in it: the market and the oracle, the claim token the market creates, and every token
 * kind of the world (test/fuzz/evm-world.test.ts checks the list against the world's kinds). A folder without one of them cannot be fuzzed, replayed, exported, mutated or
 * audited, so every command refuses it before compiling, the same way.
 */
export const DEPLOYED_CONTRACT_FILES = [
  'SplitMarket.sol',
  'SlowOracle.sol',
  'ClaimToken.sol',
  'test-mocks/MockERC20.sol',
  'test-mocks/NoReturnToken.sol',
  'test-mocks/FeeOnTransferToken.sol',
  'test-mocks/CallbackToken.sol',
  'test-mocks/ReturnsFalseToken.sol',
  'test-mocks/ZeroRevertToken.sol',
  'test-mocks/ApprovalRaceToken.sol',
  'test-mocks/PausableToken.sol',
  'test-mocks/BlockListToken.sol',
  'test-mocks/RawSymbolToken.sol',
  'test-mocks/RebasingToken.sol',
  'test-mocks/UpgradableToken.sol',
  'test-mocks/Uint96Token.sol',
  'test-mocks/ZeroApprovalRevertToken.sol',
  'test-mocks/SelfTransferFromToken.sol',
  'test-mocks/MultiEntryToken.sol',
  'test-mocks/TokenEntryPoint.sol',
  'test-mocks/PermitFallbackToken.sol',
  'test-mocks/FlashMintToken.sol',
  'test-mocks/NativeCurrencyToken.sol',
] as const;

/**
 * Refuses (exit 2) a contracts folder that is not a folder or lacks a file the harness deploys from,
 * naming the flag, the folder and every missing file.
 *
 * @param shown how the folder is named in the message (`--contracts x`, `base contracts (main)`).
 */
export function checkContractsFolder(dir: string, shown: string): void {
  const isFolder = (() => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  })();
  const details = `A contracts folder holds ${DEPLOYED_CONTRACT_FILES.join(', ')} (the contracts the harness deploys), as ./contracts does.`;
  if (!isFolder) throw new CliflessError(`${shown}: no such folder`, { details });
  const missing = DEPLOYED_CONTRACT_FILES.filter((file) => {
    try {
      return !statSync(join(dir, file)).isFile();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new CliflessError(`${shown}: missing ${missing.join(', ')}`, { details });
  }
}

/** The contracts the harness deploys, by name: each must be compiled from the folder, exactly once. */
export const DEPLOYED_CONTRACTS = DEPLOYED_CONTRACT_FILES.map((file) =>
  file.replace(/^.*\//, '').replace(/\.sol$/, ''),
);

/**
 * Refuses (exit 2) compiled contracts in which a contract the harness deploys is missing (its file
 * declares something else) or declared twice, naming it.
 */
export function checkDeployedContracts(compiled: readonly string[], shown: string): void {
  for (const name of DEPLOYED_CONTRACTS) {
    const count = compiled.filter((contract) => contract === name).length;
    if (count === 1) continue;
    throw new CliflessError(`${shown}: ${count === 0 ? 'no contract' : 'more than one contract'} named ${name}`, {
      details: `The harness deploys ${DEPLOYED_CONTRACTS.join(', ')}, one contract of each name.`,
    });
  }
}
