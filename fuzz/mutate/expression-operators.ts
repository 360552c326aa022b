import type { AstNode, VisitedNode } from './ast.ts';
import { argumentsOf, child, rangeOf, typeOf } from './ast.ts';
import { isCondition } from './conditions.ts';
import type { MutationOperator, MutationSite } from './mutant.ts';
import { operands, type SiteContext, textOf, withOperatorReplaced } from './site-context.ts';

const ARITHMETIC: Record<string, string> = { '+': '-', '-': '+', '*': '/', '/': '*', '%': '/', '**': '*' };
const ARITHMETIC_ASSIGNMENT: Record<string, string> = { '+=': '-=', '-=': '+=', '*=': '/=', '/=': '*=' };
const BOUNDARY: Record<string, string> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>' };
const RELATIONAL: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '!=', '!=': '==' };
const LOGICAL: Record<string, string> = { '&&': '||', '||': '&&' };

/** A site replacing a whole node's text. */
function nodeSite(operator: MutationOperator, node: AstNode, replacement: string): MutationSite {
  const { start, length } = rangeOf(node);
  return { operator, start, length, replacement };
}

/** Replaces a binary operator by its counterpart in `table`, keeping operands and spacing. */
function binarySwap(
  context: SiteContext,
  node: AstNode,
  operator: MutationOperator,
  table: Record<string, string>,
): MutationSite[] {
  const op = String(node.operator);
  const to = table[op];
  const sides = operands(node);
  if (to === undefined || sides === undefined) return [];
  const text = withOperatorReplaced(context, node, sides[0], sides[1], op, to);
  return text === undefined ? [] : [nodeSite(operator, node, text)];
}

/** Arithmetic operator replacement: + ↔ -, * ↔ /, % → /, ** → *, += ↔ -=, *= ↔ /=, ++ ↔ --. */
export function arithmetic({ node }: VisitedNode, context: SiteContext): MutationSite[] {
  const numeric = /^(u?int|rational_const)/.test(typeOf(node));
  if (node.nodeType === 'BinaryOperation' && numeric) return binarySwap(context, node, 'arithmetic', ARITHMETIC);
  if (node.nodeType === 'Assignment') return binarySwap(context, node, 'arithmetic', ARITHMETIC_ASSIGNMENT);
  if (node.nodeType === 'UnaryOperation' && (node.operator === '++' || node.operator === '--')) {
    const text = textOf(context, node);
    const to = node.operator === '++' ? '--' : '++';
    const swapped = node.prefix === true ? to + text.slice(2) : text.slice(0, -2) + to;
    return [nodeSite('arithmetic', node, swapped)];
  }
  return [];
}

/** Boundary flips: < ↔ <=, > ↔ >=. */
export function relationalBoundary({ node }: VisitedNode, context: SiteContext): MutationSite[] {
  return node.nodeType === 'BinaryOperation' ? binarySwap(context, node, 'relational-boundary', BOUNDARY) : [];
}

/**
 * Relational operator replacement: < ↔ >, <= ↔ >=, == ↔ !=. A whole condition's == / != is left
 * to negate-condition, which would produce the same mutant.
 */
export function relational(visited: VisitedNode, context: SiteContext): MutationSite[] {
  const { node } = visited;
  if (node.nodeType !== 'BinaryOperation') return [];
  if ((node.operator === '==' || node.operator === '!=') && isCondition(visited)) return [];
  return binarySwap(context, node, 'relational', RELATIONAL);
}

/** Logical operator replacement: && ↔ ||, and `!x` → `x` where `!x` is not a whole condition (negate-condition covers those). */
export function logical(visited: VisitedNode, context: SiteContext): MutationSite[] {
  const { node } = visited;
  if (node.nodeType === 'BinaryOperation') return binarySwap(context, node, 'logical', LOGICAL);
  const operand = child(node, 'subExpression');
  if (node.nodeType === 'UnaryOperation' && node.operator === '!' && operand !== undefined && !isCondition(visited)) {
    return [nodeSite('logical', node, textOf(context, operand))];
  }
  return [];
}

/**
 * Rounding-direction flips: `Math.mulDiv(a, b, c)` → `Math.mulDiv(a, b, c, Math.Rounding.Ceil)`,
 * an explicit `Rounding.Floor` ↔ `Rounding.Ceil` (`Trunc` ↔ `Expand`), and an unsigned `a / b` →
 * `Math.ceilDiv(a, b)` in files that import Math.
 */
export function roundingFlip({ node }: VisitedNode, context: SiteContext): MutationSite[] {
  const { mathName } = context;
  if (mathName === undefined) return [];
  if (node.nodeType === 'BinaryOperation' && node.operator === '/' && typeOf(node).startsWith('uint')) {
    const sides = operands(node);
    if (sides === undefined) return [];
    const [a, b] = sides.map((side) => textOf(context, side));
    return [nodeSite('rounding-flip', node, `${mathName}.ceilDiv(${a}, ${b})`)];
  }
  if (node.nodeType !== 'FunctionCall') return [];
  const callee = child(node, 'expression');
  const library = callee === undefined ? undefined : child(callee, 'expression');
  if (callee?.nodeType !== 'MemberAccess' || callee.memberName !== 'mulDiv' || library?.name !== mathName) return [];
  const args = argumentsOf(node);
  const head = textOf(context, callee);
  if (args.length === 3) {
    const list = args.map((arg) => textOf(context, arg)).join(', ');
    return [nodeSite('rounding-flip', node, `${head}(${list}, ${mathName}.Rounding.Ceil)`)];
  }
  const last = args[3];
  if (args.length !== 4 || last === undefined) return [];
  const flips: Record<string, string> = { Floor: 'Ceil', Ceil: 'Floor', Trunc: 'Expand', Expand: 'Trunc' };
  const mode = /\.(Floor|Ceil|Trunc|Expand)$/.exec(textOf(context, last))?.[1];
  const to = mode === undefined ? undefined : flips[mode];
  if (mode === undefined || to === undefined) return [];
  return [nodeSite('rounding-flip', last, textOf(context, last).replace(new RegExp(`${mode}$`), to))];
}

/** Constant replacement: a number 0 → 1, 1 → 0, n → n + 1; `true` ↔ `false`. Strings are left alone (names only). */
export function constant({ node, parent }: VisitedNode): MutationSite[] {
  if (node.nodeType !== 'Literal' || parent?.nodeType === 'ArrayTypeName') return [];
  if (node.kind === 'bool') return [nodeSite('constant', node, node.value === 'true' ? 'false' : 'true')];
  if (node.kind !== 'number' || node.subdenomination != null) return [];
  const value = literalValue(String(node.value));
  if (value === undefined) return [];
  const replaced = value === 0n ? 1n : value === 1n ? 0n : value + 1n;
  return [nodeSite('constant', node, replaced.toString())];
}

/** The integer a number literal denotes (`1e18`, `0x20`, `1_000`), or undefined for fractions. */
function literalValue(text: string): bigint | undefined {
  const plain = text.replaceAll('_', '');
  if (/^0x[0-9a-fA-F]+$/.test(plain)) return BigInt(plain);
  const match = /^(\d+)(?:e(\d+))?$/.exec(plain);
  if (match === null) return undefined;
  return BigInt(match[1] as string) * 10n ** BigInt(match[2] ?? '0');
}
