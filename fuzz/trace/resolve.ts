import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { TraceFormatError } from '../errors.ts';
import { ACTION_FIELDS } from './fields.ts';
import type { TraceAction } from './format.ts';
import type { NameBook } from './names.ts';
import { isHexAddress, parseIndexId, parseUint } from './values.ts';

/**
 * Turns a trace action into a model/EVM action, resolving names against the world as it is at this
 * step (`#2` exists only once two series were created before it). `at` is the JSON path used in
 * errors, e.g. `actions[4]`.
 */
export function resolveAction(action: TraceAction, book: NameBook, file: string, at: string): Action {
  const spec = ACTION_FIELDS[action.kind as keyof typeof ACTION_FIELDS];
  const out: Record<string, unknown> = { kind: action.kind };
  for (const [name, type] of Object.entries(spec)) {
    const raw = action.fields[name];
    const field = `${at}.${name}`;
    if (type === 'bool') {
      out[name] = raw === true;
      continue;
    }
    const text = String(raw);
    switch (type) {
      case 'uint':
        out[name] = parseUint(text) as bigint;
        break;
      case 'indexId':
        out[name] = parseIndexId(text) as Bytes32;
        break;
      case 'series':
        out[name] = resolveSeries(text, book, file, field);
        break;
      default:
        out[name] = resolveAddress(text, book, file, field);
    }
  }
  return out as unknown as Action;
}

function resolveSeries(text: string, book: NameBook, file: string, field: string): Bytes32 {
  if (!text.startsWith('#')) return text.toLowerCase() as Bytes32;
  const k = Number(text.slice(1));
  const id = book.series(k);
  if (id === undefined) {
    throw new TraceFormatError(
      file,
      field,
      `${text} names series number ${k} (from 0), but only ${book.seriesCount} series exist at this step; ` +
        'write a 0x series id to name one that does not exist',
    );
  }
  return id;
}

function resolveAddress(text: string, book: NameBook, file: string, field: string): Address {
  if (isHexAddress(text)) return text.toLowerCase() as Address;
  const address = book.address(text);
  if (address === undefined) {
    throw new TraceFormatError(
      file,
      field,
      `${text} does not name anything at this step (known: ${book.names().join(', ')})`,
    );
  }
  return address;
}
