import type { VisitedNode } from './ast.ts';
import { child, isBuiltinCall, rangeOf } from './ast.ts';
import { isCondition, onlyReverts } from './conditions.ts';
import type { MutationOperator, MutationSite } from './mutant.ts';
import type { SiteContext } from './site-context.ts';
import { textOf } from './site-context.ts';
import { throughSemicolon } from './splice.ts';

const BLOCKS = new Set(['Block', 'UncheckedBlock']);

/** Condition negation: `c` → `!(c)` (`(c)` → `!(c)`), and `!c` → `c`, for every condition of an if, loop, `?:` or require. */
export function negateCondition(visited: VisitedNode, context: SiteContext): MutationSite[] {
  const { node } = visited;
  if (!isCondition(visited)) return [];
  const { start, length } = rangeOf(node);
  const operand = child(node, 'subExpression');
  const text = textOf(context, node);
  const negated =
    node.nodeType === 'UnaryOperation' && node.operator === '!' && operand !== undefined
      ? textOf(context, operand)
      : node.nodeType === 'TupleExpression'
        ? `!${text}` // already parenthesized
        : `!(${text})`;
  return [{ operator: 'negate-condition', start, length, replacement: negated }];
}

/**
 * Guard deletion: an `if (c) revert X(...);` with no else (the contracts' guard style), or a
 * `require(...)` statement, removed whole.
 */
export function deleteGuard(visited: VisitedNode, context: SiteContext): MutationSite[] {
  const { node } = visited;
  const isIfGuard = node.nodeType === 'IfStatement' && node.falseBody == null && onlyReverts(child(node, 'trueBody'));
  const expression = child(node, 'expression');
  const isRequire =
    node.nodeType === 'ExpressionStatement' && expression !== undefined && isBuiltinCall(expression, 'require');
  return isIfGuard || isRequire ? [deletion('delete-guard', visited, context)] : [];
}

/**
 * Statement deletion: an expression statement (assignment, call, `++i`) or an `emit`, except the
 * guards delete-guard removes and a bare `revert(...)`.
 */
export function deleteStatement(visited: VisitedNode, context: SiteContext): MutationSite[] {
  const { node } = visited;
  if (node.nodeType === 'EmitStatement') return [deletion('delete-statement', visited, context)];
  if (node.nodeType !== 'ExpressionStatement') return [];
  const expression = child(node, 'expression');
  if (expression === undefined) return [];
  if (isBuiltinCall(expression, 'require') || isBuiltinCall(expression, 'revert')) return [];
  return [deletion('delete-statement', visited, context)];
}

/**
 * Removes a statement and its `;`. Inside a block it leaves nothing; as the body of an unbraced
 * if/else/loop it leaves `{}` (removing it would make the next statement the body); as a for
 * loop's update expression it leaves the slot empty.
 */
function deletion(
  operator: MutationOperator,
  { node, parent, field }: VisitedNode,
  context: SiteContext,
): MutationSite {
  const { start, end } = rangeOf(node);
  const inBlock = parent !== undefined && BLOCKS.has(parent.nodeType);
  const loopUpdate = parent?.nodeType === 'ForStatement' && field === 'loopExpression';
  if (loopUpdate) return { operator, start, length: end - start, replacement: '' };
  const through = throughSemicolon(context.bytes, end);
  return { operator, start, length: through - start, replacement: inBlock ? '' : '{}' };
}
