import type { Outcome } from '../../reference/outcome.ts';
import type { TraceExpect } from './format.ts';
import type { NameBook } from './names.ts';
import { formatValue } from './serialize.ts';

const list = (values: readonly string[]) => `[${values.join(', ')}]`;

/**
 * Compares an outcome with a trace's `expect`, writing values the way traces do (names, decimal
 * strings, `max`). Returns what differs, or undefined when the outcome meets the expectation.
 * Fields the expectation leaves out (`returns`, `events`, `args`) are not checked.
 */
export function unmetExpectation(expect: TraceExpect, outcome: Outcome, book: NameBook): string | undefined {
  const describe = (o: Outcome) =>
    o.ok
      ? `success returning ${list(o.returns.map((v) => formatValue(v, book)))}`
      : `revert ${o.error.name}(${o.error.args.map((v) => formatValue(v, book)).join(', ')})`;
  if ('revert' in expect) {
    if (outcome.ok) return `expected revert ${expect.revert}, got ${describe(outcome)}`;
    if (outcome.error.name !== expect.revert) return `expected revert ${expect.revert}, got ${describe(outcome)}`;
    const args = outcome.error.args.map((v) => formatValue(v, book));
    if (expect.args !== undefined && list(args) !== list(expect.args)) {
      return `expected ${expect.revert}(${expect.args.join(', ')}), got ${describe(outcome)}`;
    }
    return undefined;
  }
  if (!outcome.ok) return `expected success, got ${describe(outcome)}`;
  const returns = outcome.returns.map((v) => formatValue(v, book));
  if (expect.returns !== undefined && list(returns) !== list(expect.returns)) {
    return `expected returns ${list(expect.returns)}, got ${list(returns)}`;
  }
  const events = outcome.events.map((e) => e.name);
  if (expect.events !== undefined && list(events) !== list(expect.events)) {
    return `expected events ${list(expect.events)}, got ${list(events)}`;
  }
  return undefined;
}
