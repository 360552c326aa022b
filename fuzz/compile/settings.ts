/**
 * The solc standard-JSON settings, kept equal to foundry.toml so that the harness and forge run the
 * same bytecode: optimizer on with 200 runs, evmVersion cancun, no metadata hash, and the same
 * `@openzeppelin/contracts/` remapping.
 */

/** The remappings of foundry.toml that contract sources use (forge-std is only for forge tests). */
export const REMAPPINGS: readonly string[] = ['@openzeppelin/contracts/=node_modules/@openzeppelin/contracts/'];

/**
 * What the harness needs from each contract: the ABI and bytecodes to deploy and call, the
 * creation and deployed source maps and generated sources for coverage, method identifiers, the storage layout
 * for direct reads, and (per source) the AST for mutation.
 */
export const OUTPUT_SELECTION = {
  '*': {
    '*': [
      'abi',
      'evm.bytecode.object',
      'evm.bytecode.sourceMap',
      'evm.deployedBytecode.object',
      'evm.deployedBytecode.sourceMap',
      'evm.deployedBytecode.generatedSources',
      'evm.deployedBytecode.immutableReferences',
      'evm.methodIdentifiers',
      'storageLayout',
    ],
    '': ['ast'],
  },
} as const;

/** The `settings` object of the standard-JSON input. */
export interface SolcSettings {
  optimizer: { enabled: boolean; runs: number };
  evmVersion: string;
  metadata: { bytecodeHash: 'none' | 'ipfs' | 'bzzr1' };
  remappings: string[];
  outputSelection: typeof OUTPUT_SELECTION;
}

/** foundry.toml's `[profile.default]` compiler settings, as solc standard JSON. */
export function defaultSettings(): SolcSettings {
  return {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'none' },
    remappings: [...REMAPPINGS],
    outputSelection: OUTPUT_SELECTION,
  };
}
