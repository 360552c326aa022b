import type { Abi, Hex } from 'viem';
import type { SolcSettings } from './settings.ts';

/** One storage variable of solc's `storageLayout` output. */
export interface StorageSlot {
  astId: number;
  contract: string;
  label: string;
  offset: number;
  slot: string;
  type: string;
}

/** solc's `storageLayout` output: variables and the types they refer to. */
export interface StorageLayout {
  storage: StorageSlot[];
  types: Record<string, { encoding: string; label: string; numberOfBytes: string; [key: string]: unknown }> | null;
}

/** Everything the harness keeps of one compiled contract. */
export interface ContractArtifact {
  /** Source unit name, e.g. `contracts/SplitMarket.sol`. */
  sourceName: string;
  contractName: string;
  abi: Abi;
  /** Creation code, `0x`-prefixed (`0x` for interfaces and abstract contracts). */
  bytecode: Hex;
  /** solc's compressed source map of the creation code (constructor coverage). */
  sourceMap: string;
  /** Runtime code, `0x`-prefixed. */
  deployedBytecode: Hex;
  /** solc's compressed source map of the runtime code (for coverage). */
  deployedSourceMap: string;
  /** Yul sources solc generated for the runtime code; source-map indices past the real sources point here. */
  generatedSources: unknown[];
  /** Offsets of immutables in the runtime code, by AST id. */
  immutableReferences: Record<string, { start: number; length: number }[]>;
  /** Function signature → 4-byte selector (hex, no `0x`). */
  methodIdentifiers: Record<string, string>;
  storageLayout: StorageLayout;
}

/** One compiled source unit: its solc id (used by source maps), its text and its AST. */
export interface SourceArtifact {
  id: number;
  content: string;
  ast: unknown;
}

/** A solc error or warning, with its position resolved to a 1-based line and column. */
export interface CompilerDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** solc's error type, e.g. `ParserError`, `TypeError`, `Warning`. */
  type: string;
  message: string;
  /** solc's own rendering: type, message, `--> file:line:col` and the offending line. */
  formattedMessage: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The output of one compilation, as written to and read from the cache. */
export interface Artifacts {
  /** sha256 of the standard-JSON input and the solc version: the cache key. */
  key: string;
  solcVersion: string;
  settings: SolcSettings;
  /** By `${sourceName}:${contractName}`. */
  contracts: Record<string, ContractArtifact>;
  /** By source unit name. */
  sources: Record<string, SourceArtifact>;
  /** Warnings about our own sources (those from node_modules are dropped, like forge's `ignored_warnings_from`). */
  warnings: CompilerDiagnostic[];
}

/**
 * Finds a contract by `Name` (must be unique across sources) or by `source/unit.sol:Name`.
 *
 * @example
 * const market = getArtifact(artifacts, 'SplitMarket');
 * const mock = getArtifact(artifacts, 'contracts/test-mocks/MockERC20.sol:MockERC20');
 */
export function getArtifact(artifacts: Artifacts, name: string): ContractArtifact {
  const exact = artifacts.contracts[name];
  if (exact !== undefined) return exact;
  const matches = Object.values(artifacts.contracts).filter((c) => c.contractName === name);
  const [first, second] = matches;
  if (first === undefined) {
    throw new Error(`no compiled contract named ${name}; compiled: ${Object.keys(artifacts.contracts).join(', ')}`);
  }
  if (second !== undefined) {
    const names = matches.map((c) => `${c.sourceName}:${c.contractName}`).join(', ');
    throw new Error(`contract name ${name} is ambiguous (${names}); use source:name`);
  }
  return first;
}
