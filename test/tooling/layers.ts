import { dirname, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layering of the harness, lowest first. A folder may import from its own folder or from any
 * folder of a lower rank; never up, and never across to another folder of the same rank unless
 * {@link ALLOWED_ACROSS} lists the pair. Ranks with a fraction order the fuzz core internally
 * (errors, the Side interface and the table renderer < io < compile < evm < trace < generate <
 * runner). The CLI kit
 * (flag parser, rerun lines, Ctrl-C) sits just below the tools, since tools with a command-line
 * face (exhaustive, audit) use it too; the CI reports (fuzz/report) sit above the tools they report.
 */
export const LAYERS: Readonly<Record<string, number>> = {
  reference: 0,
  properties: 1,
  drift: 1,
  'fuzz/(root)': 3,
  'fuzz/io': 3.05,
  'fuzz/compile': 3.1,
  'fuzz/evm': 3.2,
  'fuzz/trace': 3.3,
  'fuzz/generate': 3.4,
  'fuzz/runner': 3.5,
  'fuzz/coverage': 4,
  'fuzz/guide': 4,
  'fuzz/exhaustive': 4,
  'fuzz/parallel': 4,
  'fuzz/audit': 4,
  'fuzz/mutate': 4,
  'fuzz/export': 4,
  prove: 4,
  'fuzz/cli/kit': 3.9,
  'fuzz/report': 5,
  'fuzz/cli': 6,
  bench: 6,
};

/** Imports that the ranks forbid but the design allows, each with the reason. */
export const ALLOWED_ACROSS: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'reference',
    to: 'properties',
    why: 'reference/observe.ts imports the type ObservedState only (test/reference/imports.test.ts pins that it is type-only)',
  },
  {
    from: 'bench',
    to: 'test',
    why: "the guided bench measures the test suite's own broken contract copies, so both use the same variants",
  },
  {
    from: 'fuzz/guide',
    to: 'fuzz/coverage',
    why: "guided campaigns read branch directions through the coverage tool's code index and bytecode map",
  },
  {
    from: 'fuzz/audit',
    to: 'fuzz/guide',
    why: 'a directed audit aims the guided loop (recorder, features, directed scheduler) at the lines that differ between the versions',
  },
  {
    from: 'fuzz/mutate',
    to: 'fuzz/guide',
    why: 'a guided mutant campaign aims the guided loop (recorder, features, directed scheduler) at the mutated line',
  },
  {
    from: 'fuzz/evm',
    to: 'node_modules',
    why: 'fuzz/evm/ethereumjs-internals.ts reaches the interpreter module, which the package does not export',
  },
];

/** One source file: its path relative to the project root and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Every relative module a source text loads (import/export declarations, dynamic import, require). */
export function relativeImports(text: string): string[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: string | undefined;
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifier = node.moduleSpecifier.text;
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      const [arg] = node.arguments;
      if (loads && arg !== undefined && ts.isStringLiteralLike(arg)) specifier = arg.text;
    }
    if (specifier?.startsWith('.')) found.push(specifier);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The layer folder a project-relative path belongs to: `fuzz/<folder>` for the fuzzer's folders
 * (`fuzz/cli/kit` apart from the commands), `fuzz/(root)` for files directly in `fuzz/`, else the
 * top-level folder (`node_modules` for a reach into a package's private files).
 */
export function folderOf(path: string): string {
  const parts = path.split(/[\\/]/);
  if (parts[0] !== 'fuzz') return parts[0] ?? path;
  if (parts.length === 2) return 'fuzz/(root)';
  if (parts[1] === 'cli' && parts[2] === 'kit' && parts.length > 3) return 'fuzz/cli/kit';
  return `fuzz/${parts[1]}`;
}

/** One import between two folders, with the file and specifier that make it. */
export interface FolderEdge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly specifier: string;
}

/** Every import from one folder into another among `files` (paths relative to the project root). */
export function folderEdges(files: readonly SourceFile[]): FolderEdge[] {
  const root = resolve('/project');
  return files.flatMap((file) =>
    relativeImports(file.text).flatMap((specifier) => {
      const target = relative(root, resolve(root, dirname(file.path), specifier))
        .split(sep)
        .join('/');
      const from = folderOf(file.path);
      const to = folderOf(target);
      return from === to ? [] : [{ from, to, file: file.path, specifier }];
    }),
  );
}

function allowed(from: string, to: string): boolean {
  return ALLOWED_ACROSS.some((a) => a.from === from && a.to === to);
}

/** Why an import from folder `from` to folder `to` breaks the layering; undefined when it holds. */
export function layerViolation(from: string, to: string): string | undefined {
  if (allowed(from, to)) return undefined;
  const fromRank = LAYERS[from];
  const toRank = LAYERS[to];
  if (fromRank === undefined) return `${from} has no place in the layering (add it to LAYERS)`;
  if (toRank === undefined) return `${to} has no place in the layering (add it to LAYERS)`;
  if (toRank > fromRank) return `${from} (layer ${fromRank}) imports up into ${to} (layer ${toRank})`;
  if (toRank === fromRank) return `${from} imports across into ${to}, which ALLOWED_ACROSS does not list`;
  return undefined;
}

/** Every import among `files` that breaks the layering, as `file: specifier: why`. */
export function layerViolations(files: readonly SourceFile[]): string[] {
  return folderEdges(files).flatMap((edge) => {
    const why = layerViolation(edge.from, edge.to);
    return why === undefined ? [] : [`${edge.file}: ${edge.specifier}: ${why}`];
  });
}

/**
 * Every cycle between folders (strongly connected components of more than one folder), each as
 * its sorted folder names. The vetted edges of {@link ALLOWED_ACROSS} are left out (the one into
 * properties/ is a type-only import, erased at compile time).
 */
export function folderCycles(files: readonly SourceFile[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of folderEdges(files)) {
    if (allowed(from, to)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)?.add(to);
  }
  // Tarjan's strongly connected components: a component of two or more folders is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
