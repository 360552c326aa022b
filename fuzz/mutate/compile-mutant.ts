import { join } from 'node:path';
import type { Artifacts } from '../compile/artifacts.ts';
import { cacheKey, pruneCache, readCache, writeCache } from '../compile/cache.ts';
import { collectContracts, PROJECT_ROOT, type SolcOutput } from '../compile/compile.ts';
import { defaultSettings, OUTPUT_SELECTION } from '../compile/settings.ts';
import { loadSolc, solcPackageVersion } from '../compile/solc.ts';
import { collectSources, importPaths, resolveImport, type SourceMap } from '../compile/sources.ts';
import type { Mutant } from './mutant.ts';

/** The mutant cache: its own folder, so mutants never evict the main cache's entries. */
export const MUTANT_CACHE_DIR: string = join(PROJECT_ROOT, '.cliffless', 'mutant-cache');
/** Mutant compilations kept (each a few hundred kB: only the recompiled contracts). */
const MUTANT_CACHE_ENTRIES = 1024;

/** A compiled mutant, or solc's first error when it does not compile. */
export type MutantCompilation =
  | { ok: true; artifacts: Artifacts; cached: boolean; recompiled: string[] }
  | { ok: false; error: string };

/** Where a mutant is compiled and cached. */
export interface MutantCompileOptions {
  contractsDir: string;
  /** Cache folder, or false for none. Default {@link MUTANT_CACHE_DIR}. */
  cacheDir?: string | false;
}

/**
 * Compiles a mutant with the settings every compilation uses (optimizer, EVM version, metadata,
 * remappings), asking solc for the bytecode of only the source units that import the mutated file
 * (directly or not) and itself; the other contracts' artifacts are the base compilation's. The
 * output selection does not change the code solc generates for a contract, only which contracts
 * it generates code for, and skipping the unaffected ones roughly halves the compile time (the
 * test compares a recompiled unchanged unit's bytecode with the base's).
 */
export function compileMutant(mutant: Mutant, base: Artifacts, options: MutantCompileOptions): MutantCompilation {
  const settings = defaultSettings();
  const sources = collectSources({
    projectRoot: PROJECT_ROOT,
    contractsDir: options.contractsDir,
    overrides: { [mutant.file]: mutant.source },
    remappings: settings.remappings,
  });
  const recompiled = dependentsOf(mutant.file, sources, settings.remappings);
  const selection = Object.fromEntries(recompiled.map((unit) => [unit, { '*': OUTPUT_SELECTION['*']['*'] }]));
  const input = { language: 'Solidity', sources, settings: { ...settings, outputSelection: selection } };
  const key = cacheKey(solcPackageVersion(), input);
  const cacheDir = options.cacheDir ?? MUTANT_CACHE_DIR;
  const hit = cacheDir === false ? undefined : readCache(cacheDir, key);
  let partial = hit;
  if (partial === undefined) {
    const output = JSON.parse(loadSolc().compile(JSON.stringify(input))) as SolcOutput;
    const error = (output.errors ?? []).find((e) => e.severity === 'error');
    if (error !== undefined) return { ok: false, error: (error.formattedMessage ?? error.message).trim() };
    partial = { ...base, key, contracts: collectContracts(output), sources: {}, warnings: [] };
    if (cacheDir !== false) {
      writeCache(cacheDir, partial);
      pruneCache(cacheDir, MUTANT_CACHE_ENTRIES);
    }
  }
  const baseUnit = base.sources[mutant.file];
  return {
    ok: true,
    cached: hit !== undefined,
    recompiled,
    artifacts: {
      ...base,
      key,
      contracts: { ...base.contracts, ...partial.contracts },
      // The mutated unit's text; its AST is the original's and is dropped rather than left stale.
      sources:
        baseUnit === undefined
          ? base.sources
          : { ...base.sources, [mutant.file]: { ...baseUnit, content: mutant.source, ast: null } },
    },
  };
}

/** The unit and every unit that imports it, directly or through others, in name order. */
export function dependentsOf(unit: string, sources: SourceMap, remappings: readonly string[]): string[] {
  const importers = new Map<string, string[]>();
  for (const [importer, { content }] of Object.entries(sources)) {
    for (const path of importPaths(content)) {
      const imported = resolveImport(importer, path, remappings);
      importers.set(imported, [...(importers.get(imported) ?? []), importer]);
    }
  }
  const found = new Set<string>([unit]);
  const queue = [unit];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const importer of importers.get(next) ?? []) {
      if (!found.has(importer)) {
        found.add(importer);
        queue.push(importer);
      }
    }
  }
  return [...found].sort();
}
