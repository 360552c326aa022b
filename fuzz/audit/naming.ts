import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { ACTOR_NAMES, type NameBook } from '../trace/names.ts';
import { formatIndexId } from '../trace/values.ts';

const HEX = /0x[0-9a-fA-F]{64}|0x[0-9a-fA-F]{40}/g;

/**
 * A D1 path or value with every address and id replaced by the name a trace uses: `alice`, `WETH`,
 * `P#0`, `#0` for a series, `ETH/USD` for an index id. So
 * `state.tokens.0x5f…balances.0xac…7002` reads `state.tokens.P#0.balances.bob`.
 */
export function withNames(text: string, book: NameBook): string {
  return text.replace(HEX, (hex) => {
    if (hex.length === 42) return book.nameOf(hex.toLowerCase() as Address);
    const id = hex.toLowerCase() as Bytes32;
    const series = book.seriesName(id);
    return series === id ? formatIndexId(id) : series;
  });
}

const ACTOR = new RegExp(`(^|[.\\[])(?:${ACTOR_NAMES.join('|')}|actor\\d+)(?=$|[.\\]@])`, 'g');

/**
 * The part of a named path that says *what* differed, not *for whom*: actors become `*` and series
 * numbers `#*`, so the same change met by alice in one run and by bob in another is one
 * difference. `state.tokens.P#1.balances.bob` gives `state.tokens.P#*.balances.*`. Roles (market,
 * oracle, arbitrator) and tokens keep their names: a change to the market's balance is not a change
 * to an actor's.
 */
export function genericPath(namedPath: string): string {
  return namedPath.replace(/#\d+/g, '#*').replace(ACTOR, '$1*');
}
