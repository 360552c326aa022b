import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { NameBook } from './names.ts';

/** After a successful createSeries, names its series `#k` and its claim tokens `P#k` / `N#k`. */
export function trackSeries(book: NameBook, action: Action, outcome: Outcome): void {
  if (action.kind !== 'createSeries' || !outcome.ok) return;
  const created = outcome.events.find((e) => e.name === 'SeriesCreated');
  if (created === undefined) return;
  book.addSeries(created.args.seriesId as Bytes32, created.args.pToken as Address, created.args.nToken as Address);
}

/** The name book as it stands after a list of executed steps. */
export function bookAfter(start: NameBook, steps: readonly { action: Action; outcome: Outcome }[]): NameBook {
  const book = start.clone();
  for (const step of steps) trackSeries(book, step.action, step.outcome);
  return book;
}
