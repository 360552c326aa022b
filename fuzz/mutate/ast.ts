/**
 * The slice of solc's JSON AST the mutation operators read. Nodes are loosely typed: every field an
 * operator uses is checked where it is read, so an unexpected shape skips a site instead of
 * producing a broken mutant.
 */

/** A solc AST node: `nodeType`, `src` ("start:length:sourceIndex", bytes) and node-specific fields. */
export interface AstNode {
  nodeType: string;
  src: string;
  [field: string]: unknown;
}

/** A node with the node that holds it and the field it sits in (`condition`, `statements`, …). */
export interface VisitedNode {
  node: AstNode;
  parent: AstNode | undefined;
  field: string | undefined;
}

/** Byte range of a node in its source. */
export function rangeOf(node: AstNode): { start: number; length: number; end: number } {
  const [start, length] = node.src.split(':').map(Number) as [number, number];
  return { start, length, end: start + length };
}

export function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AstNode).nodeType === 'string' &&
    typeof (value as AstNode).src === 'string'
  );
}

/** A child node by field name, if it is one. */
export function child(node: AstNode, field: string): AstNode | undefined {
  const value = node[field];
  return isNode(value) ? value : undefined;
}

/** Every node under `root` (itself included), depth-first in field order, with its parent. */
export function walk(root: AstNode): VisitedNode[] {
  const out: VisitedNode[] = [];
  const visit = (node: AstNode, parent: AstNode | undefined, field: string | undefined) => {
    out.push({ node, parent, field });
    for (const [key, value] of Object.entries(node)) {
      if (key === 'typeDescriptions' || key === 'documentation') continue;
      if (isNode(value)) visit(value, node, key);
      else if (Array.isArray(value)) for (const item of value) if (isNode(item)) visit(item, node, key);
    }
  };
  visit(root, undefined, undefined);
  return out;
}

/** The Solidity type of an expression as solc prints it (`uint256`, `bool`, `rational_const 2`, …). */
export function typeOf(node: AstNode): string {
  const descriptions = node.typeDescriptions as { typeString?: unknown } | undefined;
  return typeof descriptions?.typeString === 'string' ? descriptions.typeString : '';
}

/** True for a call `require(...)` or `revert(...)` to the builtin of that name. */
export function isBuiltinCall(node: AstNode, name: 'require' | 'revert'): boolean {
  if (node.nodeType !== 'FunctionCall') return false;
  const callee = child(node, 'expression');
  return callee?.nodeType === 'Identifier' && callee.name === name && Number(callee.referencedDeclaration) < 0;
}

/** The call's argument nodes. */
export function argumentsOf(call: AstNode): AstNode[] {
  return Array.isArray(call.arguments) ? call.arguments.filter(isNode) : [];
}
