import type { Address, Bytes32 } from '../reference/primitives.ts';

/** The id of every property in docs/design.md §4. */
export type PropertyId =
  | 'M1'
  | 'M2'
  | 'M3'
  | 'M4'
  | 'M5'
  | 'M6'
  | 'M7'
  | 'M8'
  | 'O1'
  | 'O2'
  | 'O3'
  | 'O4'
  | 'O5'
  | 'D1';

/**
 * One way a property failed. Values are strings (bigints in decimal) so that a violation prints,
 * serialises to JSON and compares without special cases. The optional fields name where it
 * happened, so a report can point at the series, account, token or question involved.
 */
export interface Violation {
  id: PropertyId;
  message: string;
  expected: string;
  actual: string;
  series?: Bytes32;
  account?: Address;
  token?: Address;
  /** A question key, `${indexId}@${timestamp}`. */
  question?: string;
  /** A dotted path into the outcome or the observed state (D1). */
  path?: string;
}

/** A leaf value a violation may quote. */
export type Quotable = bigint | boolean | string | number | null | undefined;

/**
 * Renders a value for `Violation.expected` / `actual`: bigints in decimal, `undefined` as
 * `<missing>` so a key present on one side only reads plainly.
 */
export function quote(value: Quotable): string {
  if (value === undefined) return '<missing>';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : String(value);
}
