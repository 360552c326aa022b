import { CliflessError } from '../errors.ts';
import { parseJsonStrict, readInputFile } from '../io/input.ts';
import { type Delivery, deliverOutput, type OutputClaim } from '../io/output.ts';
import type { RunRanges } from '../runner/fold.ts';
import { CampaignStats } from '../runner/stats.ts';
import { summaryJson } from '../runner/summary.ts';

/** What a failure of a shard was, and where its trace is. */
export interface FailureRecord {
  /** Index of the failing run in the campaign. */
  run: number;
  kind: string;
  id: string;
  /** Step of the shrunk trace that fails. */
  step: number;
  message: string;
  /** Actions of the failing run before shrinking, and after. */
  shrunkFrom: number;
  actions: number;
  /** File name of the trace in the shard's --out folder. */
  trace: string;
}

/**
 * Which campaign a summary belongs to and which of its runs it counts: enough for
 * `cliffless merge-summaries` to check that summaries are shards of one campaign and cover it.
 */
export interface CampaignRecord {
  seed: number;
  /** Runs requested (the whole campaign's, not the shard's). */
  runs: number;
  depth: number;
  actors: number;
  probes: number;
  probeEvery: number;
  /** The compile cache key: sha256 of solc's input (every contract source) and the solc version. */
  contracts: string;
  /** --time in seconds, or null: with a time budget, which runs ran depends on speed. */
  timeSeconds: number | null;
  /** `i/n`. */
  shard: string;
  /** The run indices counted, as inclusive ranges stepping by n. */
  counted: RunRanges;
  /** True when every run of the shard ran (no failure stopped it, no time budget). */
  complete: boolean;
  failure: FailureRecord | null;
}

/** The fields of a record that must agree for two summaries to be shards of one campaign. */
export const CAMPAIGN_IDENTITY = ['seed', 'runs', 'depth', 'actors', 'probes', 'probeEvery', 'contracts'] as const;

/** The summary JSON: the counts (as before) and the campaign record. No timings: runs compare equal. */
export function summaryDocument(stats: CampaignStats, record: CampaignRecord): object {
  return { ...summaryJson(stats, record.seed), campaign: record };
}

/**
 * Writes a summary to a file claimed before the work (fuzz/io/output.ts); a write that fails after
 * the work prints it on standard output instead (see `deliverOutput`).
 */
export function writeSummaryFile(claim: OutputClaim, document: object): Delivery {
  return deliverOutput(claim, `${JSON.stringify(document, null, 2)}\n`, 'SUMMARY JSON');
}

/**
 * The `guided` object of a guided campaign's (or lane's) summary, as fuzz/guide/summary-json.ts
 * writes it. Runs are the campaign's run indices, so first hits of different lanes compare.
 */
export interface GuidedRecord {
  epoch: number;
  /** Per contract (runtime code): branch directions reached, of all. */
  branches: Record<string, { reached: number; total: number }>;
  constructorDirections: number;
  /** `[runs of the lane done, directions reached]` after each epoch. */
  growth: [number, number][];
  corpus: { size: number; loaded: number; added: number; stale: { file: string; reason: string; kept: boolean }[] };
  modelFeatures: number;
  /** Runs by how their input was made. */
  origins: Record<string, number>;
  failureFile?: string;
  /** Every feature reached, with the first run that reached it (-1: the loaded corpus). */
  firstHit: Record<string, number>;
}

/** A summary read back: its counts as stats, its campaign record, and the guided fields of a guided one. */
export interface SummaryFile {
  path: string;
  stats: CampaignStats;
  campaign: CampaignRecord;
  guided?: GuidedRecord;
}

/**
 * Reads a summary written by `cliffless fuzz --summary-json`, checking every field it needs; a
 * missing or mistyped one is a CliflessError (exit 2) naming the file and the field.
 */
export function readSummaryFile(path: string): SummaryFile {
  const details = 'Pass summaries written by `cliffless fuzz --summary-json FILE` (with --shard i/n for a CI matrix).';
  const json = parseJsonStrict(readInputFile(path, 'summary'), (field, problem): never => {
    throw new CliflessError(`${path}: ${field}: ${problem}`, { details });
  });
  const bad = (field: string, wanted: string): never => {
    throw new CliflessError(`${path}: ${field} must be ${wanted}`, { details });
  };
  const object = (value: unknown, field: string): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : bad(field, 'an object');
  const count = (value: unknown, field: string): number =>
    Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : bad(field, 'a whole number');
  const string = (value: unknown, field: string): string =>
    typeof value === 'string' ? value : bad(field, 'a string');

  const root = object(json, 'the file');
  const c = object(root.campaign, 'campaign');
  const failureOf = () =>
    c.failure === null
      ? null
      : (() => {
          const f = object(c.failure, 'campaign.failure');
          return {
            run: count(f.run, 'campaign.failure.run'),
            kind: string(f.kind, 'campaign.failure.kind'),
            id: string(f.id, 'campaign.failure.id'),
            step: count(f.step, 'campaign.failure.step'),
            message: string(f.message, 'campaign.failure.message'),
            shrunkFrom: count(f.shrunkFrom, 'campaign.failure.shrunkFrom'),
            actions: count(f.actions, 'campaign.failure.actions'),
            trace: string(f.trace, 'campaign.failure.trace'),
          };
        })();
  const campaign: CampaignRecord = {
    seed: count(c.seed, 'campaign.seed'),
    runs: count(c.runs, 'campaign.runs'),
    depth: count(c.depth, 'campaign.depth'),
    actors: count(c.actors, 'campaign.actors'),
    probes: count(c.probes, 'campaign.probes'),
    probeEvery: count(c.probeEvery, 'campaign.probeEvery'),
    contracts: string(c.contracts, 'campaign.contracts'),
    timeSeconds: c.timeSeconds === null ? null : count(c.timeSeconds, 'campaign.timeSeconds'),
    shard: string(c.shard, 'campaign.shard'),
    counted: (Array.isArray(c.counted) ? c.counted : bad('campaign.counted', 'a list of [first, last] ranges')).map(
      (range: unknown, i: number) => {
        const field = `campaign.counted[${i}]`;
        const pair = Array.isArray(range) && range.length === 2 ? range : bad(field, 'a [first, last] pair');
        const [first, last] = [count(pair[0], `${field}[0]`), count(pair[1], `${field}[1]`)];
        if (last < first) bad(field, 'a range with first <= last');
        return [first, last] as [number, number];
      },
    ),
    complete: typeof c.complete === 'boolean' ? c.complete : bad('campaign.complete', 'true or false'),
    failure: failureOf(),
  };

  const stats = new CampaignStats();
  stats.runs = count(root.runs, 'runs');
  stats.actions = count(root.actions, 'actions');
  stats.failures = count(root.failures, 'failures');
  for (const [kind, value] of Object.entries(object(root.calls, 'calls'))) {
    const row = object(value, `calls.${kind}`);
    const calls = count(row.calls, `calls.${kind}.calls`);
    const reverts = count(row.reverts, `calls.${kind}.reverts`);
    const succeeded = count(row.runsSucceeded, `calls.${kind}.runsSucceeded`);
    if (calls > 0 || reverts > 0) stats.calls.set(kind as never, { calls, reverts });
    if (succeeded > 0) stats.reached.set(kind, succeeded);
  }
  for (const [id, value] of Object.entries(object(root.properties, 'properties'))) {
    if (value === null) continue;
    const row = object(value, `properties.${id}`);
    stats.checks.set(id, {
      checks: count(row.checks, `properties.${id}.checks`),
      violations: count(row.violations, `properties.${id}.violations`),
    });
  }
  for (const [reason, value] of Object.entries(object(root.reverts, 'reverts'))) {
    stats.revertReasons.set(reason, count(value, `reverts.${reason}`));
  }
  const file: SummaryFile = { path, stats, campaign };
  if (root.guided !== undefined)
    file.guided = readGuided(object(root.guided, 'guided'), { object, count, string, bad });
  return file;
}

/** The field checkers of one file, so a bad guided field is named like any other. */
interface Checkers {
  object: (value: unknown, field: string) => Record<string, unknown>;
  count: (value: unknown, field: string) => number;
  string: (value: unknown, field: string) => string;
  bad: (field: string, wanted: string) => never;
}

/** The `guided` object, every field checked (a missing or mistyped one names `guided.<field>`). */
function readGuided(g: Record<string, unknown>, { object, count, string, bad }: Checkers): GuidedRecord {
  const list = (value: unknown, field: string): unknown[] => (Array.isArray(value) ? value : bad(field, 'a list'));
  const run = (value: unknown, field: string): number =>
    Number.isSafeInteger(value) && (value as number) >= -1 ? (value as number) : bad(field, 'a run index or -1');
  const record = <T>(value: unknown, field: string, read: (v: unknown, at: string) => T): Record<string, T> =>
    Object.fromEntries(Object.entries(object(value, field)).map(([k, v]) => [k, read(v, `${field}.${k}`)]));
  const corpus = object(g.corpus, 'guided.corpus');
  const guided: GuidedRecord = {
    epoch: count(g.epoch, 'guided.epoch'),
    branches: record(g.branches, 'guided.branches', (v, at) => {
      const b = object(v, at);
      return { reached: count(b.reached, `${at}.reached`), total: count(b.total, `${at}.total`) };
    }),
    constructorDirections: count(g.constructorDirections, 'guided.constructorDirections'),
    growth: list(g.growth, 'guided.growth').map((p, i) => {
      const at = `guided.growth[${i}]`;
      const pair = Array.isArray(p) && p.length === 2 ? p : bad(at, 'a [runs, directions] pair');
      return [count(pair[0], `${at}[0]`), count(pair[1], `${at}[1]`)] as [number, number];
    }),
    corpus: {
      size: count(corpus.size, 'guided.corpus.size'),
      loaded: count(corpus.loaded, 'guided.corpus.loaded'),
      added: count(corpus.added, 'guided.corpus.added'),
      stale: list(corpus.stale, 'guided.corpus.stale').map((e, i) => {
        const at = `guided.corpus.stale[${i}]`;
        const o = object(e, at);
        const kept = typeof o.kept === 'boolean' ? o.kept : bad(`${at}.kept`, 'true or false');
        return { file: string(o.file, `${at}.file`), reason: string(o.reason, `${at}.reason`), kept };
      }),
    },
    modelFeatures: count(g.modelFeatures, 'guided.modelFeatures'),
    origins: record(g.origins, 'guided.origins', count),
    firstHit: record(g.firstHit, 'guided.firstHit', run),
  };
  if (g.failureFile !== undefined) guided.failureFile = string(g.failureFile, 'guided.failureFile');
  return guided;
}
