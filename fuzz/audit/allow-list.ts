import { CliflessError } from '../errors.ts';
import { parseJsonStrict, readInputFile } from '../io/input.ts';
import { ACTION_KINDS } from '../trace/fields.ts';

/** One intended difference: an action kind (or `*`) and a path pattern, with the reason it is intended. */
export interface AllowEntry {
  action: string;
  path: string;
  reason: string;
}

/** A parsed allow-list, with where it came from for reports. */
export interface AllowList {
  file: string;
  entries: AllowEntry[];
}

const DETAILS =
  'An allow-list is JSON: {"allow": [{"action": "redeem", "path": "outcome.returns[0]", "reason": "why it is intended"}]}. ' +
  '"action" is an action kind or "*"; "path" is a difference path as the audit report prints it, where * matches any run of characters.';

/**
 * Reads and validates an allow-list file. Every problem is a CliflessError (exit 2) naming the
 * file and the field, e.g. `allow.json: allow[1].action: "splt" is not an action kind`.
 */
export function readAllowList(file: string): AllowList {
  return parseAllowList(readInputFile(file, 'allow-list', 'allow'), file);
}

/** Parses allow-list text; see {@link readAllowList}. */
export function parseAllowList(text: string, file: string): AllowList {
  const fail = (field: string, problem: string): never => {
    throw new CliflessError(`${file}: ${field}: ${problem}`, { details: DETAILS });
  };
  const root = parseJsonStrict(text, fail);
  if (!isObject(root)) return fail('(file)', 'expected a JSON object with an "allow" array');
  for (const key of Object.keys(root)) if (key !== 'allow') fail(key, 'unknown field (the only field is "allow")');
  if (!Array.isArray(root.allow)) return fail('allow', 'expected an array of entries');
  const entries = root.allow.map((entry: unknown, i: number): AllowEntry => {
    const at = `allow[${i}]`;
    if (!isObject(entry)) return fail(at, 'expected an object with "action", "path" and "reason"');
    for (const key of Object.keys(entry)) {
      if (!['action', 'path', 'reason'].includes(key)) fail(`${at}.${key}`, 'unknown field');
    }
    const { action, path, reason } = entry;
    if (typeof action !== 'string') return fail(`${at}.action`, 'expected a string: an action kind or "*"');
    if (action !== '*' && !(ACTION_KINDS as string[]).includes(action)) {
      fail(`${at}.action`, `${JSON.stringify(action)} is not an action kind (one of ${ACTION_KINDS.join(', ')}, or *)`);
    }
    if (typeof path !== 'string' || path.trim() === '') return fail(`${at}.path`, 'expected a non-empty string');
    if (!/^(outcome|state)[.[*]|^\*/.test(path)) {
      fail(`${at}.path`, `${JSON.stringify(path)} must start with "outcome", "state" or *`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      return fail(`${at}.reason`, 'expected a non-empty string saying why the difference is intended');
    }
    return { action, path, reason };
  });
  return { file, entries };
}

/** The first entry that allows a difference of `kind` at the generic `path`, or undefined. */
export function allowedBy(list: AllowList | undefined, kind: string, path: string): AllowEntry | undefined {
  return list?.entries.find((e) => (e.action === '*' || e.action === kind) && globMatches(e.path, path));
}

/** Whether `pattern` matches the whole of `text`, `*` standing for any run of characters. */
export function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
