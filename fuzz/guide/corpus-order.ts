import type { CorpusFile } from './campaign.ts';

/** How a corpus file's title begins when the campaign that wrote it knew the run that found it. */
const TITLE_PREFIX = 'corpus entry from run ';

/** The title a corpus file is written with: the run that found it (if known), then what it reached first. */
export function corpusTitle(run: number | undefined, added: readonly string[]): string {
  const first = added.slice(0, 3).join(', ');
  const more = added.length > 3 ? ` and ${added.length - 3} more` : '';
  return `${run === undefined ? 'corpus entry' : `${TITLE_PREFIX}${run}`}: first to reach ${first}${more}`;
}

/** The run that found a corpus file's entry, as its title records it, or undefined (a hand-written file). */
export function foundAtOf(file: CorpusFile): number | undefined {
  const title = file.trace.title ?? '';
  if (!title.startsWith(TITLE_PREFIX)) return undefined;
  const run = Number.parseInt(title.slice(TITLE_PREFIX.length), 10);
  return Number.isSafeInteger(run) && run >= 0 ? run : undefined;
}

/**
 * The order a campaign replays a kept corpus in: files without a recorded run first, then by the
 * run that found them, oldest first (ties by path). File names are content hashes, so name order
 * alone says nothing; in this order the newest finds of the campaign that wrote the corpus are the
 * newest entries here too, which the parent choice favours (campaign.ts `RECENT`): the next
 * campaign explores around what the last one found latest, as the last one would have. Depends
 * only on the files' contents and paths, so the campaign stays deterministic.
 */
export function loadOrder(files: readonly CorpusFile[]): CorpusFile[] {
  const keyed = files.map((file) => ({ file, run: foundAtOf(file) ?? -1 }));
  keyed.sort((a, b) => a.run - b.run || (a.file.file < b.file.file ? -1 : a.file.file > b.file.file ? 1 : 0));
  return keyed.map((k) => k.file);
}
