import type { AbiValue, Outcome } from '../../reference/outcome.ts';
import type { TraceExpect } from './format.ts';
import type { NameBook } from './names.ts';
import { formatValue } from './serialize.ts';
import { formatIndexId, isHex32, parseIndexId, parseUint } from './values.ts';

const list = (values: readonly string[]) => `[${values.join(', ')}]`;

/**
 * Whether a value written in an expectation means the actual value. Accepted spellings: exactly
 * how a trace writes it (names, decimal, `max`), or any other spelling of the same value — a
 * series as `#k` or hex, an index id as its ASCII name or hex, an address as a name or hex.
 */
function means(expected: string, actual: AbiValue, book: NameBook): boolean {
  if (expected === formatValue(actual, book)) return true;
  if (typeof actual === 'bigint') return parseUint(expected) === actual;
  if (typeof actual === 'boolean') return expected === String(actual);
  const raw = actual.toLowerCase();
  if (expected.toLowerCase() === raw) return true;
  if (/^#\d+$/.test(expected)) return book.series(Number(expected.slice(1))) === raw;
  if (book.address(expected) === raw) return true;
  return isHex32(raw) && formatIndexId(raw as `0x${string}`) !== raw && parseIndexId(expected) === raw;
}

/** Element by element, so `["FEE, 1000"]` never matches `["FEE", "1000"]`. */
function listsMatch(expected: readonly string[], actual: readonly AbiValue[], book: NameBook): boolean {
  return expected.length === actual.length && expected.every((e, i) => means(e, actual[i] as AbiValue, book));
}

/**
 * Compares an outcome with a trace's `expect`. Returns what differs, or undefined when the outcome
 * meets the expectation. Fields the expectation leaves out (`returns`, `events`, `args`) are not
 * checked.
 */
export function unmetExpectation(expect: TraceExpect, outcome: Outcome, book: NameBook): string | undefined {
  const describe = (o: Outcome) =>
    o.ok
      ? `success returning ${list(o.returns.map((v) => formatValue(v, book)))}`
      : `revert ${o.error.name}(${o.error.args.map((v) => formatValue(v, book)).join(', ')})`;
  if ('revert' in expect) {
    if (outcome.ok || outcome.error.name !== expect.revert) {
      return `expected revert ${expect.revert}, got ${describe(outcome)}`;
    }
    if (expect.args !== undefined && !listsMatch(expect.args, outcome.error.args, book)) {
      return `expected ${expect.revert}(${expect.args.join(', ')}), got ${describe(outcome)}`;
    }
    return undefined;
  }
  if (!outcome.ok) return `expected success, got ${describe(outcome)}`;
  if (expect.returns !== undefined && !listsMatch(expect.returns, outcome.returns, book)) {
    return `expected returns ${list(expect.returns)}, got ${list(outcome.returns.map((v) => formatValue(v, book)))}`;
  }
  const events = outcome.events.map((e) => e.name);
  if (
    expect.events !== undefined &&
    (expect.events.length !== events.length || expect.events.some((e, i) => e !== events[i]))
  ) {
    return `expected events ${list(expect.events)}, got ${list(events)}`;
  }
  return undefined;
}
