import type { CodeKind } from './program.ts';

/**
 * What one piece of contract code did under the recorder: how often each basic block was entered
 * (by the pc of its first instruction) and, per JUMPI pc, how often it fell through and jumped.
 * Everything else (executed instructions, lines, branches) follows from these and the bytecode.
 */
export interface CodeHits {
  blocks: Record<string, number>;
  jumps: Record<string, [fellThrough: number, jumped: number]>;
}

/**
 * Raw coverage of one or more campaigns: plain JSON, by contract (`source:Name`) and code kind.
 * Program counters only mean something for the compilation they were recorded against, so the
 * artifacts' cache key is part of the data and merging refuses to mix compilations.
 */
export interface CoverageData {
  format: 'cliffless-coverage';
  version: 1;
  /** `Artifacts.key` of the compilation the program counters refer to. */
  artifactsKey: string;
  contracts: Record<string, Partial<Record<CodeKind, CodeHits>>>;
}

/** Empty coverage for a compilation. */
export function emptyCoverage(artifactsKey: string): CoverageData {
  return { format: 'cliffless-coverage', version: 1, artifactsKey, contracts: {} };
}

/**
 * The union of several coverages of the same compilation: every block and jump any of them saw,
 * with counts added. Order does not matter; the inputs are not changed.
 *
 * @throws {Error} when the coverages come from different compilations.
 */
export function mergeCoverage(first: CoverageData, ...rest: CoverageData[]): CoverageData {
  const merged = emptyCoverage(first.artifactsKey);
  for (const data of [first, ...rest]) {
    if (data.artifactsKey !== first.artifactsKey) {
      throw new Error(
        `cannot merge coverage of different compilations (${first.artifactsKey.slice(0, 12)} and ${data.artifactsKey.slice(0, 12)})`,
      );
    }
    for (const [contract, kinds] of Object.entries(data.contracts)) {
      const into = merged.contracts[contract] ?? {};
      merged.contracts[contract] = into;
      for (const [kind, hits] of Object.entries(kinds) as [CodeKind, CodeHits][]) {
        const target = into[kind] ?? { blocks: {}, jumps: {} };
        into[kind] = target;
        for (const [pc, count] of Object.entries(hits.blocks)) target.blocks[pc] = (target.blocks[pc] ?? 0) + count;
        for (const [pc, [fell, jumped]] of Object.entries(hits.jumps)) {
          const before = target.jumps[pc] ?? [0, 0];
          target.jumps[pc] = [before[0] + fell, before[1] + jumped];
        }
      }
    }
  }
  return sortCoverage(merged);
}

/** The same data with contracts and kinds in a fixed order, so equal coverage serializes equally. */
function sortCoverage(data: CoverageData): CoverageData {
  const contracts: CoverageData['contracts'] = {};
  for (const name of Object.keys(data.contracts).sort()) {
    const kinds = data.contracts[name] ?? {};
    contracts[name] = {};
    for (const kind of ['runtime', 'creation'] as const) {
      const hits = kinds[kind];
      // Integer-like keys already iterate in ascending numeric order.
      if (hits !== undefined) (contracts[name] as Partial<Record<CodeKind, CodeHits>>)[kind] = hits;
    }
  }
  return { ...data, contracts };
}

/** Coverage data as JSON text (stable: equal data, equal text). */
export function stringifyCoverage(data: CoverageData): string {
  return `${JSON.stringify(sortCoverage(data))}\n`;
}

/**
 * Parses coverage JSON written by {@link stringifyCoverage}, checking its shape.
 *
 * @throws {Error} naming `source` and the offending field.
 */
export function parseCoverage(text: string, source: string): CoverageData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  const fail = (field: string, problem: string): never => {
    throw new Error(`${source}: ${field}: ${problem}`);
  };
  const object = (v: unknown, field: string): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(field, 'expected an object');
  const count = (v: unknown, field: string): number =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(field, 'expected a count (integer >= 0)');
  const pc = (key: string, field: string) => (/^(0|[1-9][0-9]*)$/.test(key) ? key : fail(field, 'expected a pc key'));

  const root = object(value, '$');
  if (root.format !== 'cliffless-coverage') fail('$.format', 'expected "cliffless-coverage"');
  if (root.version !== 1) fail('$.version', 'expected 1');
  if (typeof root.artifactsKey !== 'string') fail('$.artifactsKey', 'expected a string');
  const data = emptyCoverage(root.artifactsKey as string);
  for (const [contract, kinds] of Object.entries(object(root.contracts, '$.contracts'))) {
    const into: Partial<Record<CodeKind, CodeHits>> = {};
    for (const [kind, hits] of Object.entries(object(kinds, `$.contracts.${contract}`))) {
      const at = `$.contracts.${contract}.${kind}`;
      if (kind !== 'runtime' && kind !== 'creation') fail(at, 'expected "runtime" or "creation"');
      const h = object(hits, at);
      const blocks: CodeHits['blocks'] = {};
      for (const [key, n] of Object.entries(object(h.blocks, `${at}.blocks`)))
        blocks[pc(key, `${at}.blocks.${key}`)] = count(n, `${at}.blocks.${key}`);
      const jumps: CodeHits['jumps'] = {};
      for (const [key, pair] of Object.entries(object(h.jumps, `${at}.jumps`))) {
        const field = `${at}.jumps.${key}`;
        const [fell, jumped] =
          Array.isArray(pair) && pair.length === 2 ? pair : fail(field, 'expected [fellThrough, jumped]');
        jumps[pc(key, field)] = [count(fell, `${field}[0]`), count(jumped, `${field}[1]`)];
      }
      into[kind as CodeKind] = { blocks, jumps };
    }
    data.contracts[contract] = into;
  }
  return data;
}
