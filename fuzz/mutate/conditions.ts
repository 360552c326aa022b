import type { AstNode, VisitedNode } from './ast.ts';
import { argumentsOf, isBuiltinCall } from './ast.ts';

const CONDITION_HOLDERS = new Set(['IfStatement', 'WhileStatement', 'DoWhileStatement', 'ForStatement', 'Conditional']);

/**
 * True when the node is a whole condition: of an `if`, a loop, a `?:`, or the first argument of
 * `require`. Negating it is negate-condition; other operators leave such nodes' top-level `==`,
 * `!=` and `!` to it, so one mutant is not generated twice.
 */
export function isCondition({ node, parent, field }: VisitedNode): boolean {
  if (parent === undefined) return false;
  if (field === 'condition' && CONDITION_HOLDERS.has(parent.nodeType)) return true;
  return field === 'arguments' && isBuiltinCall(parent, 'require') && argumentsOf(parent)[0] === node;
}

/** True when a statement only reverts: `revert X(...)`, `revert(...)`, or a block holding just one of those. */
export function onlyReverts(statement: AstNode | undefined): boolean {
  if (statement === undefined) return false;
  if (statement.nodeType === 'RevertStatement') return true;
  if (statement.nodeType === 'ExpressionStatement') {
    const expression = statement.expression as AstNode | undefined;
    return expression !== undefined && isBuiltinCall(expression, 'revert');
  }
  if (statement.nodeType === 'Block' && Array.isArray(statement.statements)) {
    return statement.statements.length === 1 && onlyReverts(statement.statements[0] as AstNode);
  }
  return false;
}
