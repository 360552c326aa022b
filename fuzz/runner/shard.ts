import { UsageError } from '../errors.ts';

/** One of `count` disjoint parts of a campaign: the runs whose index is `index` mod `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The whole campaign as one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** Parses `--shard i/n` (0 <= i < n); anything else is a usage error naming the flag. */
export function parseShard(raw: string, command = 'fuzz'): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (match === null) throw new UsageError(`--shard must look like i/n (e.g. 0/4), got "${raw}"`, command);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1) {
    throw new UsageError(`--shard ${raw}: n must be a whole number of at least 1`, command);
  }
  if (index >= count)
    throw new UsageError(`--shard ${raw}: i must be below n (shards are 0/${count} to ${count - 1}/${count})`, command);
  return { index, count };
}

/** `i/n`, as `--shard` takes it. */
export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** How many of the campaign's `runs` runs belong to the shard. */
export function shardRunCount(runs: number, shard: Shard): number {
  return runs <= shard.index ? 0 : Math.ceil((runs - shard.index) / shard.count);
}
