/**
 * One mutant of the contracts: a single textual change to one source file, found on solc's AST.
 * Every other file stays as it is.
 */
export interface Mutant {
  /**
   * Stable id, `<file under contracts/>:<line>:<operator>:<n>` (e.g. `SplitMarket.sol:142:relational-boundary:0`),
   * `n` counting the mutants of that operator on that line in source order: the same contracts
   * give the same ids in the same order.
   */
  id: string;
  /** Source unit name of the mutated file, e.g. `contracts/SplitMarket.sol`. */
  file: string;
  /** 1-based line where the replaced snippet starts. */
  line: number;
  /** Operator family: one of {@link MUTATION_OPERATORS}. */
  operator: MutationOperator;
  /** The replaced source snippet. */
  original: string;
  /** What replaced it. */
  replacement: string;
  /** The whole mutated file text. */
  source: string;
}

/** Every operator family, in the order a line's mutants are listed. */
export const MUTATION_OPERATORS = [
  'arithmetic',
  'relational',
  'relational-boundary',
  'logical',
  'negate-condition',
  'delete-guard',
  'delete-statement',
  'rounding-flip',
  'constant',
] as const;

export type MutationOperator = (typeof MUTATION_OPERATORS)[number];

/** What an operator proposes at one AST node, before the text is spliced and the id assigned. */
export interface MutationSite {
  operator: MutationOperator;
  /** Byte range of the replaced snippet in the UTF-8 source (solc's `src` offsets are bytes). */
  start: number;
  length: number;
  replacement: string;
}
