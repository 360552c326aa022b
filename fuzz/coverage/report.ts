import type { Artifacts } from '../compile/artifacts.ts';
import { type BranchSite, collectSites, type FunctionSite, rangeKey, type SourceRange, within } from './ast.ts';
import type { CodeHits, CoverageData } from './data.ts';
import { analyzeProgram, type Program } from './program.ts';
import { SourceText } from './source-text.ts';

/** How often one function or modifier ran (its entry code), at the line it starts on. */
export interface FunctionCoverage {
  name: string;
  line: number;
  count: number;
}

/**
 * One branch site with the JUMPIs that decide it: how often each way was taken. `ways` are the
 * condition's true and false sides when the code tells which JUMPI way is which, else the JUMPI's
 * jump and fall-through (`sided` false).
 */
export interface BranchCoverage {
  line: number;
  site: BranchSite;
  sided: boolean;
  counts: [number, number];
  /** Whether any deciding JUMPI ran at all (lcov's `-` when not). */
  reached: boolean;
}

/** Which part of the code base a file belongs to. */
export type FileGroup = 'contracts' | 'test-mocks' | 'libraries';

/** Coverage of one source file, summed over every contract whose code came from it. */
export interface FileCoverage {
  /** Source unit name, e.g. `contracts/SplitMarket.sol`. */
  unit: string;
  group: FileGroup;
  text: SourceText;
  /** Line → count: lines some instruction is attributed to (lines without code are absent). */
  lines: Map<number, number>;
  functions: FunctionCoverage[];
  branches: BranchCoverage[];
}

/** Which files a report covers. */
export interface ReportOptions {
  /** Also report node_modules files (OpenZeppelin) inlined into the contracts. Default false. */
  includeLibs?: boolean;
}

/**
 * Maps raw coverage onto the sources: every instruction of every compiled contract (runtime and
 * creation code) is attributed by solc's source map to a source range; a line counts as code when
 * some instruction's range starts on it, and its count is the highest count of those instructions.
 * A function's count is that of the code solc attributes to the function as a whole (entry and
 * exit). Branches are the branch sites of the AST (if, ternary, &&, ||, loops, assembly if/for)
 * that a JUMPI is attributed to; checks the compiler adds (dispatch, ABI decoding, overflow,
 * array bounds, external call results) are not branches. Compiler-generated Yul never appears,
 * and node_modules only with `includeLibs`.
 *
 * @throws {Error} when `data` was recorded against another compilation.
 */
export function buildCoverageReport(
  artifacts: Artifacts,
  data: CoverageData,
  options: ReportOptions = {},
): FileCoverage[] {
  if (data.artifactsKey !== artifacts.key) {
    throw new Error(
      `the coverage data is for compilation ${data.artifactsKey.slice(0, 12)}, not ${artifacts.key.slice(0, 12)}: the contracts changed since it was recorded`,
    );
  }
  const files = new Map<number, FileCoverage & { sites: ReturnType<typeof collectSites>; glue: Set<string> }>();
  const byRange = new Map<string, BranchSite>();
  const byCondition = new Map<string, BranchSite>();
  for (const [unit, source] of Object.entries(artifacts.sources)) {
    const sites = collectSites(source.ast);
    for (const site of sites.branches) byRange.set(rangeKey(site.range), site);
    for (const site of sites.branches)
      if (!byRange.has(rangeKey(site.condition))) byCondition.set(rangeKey(site.condition), site);
    const group = groupOf(unit, options.includeLibs ?? false);
    if (group === undefined) continue;
    files.set(source.id, {
      unit,
      group,
      text: new SourceText(source.content),
      lines: new Map(),
      functions: [],
      branches: [],
      sites,
      glue: new Set([...sites.functions.map((f) => f.range), ...sites.contracts].map(rangeKey)),
    });
  }

  const functionCounts = new Map<FunctionSite, { body: number | undefined; glue: number }>();
  const branchCounts = new Map<string, BranchCoverage>();
  const libraries = libraryKeys(artifacts);
  for (const [contract, artifact] of Object.entries(artifacts.contracts)) {
    // A library's own code is a stub nobody deploys: its internal functions are inlined into callers.
    if (libraries.has(contract)) continue;
    for (const kind of ['runtime', 'creation'] as const) {
      if ((kind === 'runtime' ? artifact.deployedBytecode : artifact.bytecode) === '0x') continue;
      const program = analyzeProgram(artifact, kind, { byRange, byCondition });
      const hits = data.contracts[contract]?.[kind] ?? { blocks: {}, jumps: {} };
      const counts = instructionCounts(program, hits);
      for (const [i, entry] of program.entries.entries()) {
        const file = files.get(entry.file);
        if (file === undefined || entry.start < 0 || i >= program.instructions.length) continue;
        const count = counts[i] as number;
        // Code solc attributes to a whole function or contract is entry, exit and dispatch glue,
        // which the optimizer shares between functions (one STOP for all): it says nothing about
        // which function ran, so it marks no line and counts for a function only without a body.
        const glue = file.glue.has(rangeKey(entry));
        if (!glue) {
          const line = file.text.lineOf(entry.start);
          file.lines.set(line, Math.max(file.lines.get(line) ?? 0, count));
        }
        for (const fn of file.sites.functions) {
          if (!within(entry, fn.range)) continue;
          const f = functionCounts.get(fn) ?? { body: undefined, glue: 0 };
          if (glue) f.glue = Math.max(f.glue, count);
          else f.body = Math.max(f.body ?? 0, count);
          functionCounts.set(fn, f);
        }
      }
      for (const jump of program.deciding) {
        const file = files.get(jump.site.range.file);
        if (file === undefined) continue;
        const sided = jump.jumpIsTrue !== undefined;
        const key = `${rangeKey(jump.site.range)}${sided ? '' : '?'}`;
        const branch = branchCounts.get(key) ?? {
          line: file.text.lineOf(jump.site.range.start),
          site: jump.site,
          sided,
          counts: [0, 0],
          reached: false,
        };
        const [fell, jumped] = hits.jumps[jump.pc] ?? [0, 0];
        const ways: [number, number] = jump.jumpIsTrue === false ? [fell, jumped] : [jumped, fell];
        branch.counts = [branch.counts[0] + ways[0], branch.counts[1] + ways[1]];
        branch.reached ||= (counts[program.indexOf.get(jump.pc) as number] as number) > 0;
        branchCounts.set(key, branch);
      }
    }
  }

  for (const file of files.values()) {
    for (const fn of file.sites.functions) {
      const f = functionCounts.get(fn);
      if (f !== undefined)
        file.functions.push({ name: fn.name, line: file.text.lineOf(fn.range.start), count: f.body ?? f.glue });
    }
  }
  for (const branch of branchCounts.values()) files.get(branch.site.range.file)?.branches.push(branch);
  return [...files.values()]
    .filter((f) => f.lines.size > 0)
    .map(({ sites: _, glue: __, ...file }) => ({
      ...file,
      lines: new Map([...file.lines].sort(([a], [b]) => a - b)),
      branches: file.branches.sort((a, b) => order(a.site.range, b.site.range) || Number(b.sided) - Number(a.sided)),
    }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/** `source:Name` of every library. */
function libraryKeys(artifacts: Artifacts): Set<string> {
  const keys = new Set<string>();
  for (const [unit, source] of Object.entries(artifacts.sources)) {
    const nodes = (source.ast as { nodes?: { nodeType?: string; contractKind?: string; name?: string }[] }).nodes ?? [];
    for (const node of nodes) {
      if (node.nodeType === 'ContractDefinition' && node.contractKind === 'library') keys.add(`${unit}:${node.name}`);
    }
  }
  return keys;
}

function order(a: SourceRange, b: SourceRange): number {
  return a.start - b.start || a.length - b.length;
}

function groupOf(unit: string, includeLibs: boolean): FileGroup | undefined {
  if (unit.startsWith('contracts/test-mocks/')) return 'test-mocks';
  if (unit.startsWith('contracts/')) return 'contracts';
  if (includeLibs && unit.startsWith('node_modules/')) return 'libraries';
  return undefined;
}

/** Per instruction: how often it ran, i.e. how often its basic block was entered. */
export function instructionCounts(program: Program, hits: CodeHits): Float64Array {
  const counts = new Float64Array(program.instructions.length);
  for (let i = 0; i < counts.length; i++) {
    const first = program.instructions[program.blockOf[i] as number];
    counts[i] = first === undefined ? 0 : (hits.blocks[first.pc] ?? 0);
  }
  return counts;
}
