import { CliflessError } from '../errors.ts';
import type { GuidedRecord, SummaryFile } from './summary-file.ts';

/** One guided lane's own figures, kept apart in a merge because they do not add up. */
export interface GuidedLaneRecord {
  /** `i/n`. */
  shard: string;
  /** Branch directions this lane reached, per contract (runtime code). */
  reached: Record<string, number>;
  growth: [number, number][];
  corpus: { size: number; loaded: number; added: number };
  failureFile?: string;
}

/**
 * The guided fields of a sharded guided campaign's lanes, merged. What is exact: every feature's
 * first hit is the earliest run over the lanes (run indices are the campaign's, so they compare),
 * and the branch directions and model features reached are counted on the union of the lanes'
 * features (a summary lists every feature it reached in `firstHit`). What only adds up: corpus
 * sizes and run origins are summed over the lanes (an entry several lanes loaded from one shared
 * corpus, or found alike, counts once per lane: `cliffless corpus merge` and `min` give the true
 * corpus), stale entries are listed per lane, and growth stays per lane, since each lane grew on
 * its own corpus.
 */
export interface MergedGuided {
  epoch: number;
  branches: Record<string, { reached: number; total: number }>;
  constructorDirections: number;
  modelFeatures: number;
  corpus: {
    size: number;
    loaded: number;
    added: number;
    stale: (GuidedRecord['corpus']['stale'][number] & { shard: string })[];
  };
  origins: Record<string, number>;
  firstHit: Record<string, number>;
  lanes: GuidedLaneRecord[];
}

/** The contract a branch feature (`b:<source>:<Contract>@<pc>:<T|F>`) belongs to. */
const contractOf = (feature: string) => feature.slice(2, feature.lastIndexOf('@'));

/**
 * Merges the guided fields of `files` (shards of one campaign, already checked by
 * `mergeSummaries`), or returns undefined when none is guided. A mix of guided lanes and
 * open-loop shards is refused (exit 2, naming both kinds of file): they are different campaigns
 * over the same run indices, and adding them up would report coverage no campaign had. So is a
 * mix of epoch lengths.
 */
export function mergeGuided(files: readonly SummaryFile[]): MergedGuided | undefined {
  const guided = files.filter((f) => f.guided !== undefined);
  if (guided.length === 0) return undefined;
  const open = files.filter((f) => f.guided === undefined);
  if (open.length > 0) {
    throw new CliflessError(
      `cannot merge guided and open-loop summaries: ${guided.map((f) => f.path).join(', ')} ` +
        `${guided.length === 1 ? 'is a guided lane' : 'are guided lanes'} (fuzz --guided), ` +
        `${open.map((f) => f.path).join(', ')} ${open.length === 1 ? 'is' : 'are'} open-loop`,
      { details: 'Run every shard of a campaign the same way, all with --guided or none, and merge those.' },
    );
  }
  const lanes = guided
    .map((f) => ({ file: f, g: f.guided as GuidedRecord }))
    .sort((a, b) => shardIndex(a.file) - shardIndex(b.file));
  const [first] = lanes;
  if (first === undefined) return undefined;
  for (const { file, g } of lanes) {
    if (g.epoch !== first.g.epoch) {
      throw new CliflessError(
        `${first.file.path} and ${file.path} are not lanes of one guided campaign: guided.epoch differs ` +
          `(${first.g.epoch} against ${g.epoch})`,
        { details: 'Lanes of one guided campaign run with the same --epoch.' },
      );
    }
  }

  const firstHit = new Map<string, number>();
  for (const { g } of lanes) {
    for (const [feature, run] of Object.entries(g.firstHit)) {
      const known = firstHit.get(feature);
      if (known === undefined || run < known) firstHit.set(feature, run);
    }
  }
  const totals = new Map<string, number>();
  for (const { g } of lanes) for (const [c, b] of Object.entries(g.branches)) totals.set(c, b.total);
  const reached = new Map<string, number>();
  let constructorDirections = 0;
  let modelFeatures = 0;
  for (const feature of firstHit.keys()) {
    if (!feature.startsWith('b:')) {
      modelFeatures++;
      continue;
    }
    const contract = contractOf(feature);
    if (totals.has(contract)) reached.set(contract, (reached.get(contract) ?? 0) + 1);
    else if (contract.endsWith('(creation)')) constructorDirections++;
  }
  const origins: Record<string, number> = {};
  const corpus: MergedGuided['corpus'] = { size: 0, loaded: 0, added: 0, stale: [] };
  for (const { file, g } of lanes) {
    for (const [kind, n] of Object.entries(g.origins)) origins[kind] = (origins[kind] ?? 0) + n;
    corpus.size += g.corpus.size;
    corpus.loaded += g.corpus.loaded;
    corpus.added += g.corpus.added;
    for (const s of g.corpus.stale) corpus.stale.push({ ...s, shard: file.campaign.shard });
  }
  const sorted = [...firstHit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    epoch: first.g.epoch,
    branches: Object.fromEntries(
      [...totals].map(([contract, total]) => [contract, { reached: reached.get(contract) ?? 0, total }]),
    ),
    constructorDirections,
    modelFeatures,
    corpus,
    origins,
    firstHit: Object.fromEntries(sorted),
    lanes: lanes.map(({ file, g }) => ({
      shard: file.campaign.shard,
      reached: Object.fromEntries(Object.entries(g.branches).map(([c, b]) => [c, b.reached])),
      growth: g.growth,
      corpus: { size: g.corpus.size, loaded: g.corpus.loaded, added: g.corpus.added },
      ...(g.failureFile === undefined ? {} : { failureFile: g.failureFile }),
    })),
  };
}

/** `i` of a summary's `i/n` (mergeSummaries has checked the form). */
const shardIndex = (file: SummaryFile) => Number(file.campaign.shard.split('/')[0]);

/** The merged guided fields as text, for `cliffless merge-summaries`. */
export function formatMergedGuided(g: MergedGuided): string {
  const lines = [
    `guided lanes (epoch ${g.epoch}): branch directions reached by any lane (runtime code, per contract):`,
  ];
  for (const [contract, b] of Object.entries(g.branches)) {
    if (b.reached === 0 && !contract.startsWith('contracts/')) continue;
    const perLane = g.lanes.map((l) => l.reached[contract] ?? 0).join(' + ');
    lines.push(
      `  ${contract}  ${b.reached} / ${b.total}  (${((100 * b.reached) / b.total).toFixed(1)}%; per lane ${perLane})`,
    );
  }
  if (g.constructorDirections > 0) lines.push(`  (and ${g.constructorDirections} directions in constructors)`);
  lines.push(`${g.modelFeatures} model features reached by any lane; first hits: the earliest run over the lanes`);
  lines.push(
    `corpus, summed over lanes (an entry in several lanes counts in each): ${g.corpus.size} entries ` +
      `(${g.corpus.loaded} loaded, ${g.corpus.added} added)`,
  );
  for (const s of g.corpus.stale)
    lines.push(`  stale entry ${s.file} (lane ${s.shard}): ${s.reason} (${s.kept ? 'kept' : 'dropped'})`);
  for (const lane of g.lanes) {
    const growth = lane.growth.map(([runs, n]) => `${runs}: ${n}`).join(', ');
    lines.push(`lane ${lane.shard} growth (runs of the lane: directions): ${growth}`);
  }
  const origins = Object.entries(g.origins)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  lines.push(`runs by input: ${origins || 'none'}`);
  return lines.join('\n');
}
