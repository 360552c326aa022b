/** One place where two values differ, with both sides quoted. */
export interface Difference {
  /** Dotted path from the root, e.g. `state.tokens.0xab….balances.0xcd…` or `outcome.events[2].args.value`. */
  path: string;
  expected: string;
  actual: string;
}

/**
 * The differences between two plain values (objects, arrays, bigint, string, boolean, number,
 * null, undefined) in a fixed order, up to `limit` of them. Object keys are visited in
 * `expected`'s order and then the keys only `actual` has, so the first difference is the same on
 * every machine; arrays element by element, then the extra elements of the longer one. A key or
 * element present on one side only is reported with `<missing>` on the other.
 */
export function deepDiff(expected: unknown, actual: unknown, root: string, limit: number): Difference[] {
  const found: Difference[] = [];
  walk(expected, actual, root, found, limit);
  return found;
}

function walk(expected: unknown, actual: unknown, path: string, found: Difference[], limit: number): void {
  if (found.length >= limit) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let index = 0; index < length && found.length < limit; index++) {
      walk(expected[index], actual[index], `${path}[${index}]`, found, limit);
    }
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...Object.keys(expected), ...Object.keys(actual).filter((key) => !(key in expected))];
    for (const key of keys) {
      if (found.length >= limit) return;
      walk(expected[key], actual[key], `${path}.${key}`, found, limit);
    }
    return;
  }
  if (expected === actual) return;
  const sameType = typeof expected === typeof actual && Array.isArray(expected) === Array.isArray(actual);
  found.push({ path, expected: render(expected, !sameType), actual: render(actual, !sameType) });
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
