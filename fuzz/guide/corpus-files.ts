import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorldSetup } from '../../reference/setup.ts';
import { TraceFormatError } from '../errors.ts';
import { type OutputClaim, writeIntoFolder } from '../io/output.ts';
import { buildTrace } from '../trace/build.ts';
import type { TraceWorld } from '../trace/format.ts';
import { readTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { expectationOf, stringifyTrace } from '../trace/serialize.ts';
import { trackSeries } from '../trace/track-series.ts';
import type { CorpusEntry, CorpusFile } from './campaign.ts';
import { corpusTitle } from './corpus-order.ts';

/**
 * Reads every `*.json` in `dir` (in name order, so the campaign is the same on every machine) as a
 * trace. A malformed file is a TraceFormatError naming the file and the field (exit 2); a trace of
 * another world (its actor count) is refused the same way, since its names would mean other
 * accounts. A missing folder is an empty corpus.
 */
export function readCorpus(dir: string, world: TraceWorld): CorpusFile[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return names.map((name) => {
    const file = join(dir, name);
    const trace = readTraceFile(file);
    if (trace.world.actors !== world.actors || trace.world.approvals !== world.approvals) {
      throw new TraceFormatError(
        file,
        'world',
        `the corpus entry is for ${trace.world.actors} actors (approvals ${trace.world.approvals}), the campaign for ${world.actors} (approvals ${world.approvals})`,
      );
    }
    return { file, trace };
  });
}

/**
 * Writes the entries this campaign found into the claimed folder, each a trace (names, not
 * addresses, and each action's `expect`) named by its content, `entry-<sha256 prefix>.json`, with a title naming the
 * run that found it and listing what it reached first (corpus-order.ts: the next campaign loads by that run). A file of that name with the same content is left as it is; nothing is ever
 * overwritten. Returns the paths written.
 */
export function writeCorpus(
  claim: OutputClaim,
  entries: readonly CorpusEntry[],
  setup: WorldSetup,
  world: TraceWorld,
): string[] {
  const written: string[] = [];
  for (const entry of entries) {
    const trace = buildTrace({
      world,
      book: new NameBook(setup),
      steps: entry.steps,
      title: corpusTitle('run' in entry.origin ? entry.origin.run : entry.foundAt, entry.added),
    });
    // Each action carries the outcome it had, so a later campaign can tell the entry is stale.
    const book = new NameBook(setup);
    entry.steps.forEach((step, i) => {
      trackSeries(book, step.action, step.outcome);
      const action = trace.actions[i];
      if (action !== undefined) action.expect = expectationOf(step.outcome, book);
    });
    const text = stringifyTrace(trace);
    const name = `entry-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
    const target = join(claim.absolute, name);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    written.push(writeIntoFolder(claim, name, text));
  }
  return written;
}
