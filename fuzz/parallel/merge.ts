import { CliflessError } from '../errors.ts';
import { CampaignStats } from '../runner/stats.ts';
import { CAMPAIGN_IDENTITY, type CampaignRecord, type FailureRecord, type SummaryFile } from './summary-file.ts';

/** One shard's part in a merge. */
export interface MergedShard {
  file: string;
  index: number;
  runs: number;
  complete: boolean;
  failure: FailureRecord | null;
}

/** Summaries of the shards of one campaign, added up. */
export interface Merged {
  /** The campaign every summary belongs to (the identity fields agree). */
  campaign: Pick<CampaignRecord, (typeof CAMPAIGN_IDENTITY)[number] | 'timeSeconds'>;
  /** n of `--shard i/n`. */
  count: number;
  /** The summaries given, by shard index. */
  shards: MergedShard[];
  /** Shard indices with no summary. */
  missing: number[];
  stats: CampaignStats;
  /** The campaign's failure: the failing run with the smallest index over every shard. */
  failure: (FailureRecord & { shard: number }) | undefined;
}

/**
 * Checks that the summaries are distinct shards of one campaign (same seed, runs, depth, actors,
 * probes and contracts; the same n; no shard twice) and adds their counts. A shard stops at its own
 * first failure, so when a campaign fails, the merged counts include runs of other shards past the
 * campaign's failing run: they equal an unsharded campaign's counts only when no run failed.
 */
export function mergeSummaries(files: readonly SummaryFile[]): Merged {
  const [first] = files;
  if (first === undefined) throw new CliflessError('no summaries to merge');
  const shardOf = (file: SummaryFile) => {
    const match = /^(\d+)\/(\d+)$/.exec(file.campaign.shard);
    const [index, count] = [Number(match?.[1]), Number(match?.[2])];
    if (match === null || count < 1 || index >= count)
      throw new CliflessError(`${file.path}: campaign.shard must be i/n with i < n, got "${file.campaign.shard}"`);
    return { index, count };
  };
  const count = shardOf(first).count;
  const byIndex = new Map<number, SummaryFile>();
  for (const file of files) {
    for (const field of CAMPAIGN_IDENTITY) {
      if (file.campaign[field] !== first.campaign[field]) {
        throw new CliflessError(
          `${first.path} and ${file.path} are not shards of one campaign: campaign.${field} differs ` +
            `(${first.campaign[field]} against ${file.campaign[field]})`,
          { details: 'Shards of one campaign share seed, runs, depth, actors, probes and contracts.' },
        );
      }
    }
    const shard = shardOf(file);
    if (shard.count !== count) {
      throw new CliflessError(`${first.path} and ${file.path} split the campaign differently`, {
        details: `shard ${first.campaign.shard} against ${file.campaign.shard}: every shard must be i/${count}.`,
      });
    }
    const other = byIndex.get(shard.index);
    if (other !== undefined) {
      throw new CliflessError(`${other.path} and ${file.path} are both shard ${file.campaign.shard}`, {
        details: 'Each shard must be given once.',
      });
    }
    for (const [a] of file.campaign.counted) {
      if (a % count !== shard.index)
        throw new CliflessError(`${file.path}: counted run ${a} is not in shard ${file.campaign.shard}`);
    }
    byIndex.set(shard.index, file);
  }

  const stats = new CampaignStats();
  const shards: MergedShard[] = [];
  const missing: number[] = [];
  let failure: Merged['failure'];
  for (let index = 0; index < count; index++) {
    const file = byIndex.get(index);
    if (file === undefined) {
      missing.push(index);
      continue;
    }
    stats.merge(file.stats);
    const f = file.campaign.failure;
    shards.push({ file: file.path, index, runs: file.stats.runs, complete: file.campaign.complete, failure: f });
    if (f !== null && (failure === undefined || f.run < failure.run)) failure = { ...f, shard: index };
  }
  const { timeSeconds } = first.campaign;
  const identity = Object.fromEntries(CAMPAIGN_IDENTITY.map((field) => [field, first.campaign[field]]));
  return {
    campaign: { ...(identity as Omit<Merged['campaign'], 'timeSeconds'>), timeSeconds },
    count,
    shards,
    missing,
    stats,
    failure,
  };
}
