import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';
import type { Artifacts, CompilerDiagnostic, ContractArtifact, SourceArtifact, StorageLayout } from './artifacts.ts';
import { cacheKey, cachePath, pruneCache, readCache, writeCache } from './cache.ts';
import { CompileError } from './errors.ts';
import { defaultSettings } from './settings.ts';
import { loadSolc, solcPackageVersion } from './solc.ts';
import { collectSources, readUnit, type SourceLayout } from './sources.ts';

/** The repository root (two folders above this file). */
export const PROJECT_ROOT: string = fileURLToPath(new URL('../../', import.meta.url));

/** What to compile and where to cache it; every field is optional. */
export interface CompileOptions {
  /** Project root for `node_modules/...` and other non-contract units. Default: this repository. */
  projectRoot?: string;
  /** Folder compiled as `contracts/**`. Default: `<projectRoot>/contracts`. */
  contractsDir?: string;
  /**
   * Units in memory, by source unit name: they replace the file of that name (a mutant, a broken
   * variant) or add a unit (the harness's observer). Their text is part of the cache key.
   */
  sources?: Readonly<Record<string, string>>;
  /** Cache folder, or `false` for none. Default: `<projectRoot>/.cliffless/cache`. */
  cacheDir?: string | false;
  /** Entries kept in the cache folder, most recently used first; older ones are deleted. Default 32. */
  cacheEntries?: number;
}

/** Artifacts plus how they were obtained. */
export interface CompileResult {
  artifacts: Artifacts;
  /** True when read from the cache (solc was not run). */
  cached: boolean;
  /** Wall time of the whole call, cache lookup included. */
  elapsedMs: number;
  /** The cache file read or written, if caching is on. */
  cachePath: string | undefined;
}

/**
 * Compiles every `.sol` under the contracts folder (test mocks included) and the in-memory units
 * with the pinned solc-js and foundry.toml's settings, or returns the cached result of an identical
 * input.
 *
 * @throws {CompileError} when solc reports an error; its message shows each as `file:line:col`.
 * @example
 * const { artifacts, cached, elapsedMs } = compileContracts({
 *   sources: { 'fuzz/evm/Observer.sol': observerSource },
 * });
 */
export function compileContracts(options: CompileOptions = {}): CompileResult {
  const started = performance.now();
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const settings = defaultSettings();
  const layout: SourceLayout = {
    projectRoot,
    contractsDir: options.contractsDir ?? join(projectRoot, 'contracts'),
    overrides: options.sources ?? {},
    remappings: settings.remappings,
  };
  const input = { language: 'Solidity', sources: collectSources(layout), settings };
  const solcVersion = solcPackageVersion();
  const key = cacheKey(solcVersion, input);
  const cacheDir = options.cacheDir ?? join(projectRoot, '.cliffless', 'cache');
  const path = cacheDir === false ? undefined : cachePath(cacheDir, key);

  const hit = cacheDir === false ? undefined : readCache(cacheDir, key);
  if (hit !== undefined)
    return { artifacts: hit, cached: true, elapsedMs: performance.now() - started, cachePath: path };

  const solc = loadSolc();
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), {
      // Every reachable file is already in the input; this only turns a missing import into a solc error.
      import: (unit) => {
        const content = readUnit(unit, layout);
        return content === undefined ? { error: `File not found: ${unit}` } : { contents: content };
      },
    }),
  ) as SolcOutput;

  const diagnostics = (output.errors ?? []).map((e) => toDiagnostic(e, input.sources));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new CompileError(errors);

  const artifacts: Artifacts = {
    key,
    solcVersion: solc.version(),
    settings,
    contracts: collectContracts(output),
    sources: collectUnits(output, input.sources),
    warnings: diagnostics.filter((d) => d.severity !== 'error' && !d.file?.startsWith('node_modules/')),
  };
  if (cacheDir !== false) {
    writeCache(cacheDir, artifacts);
    pruneCache(cacheDir, options.cacheEntries ?? 32);
  }
  return { artifacts, cached: false, elapsedMs: performance.now() - started, cachePath: path };
}

interface SolcError {
  severity: 'error' | 'warning' | 'info';
  type: string;
  message: string;
  formattedMessage?: string;
  sourceLocation?: { file: string; start: number; end: number };
}

interface SolcContract {
  abi: Abi;
  evm: {
    bytecode: { object: string; sourceMap: string };
    deployedBytecode: {
      object: string;
      sourceMap: string;
      generatedSources?: unknown[];
      immutableReferences?: Record<string, { start: number; length: number }[]>;
    };
    methodIdentifiers: Record<string, string>;
  };
  storageLayout: StorageLayout;
}

export interface SolcOutput {
  errors?: SolcError[];
  sources?: Record<string, { id: number; ast: unknown }>;
  contracts?: Record<string, Record<string, SolcContract>>;
}

function toDiagnostic(error: SolcError, sources: Record<string, { content: string }>): CompilerDiagnostic {
  const diagnostic: CompilerDiagnostic = {
    severity: error.severity,
    type: error.type,
    message: error.message,
    formattedMessage: error.formattedMessage ?? `${error.type}: ${error.message}`,
  };
  const location = error.sourceLocation;
  if (location === undefined) return diagnostic;
  diagnostic.file = location.file;
  const content = sources[location.file]?.content;
  if (content !== undefined && location.start >= 0) {
    const before = content.slice(0, location.start);
    const lineStart = before.lastIndexOf('\n') + 1;
    diagnostic.line = before.split('\n').length;
    diagnostic.column = location.start - lineStart + 1;
  }
  return diagnostic;
}

export function collectContracts(output: SolcOutput): Record<string, ContractArtifact> {
  const contracts: Record<string, ContractArtifact> = {};
  for (const [sourceName, byName] of Object.entries(output.contracts ?? {})) {
    for (const [contractName, c] of Object.entries(byName)) {
      contracts[`${sourceName}:${contractName}`] = {
        sourceName,
        contractName,
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}` as Hex,
        sourceMap: c.evm.bytecode.sourceMap,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}` as Hex,
        deployedSourceMap: c.evm.deployedBytecode.sourceMap,
        generatedSources: c.evm.deployedBytecode.generatedSources ?? [],
        immutableReferences: c.evm.deployedBytecode.immutableReferences ?? {},
        methodIdentifiers: c.evm.methodIdentifiers,
        storageLayout: c.storageLayout,
      };
    }
  }
  return contracts;
}

function collectUnits(
  output: SolcOutput,
  sources: Record<string, { content: string }>,
): Record<string, SourceArtifact> {
  const units: Record<string, SourceArtifact> = {};
  for (const [unit, { id, ast }] of Object.entries(output.sources ?? {})) {
    units[unit] = { id, ast, content: sources[unit]?.content ?? '' };
  }
  return units;
}
