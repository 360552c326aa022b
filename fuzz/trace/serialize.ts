import type { Action } from '../../reference/action.ts';
import type { AbiValue, Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { ACTION_FIELDS } from './fields.ts';
import type { Trace, TraceAction, TraceExpect } from './format.ts';
import type { NameBook } from './names.ts';
import { formatIndexId, formatUint, isHexAddress } from './values.ts';

/** The trace form of an action: names where the book knows them, decimal strings for amounts. */
export function serializeAction(action: Action, book: NameBook): TraceAction {
  const spec = ACTION_FIELDS[action.kind];
  const source = action as unknown as Record<string, unknown>;
  const fields: TraceAction['fields'] = {};
  for (const [name, type] of Object.entries(spec)) {
    const value = source[name];
    if (type === 'bool') fields[name] = value === true;
    else if (type === 'uint') fields[name] = formatUint(value as bigint);
    else if (type === 'indexId') fields[name] = formatIndexId(value as Bytes32);
    else if (type === 'series') fields[name] = book.seriesName(value as Bytes32);
    else fields[name] = book.nameOf(value as Address);
  }
  return { kind: action.kind, fields };
}

/** A returned or error value as a trace writes it. */
export function formatValue(value: AbiValue, book: NameBook): string {
  if (typeof value === 'bigint') return formatUint(value);
  if (typeof value === 'boolean') return String(value);
  if (isHexAddress(value)) return book.nameOf(value as Address);
  return value;
}

/** The expectation that pins an outcome: returns and event names on success, error and args on revert. */
export function expectationOf(outcome: Outcome, book: NameBook): TraceExpect {
  if (!outcome.ok) return { revert: outcome.error.name, args: outcome.error.args.map((v) => formatValue(v, book)) };
  return {
    ok: true,
    returns: outcome.returns.map((v) => formatValue(v, book)),
    events: outcome.events.map((e) => e.name),
  };
}

/**
 * A trace as text: two-space JSON with each action on one line, so a trace reads top to bottom like
 * a script and diffs line by line.
 */
export function stringifyTrace(trace: Trace): string {
  const { actions, ...head } = trace;
  const headText = JSON.stringify(head, null, 2);
  const lines = actions.map(
    (a) => `    ${JSON.stringify({ kind: a.kind, ...a.fields, ...(a.expect ? { expect: a.expect } : {}) })}`,
  );
  const body = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `${headText.slice(0, -2)},\n  "actions": ${body}\n}\n`;
}
