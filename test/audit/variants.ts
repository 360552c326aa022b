import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli.ts';

/** One textual edit of a contracts file: every occurrence of `find` becomes `replace`. */
export interface Edit {
  file: string;
  find: string;
  replace: string;
}

/**
 * A pure refactor of the shipped contracts: P's payout restructured from a conditional expression
 * into an early return, and a local variable of `split` renamed. Same behaviour, different bytecode.
 */
export const REFACTOR: readonly Edit[] = [
  {
    file: 'libraries/PayoutMath.sol',
    find: 'return x <= strike ? a : Math.mulDiv(a, strike, x);',
    replace: 'if (x > strike) return Math.mulDiv(a, strike, x);\n        return a;',
  },
  { file: 'SplitMarket.sol', find: 'balanceBefore', replace: 'heldBefore' },
];

/** A real change: `split` now rejects an amount of 1 as well as 0 (a changed revert condition). */
export const SPLIT_REJECTS_ONE: readonly Edit[] = [
  {
    file: 'SplitMarket.sol',
    find: 'if (s.settled) revert AlreadySettled(seriesId);\n        if (amount == 0) revert ZeroAmount();',
    replace: 'if (s.settled) revert AlreadySettled(seriesId);\n        if (amount < 2) revert ZeroAmount();',
  },
];

/** A base that does not compile: a statement without its semicolon. */
export const SYNTAX_ERROR: readonly Edit[] = [
  {
    file: 'SplitMarket.sol',
    find: 'if (amount == 0) revert ZeroAmount();',
    replace: 'if (amount == 0) revert ZeroAmount()',
  },
];

/** Applies edits to the contracts folder `dir` in place; an edit that finds nothing throws (the sources moved on). */
export function applyEdits(dir: string, edits: readonly Edit[]): void {
  for (const edit of edits) {
    const path = join(dir, edit.file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(edit.find)) throw new Error(`${edit.find} is not in ${edit.file}`);
    writeFileSync(path, text.replaceAll(edit.find, edit.replace));
  }
}

/** A copy of the shipped contracts at `dir`, with `edits` applied. */
export function contractsVariant(dir: string, edits: readonly Edit[]): string {
  cpSync(join(ROOT, 'contracts'), dir, { recursive: true });
  applyEdits(dir, edits);
  return dir;
}
