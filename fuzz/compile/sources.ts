import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** Source unit name → file content, as solc's standard-JSON `sources` wants it. */
export type SourceMap = Record<string, { content: string }>;

/** Where sources come from: see {@link collectSources}. */
export interface SourceLayout {
  /** Project root: non-contract unit names (`node_modules/...`, `fuzz/...`) are relative to it. */
  projectRoot: string;
  /** Folder whose `.sol` files become the units `contracts/<path>` (normally `<root>/contracts`). */
  contractsDir: string;
  /** Units given in memory: they replace the file of the same unit name, or add a unit. */
  overrides: Readonly<Record<string, string>>;
  /** `prefix=target` import remappings, as in foundry.toml. */
  remappings: readonly string[];
}

/**
 * Collects every `.sol` under the contracts folder plus the in-memory units, then follows their
 * imports (relative or remapped) until the set is closed, so that the standard-JSON input holds the
 * text of every file compiled — which is what makes its hash a sound cache key.
 *
 * An import that names no file is left out: solc then reports it as a normal compile error, at the
 * import's line.
 */
export function collectSources(layout: SourceLayout): SourceMap {
  const sources: SourceMap = {};
  const queue: string[] = [];
  const add = (unit: string, content: string): void => {
    sources[unit] = { content };
    queue.push(unit);
  };
  for (const file of listSolidityFiles(layout.contractsDir)) {
    const unit = `contracts/${relative(layout.contractsDir, file).split(sep).join('/')}`;
    add(unit, layout.overrides[unit] ?? readFileSync(file, 'utf8'));
  }
  for (const [unit, content] of Object.entries(layout.overrides)) {
    if (!(unit in sources)) add(unit, content);
  }
  for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
    const content = sources[unit]?.content ?? '';
    for (const path of importPaths(content)) {
      const imported = resolveImport(unit, path, layout.remappings);
      if (imported in sources) continue;
      const text = readUnit(imported, layout);
      if (text !== undefined) add(imported, text);
    }
  }
  return sources;
}

/** The text of a unit that was not listed up front: in memory, or on disk. */
export function readUnit(unit: string, layout: SourceLayout): string | undefined {
  const inMemory = layout.overrides[unit];
  if (inMemory !== undefined) return inMemory;
  const file = unitPath(unit, layout);
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
}

/** The file a unit name stands for: `contracts/...` under the contracts folder, the rest under the root. */
export function unitPath(unit: string, layout: SourceLayout): string {
  return unit.startsWith('contracts/')
    ? join(layout.contractsDir, ...unit.slice('contracts/'.length).split('/'))
    : join(layout.projectRoot, ...unit.split('/'));
}

/** solc's rule: `./` and `../` are relative to the importing unit; anything else goes through remappings. */
export function resolveImport(importer: string, path: string, remappings: readonly string[]): string {
  if (path.startsWith('./') || path.startsWith('../')) {
    return posix.normalize(posix.join(posix.dirname(importer), path));
  }
  let best: { prefix: string; target: string } | undefined;
  for (const remapping of remappings) {
    const eq = remapping.indexOf('=');
    const prefix = remapping.slice(0, eq);
    if (path.startsWith(prefix) && (best === undefined || prefix.length > best.prefix.length)) {
      best = { prefix, target: remapping.slice(eq + 1) };
    }
  }
  return best === undefined ? path : best.target + path.slice(best.prefix.length);
}

const IMPORT = /\bimport\s+(?:"([^"]+)"|'([^']+)'|[^;"']*?\bfrom\s*(?:"([^"]+)"|'([^']+)'))/g;

/** The paths a Solidity source imports, comments ignored. */
export function importPaths(content: string): string[] {
  const code = content.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

function listSolidityFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSolidityFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.sol')) files.push(path);
  }
  return files.sort();
}
