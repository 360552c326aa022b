/** A source range as solc writes it in `src` and in source maps: byte offset, byte length, source id. */
export interface SourceRange {
  start: number;
  length: number;
  file: number;
}

/** A function or modifier with a body: what lcov's FN records name. */
export interface FunctionSite {
  /** `Contract.name`, `Contract.constructor`, `Contract.fallback`, `Contract.receive`. */
  name: string;
  range: SourceRange;
}

/** The constructs that choose between two ways on a condition. */
export type BranchKind = 'if' | 'ternary' | '&&' | '||' | 'for' | 'while' | 'do-while' | 'assembly if' | 'assembly for';

/**
 * A place in the source where execution goes one of two ways on a condition. Side 0 is "the
 * condition was true", side 1 "it was false"; for `&&` and `||` the condition is the left operand
 * (so `a && b` evaluates `b` on side 0, `a || b` on side 1). `sides` are the ranges whose code runs
 * only on that side, when the construct has one (an `if` without `else` has none for side 1).
 */
export interface BranchSite {
  kind: BranchKind;
  /** The whole construct (`if (...) ...`, `a ? b : c`, `a && b`, the loop). */
  range: SourceRange;
  condition: SourceRange;
  sides: [SourceRange | undefined, SourceRange | undefined];
}

/** The functions and branch sites of one source unit's AST. */
export interface SourceSites {
  functions: FunctionSite[];
  branches: BranchSite[];
  /** Contract, library and interface definitions. */
  contracts: SourceRange[];
}

interface AstNode {
  nodeType?: string;
  src?: string;
  [key: string]: unknown;
}

/** Parses a `start:length:file` src attribute. */
export function parseSrc(src: string): SourceRange {
  const [start, length, file] = src.split(':').map(Number);
  return { start: start ?? -1, length: length ?? -1, file: file ?? -1 };
}

/** Whether `inner` lies within `outer` (same source, start and end inside). */
export function within(inner: SourceRange, outer: SourceRange): boolean {
  return (
    inner.file === outer.file && inner.start >= outer.start && inner.start + inner.length <= outer.start + outer.length
  );
}

/** The key of a range, for lookups by exact range. */
export function rangeKey(range: SourceRange): string {
  return `${range.file}:${range.start}:${range.length}`;
}

/**
 * Walks a solc AST (Solidity and inline-assembly Yul nodes) for the functions and modifiers with a
 * body and for every branch site, in source order.
 */
export function collectSites(ast: unknown): SourceSites {
  const functions: FunctionSite[] = [];
  const branches: BranchSite[] = [];
  const contracts: SourceRange[] = [];
  const visit = (node: unknown, contract: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, contract);
      return;
    }
    const n = node as AstNode;
    let inContract = contract;
    if (n.nodeType === 'ContractDefinition' && n.src) {
      inContract = String(n.name);
      contracts.push(parseSrc(n.src));
    }
    if ((n.nodeType === 'FunctionDefinition' || n.nodeType === 'ModifierDefinition') && n.body && n.src) {
      const kind = String(n.kind ?? 'function');
      const name = n.nodeType === 'FunctionDefinition' && kind !== 'function' ? kind : String(n.name);
      functions.push({ name: `${inContract}.${name}`, range: parseSrc(n.src) });
    }
    const site = branchSite(n);
    if (site !== undefined) branches.push(site);
    for (const [key, child] of Object.entries(n)) {
      if (key !== 'documentation' && child !== null && typeof child === 'object') visit(child, inContract);
    }
  };
  visit(ast, '');
  const byStart = (a: { range: SourceRange }, b: { range: SourceRange }) =>
    a.range.start - b.range.start || a.range.length - b.range.length;
  return { functions: functions.sort(byStart), branches: branches.sort(byStart), contracts };
}

function branchSite(n: AstNode): BranchSite | undefined {
  const src = (child: unknown) =>
    child !== null && typeof child === 'object' && typeof (child as AstNode).src === 'string'
      ? parseSrc((child as AstNode).src as string)
      : undefined;
  const range = src(n);
  if (range === undefined) return undefined;
  const make = (
    kind: BranchKind,
    condition: unknown,
    whenTrue: unknown,
    whenFalse: unknown,
  ): BranchSite | undefined => {
    const c = src(condition);
    return c === undefined ? undefined : { kind, range, condition: c, sides: [src(whenTrue), src(whenFalse)] };
  };
  switch (n.nodeType) {
    case 'IfStatement':
      return make('if', n.condition, n.trueBody, n.falseBody);
    case 'Conditional':
      return make('ternary', n.condition, n.trueExpression, n.falseExpression);
    case 'BinaryOperation':
      if (n.operator === '&&') return make('&&', n.leftExpression, n.rightExpression, undefined);
      if (n.operator === '||') return make('||', n.leftExpression, undefined, n.rightExpression);
      return undefined;
    case 'ForStatement':
      return make('for', n.condition, n.body, undefined);
    case 'WhileStatement':
      return make('while', n.condition, n.body, undefined);
    case 'DoWhileStatement':
      return make('do-while', n.condition, n.body, undefined);
    case 'YulIf':
      return make('assembly if', n.condition, n.body, undefined);
    case 'YulForLoop':
      return make('assembly for', n.condition, n.body, undefined);
    default:
      return undefined;
  }
}
