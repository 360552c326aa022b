import type { AstNode } from './ast.ts';
import { child, isNode, rangeOf } from './ast.ts';
import { sliceBytes } from './splice.ts';

/** What every operator needs besides the node: the file's bytes and how it names OpenZeppelin's Math. */
export interface SiteContext {
  bytes: Buffer;
  /** The identifier this file imports OpenZeppelin's `Math` library as, if it does. */
  mathName: string | undefined;
}

/** The source text of a node. */
export function textOf(context: SiteContext, node: AstNode): string {
  const { start, length } = rangeOf(node);
  return sliceBytes(context.bytes, start, length);
}

/**
 * The name a source unit binds OpenZeppelin's `utils/math/Math.sol` library to
 * (`import {Math} from ...` or `import {Math as M} from ...`), so rounding mutants can name it.
 */
export function mathImportName(unit: AstNode): string | undefined {
  const nodes = Array.isArray(unit.nodes) ? unit.nodes.filter(isNode) : [];
  for (const node of nodes) {
    if (node.nodeType !== 'ImportDirective' || typeof node.absolutePath !== 'string') continue;
    if (!node.absolutePath.endsWith('@openzeppelin/contracts/utils/math/Math.sol')) continue;
    const aliases = Array.isArray(node.symbolAliases) ? node.symbolAliases : [];
    for (const alias of aliases as { foreign?: unknown; local?: unknown }[]) {
      const foreign = isNode(alias.foreign) ? alias.foreign : undefined;
      if (foreign?.name === 'Math') return typeof alias.local === 'string' ? alias.local : 'Math';
    }
  }
  return undefined;
}

/**
 * The node's text with `operator` (which lies between the two operands) replaced: the gap between
 * operands holds only the operator and whitespace, so the first match there is the operator.
 */
export function withOperatorReplaced(
  context: SiteContext,
  node: AstNode,
  left: AstNode,
  right: AstNode,
  operator: string,
  replacement: string,
): string | undefined {
  // The site replaces the whole node, so the operands must span it exactly.
  if (rangeOf(node).start !== rangeOf(left).start || rangeOf(node).end !== rangeOf(right).end) return undefined;
  const gap = sliceBytes(context.bytes, rangeOf(left).end, rangeOf(right).start - rangeOf(left).end);
  const at = gap.indexOf(operator);
  if (at === -1) return undefined;
  return `${textOf(context, left)}${gap.slice(0, at)}${replacement}${gap.slice(at + operator.length)}${textOf(context, right)}`;
}

/** Left and right operands of a BinaryOperation (or Assignment). */
export function operands(node: AstNode): [AstNode, AstNode] | undefined {
  const left = child(node, 'leftExpression') ?? child(node, 'leftHandSide');
  const right = child(node, 'rightExpression') ?? child(node, 'rightHandSide');
  return left === undefined || right === undefined ? undefined : [left, right];
}
