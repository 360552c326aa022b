/** One place where two values differ, with both sides quoted. */
export interface Difference {
  /** Dotted path from the root, e.g. `state.tokens.0xab….balances.0xcd…` or `outcome.events[2].args.value`. */
  path: string;
  expected: string;
  actual: string;
}

/**
 * Pairs of deeply frozen objects already found deeply equal. Both sides of D1 share the unchanged
 * parts of their observed states between steps (frozen, never mutated), so most of a step's
 * comparison meets pairs compared before. Equality of two deeply frozen values cannot change, so
 * skipping such a pair gives exactly the answer walking it would: the whole state is still
 * compared every step, each unchanged part by the proof of an earlier identical comparison.
 * Weak on both sides: a pair is forgotten with its objects.
 */
const equalFrozen = new WeakMap<object, WeakSet<object>>();

/**
 * The differences between two plain values (objects, arrays, bigint, string, boolean, number,
 * null, undefined) in a fixed order, up to `limit` of them. Object keys are visited in
 * `expected`'s order and then the keys only `actual` has, so the first difference is the same on
 * every machine; arrays element by element, then the extra elements of the longer one. A key or
 * element present on one side only is reported with `<missing>` on the other.
 */
export function deepDiff(expected: unknown, actual: unknown, root: string, limit: number): Difference[] {
  const found: Difference[] = [];
  if (limit > 0) walk(expected, actual, { root, segments: [], found, limit });
  return found;
}

interface Walk {
  root: string;
  /** Keys (strings) and indices (numbers) from the root to the value being compared. */
  segments: (string | number)[];
  found: Difference[];
  limit: number;
}

/**
 * Compares one pair, appending differences. Returns true when both values are deeply frozen and
 * were walked completely (never cut short by the limit): only such equal pairs may be remembered.
 * Paths are built only for differences, not for every value visited.
 */
function walk(expected: unknown, actual: unknown, w: Walk): boolean {
  // The same object on both sides is equal; whether it is frozen is not worth finding out here.
  if (expected === actual) return typeof expected !== 'object' || expected === null;
  const containers = typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null;
  if (containers && equalFrozen.get(expected)?.has(actual)) return true;
  const before = w.found.length;
  let frozen: boolean;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    frozen = Object.isFrozen(expected) && Object.isFrozen(actual);
    const length = Math.max(expected.length, actual.length);
    for (let index = 0; index < length; index++) {
      if (w.found.length >= w.limit) return false;
      w.segments.push(index);
      if (!walk(expected[index], actual[index], w)) frozen = false;
      w.segments.pop();
    }
  } else if (isRecord(expected) && isRecord(actual)) {
    frozen = Object.isFrozen(expected) && Object.isFrozen(actual);
    const keys = Object.keys(expected);
    for (const key of keys) {
      if (w.found.length >= w.limit) return false;
      w.segments.push(key);
      if (!walk(expected[key], actual[key], w)) frozen = false;
      w.segments.pop();
    }
    const actualKeys = Object.keys(actual);
    if (!sameKeys(keys, actualKeys)) {
      for (const key of actualKeys) {
        if (key in expected) continue;
        if (w.found.length >= w.limit) return false;
        w.segments.push(key);
        walk(undefined, actual[key], w);
        w.segments.pop();
      }
      frozen = false;
    }
  } else {
    const sameType = typeof expected === typeof actual && Array.isArray(expected) === Array.isArray(actual);
    w.found.push({ path: pathOf(w), expected: render(expected, !sameType), actual: render(actual, !sameType) });
    return false;
  }
  if (!frozen || w.found.length !== before) return false;
  remember(expected as object, actual as object);
  return true;
}

function remember(expected: object, actual: object): void {
  let partners = equalFrozen.get(expected);
  if (partners === undefined) {
    partners = new WeakSet();
    equalFrozen.set(expected, partners);
  }
  partners.add(actual);
}

/** The same key list in the same order (the common case: both sides list the same accounts). */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function pathOf(w: Walk): string {
  let path = w.root;
  for (const segment of w.segments) path += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  return path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A leaf as text; containers as a short summary, since the walk only stops on them when shapes differ. */
function render(value: unknown, withType: boolean): string {
  if (value === undefined) return '<missing>';
  let text: string;
  if (Array.isArray(value)) text = `[array of ${value.length}]`;
  else if (isRecord(value)) text = `{${Object.keys(value).join(', ')}}`;
  else text = String(value);
  return withType ? `${text} (${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})` : text;
}
