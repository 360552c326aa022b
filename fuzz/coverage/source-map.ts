/** One entry of a solc source map: the source range an instruction was generated from. */
export interface SourceMapEntry {
  /** Byte offset of the range in its source (UTF-8), or -1 for none. */
  start: number;
  /** Byte length of the range. */
  length: number;
  /** solc's source id: a `sources` unit, a generated Yul source, or -1 for none. */
  file: number;
  /** `i` into a function, `o` out of one, `-` a plain jump (meaningful on jumps only). */
  jump: 'i' | 'o' | '-';
  modifierDepth: number;
}

/**
 * Decodes solc's compressed source map (`s:l:f:j:m;...`): entries are `;`-separated, one per
 * instruction; an empty field, or a missing trailing field, repeats the previous entry's value.
 *
 * @example
 * decodeSourceMap('1:2:1;:9;2:1:2;;');
 * // [{start:1,length:2,file:1,...}, {start:1,length:9,file:1,...}, {start:2,length:1,file:2,...}, (same again)]
 */
export function decodeSourceMap(map: string): SourceMapEntry[] {
  if (map === '') return [];
  const entries: SourceMapEntry[] = [];
  let previous: SourceMapEntry = { start: -1, length: -1, file: -1, jump: '-', modifierDepth: 0 };
  for (const [index, item] of map.split(';').entries()) {
    const [s, l, f, j, m] = item.split(':');
    const entry: SourceMapEntry = {
      start: field(s, previous.start, index),
      length: field(l, previous.length, index),
      file: field(f, previous.file, index),
      jump: j === undefined || j === '' ? previous.jump : jumpType(j, index),
      modifierDepth: field(m, previous.modifierDepth, index),
    };
    entries.push(entry);
    previous = entry;
  }
  return entries;
}

function field(text: string | undefined, previous: number, index: number): number {
  if (text === undefined || text === '') return previous;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`source map entry ${index}: ${JSON.stringify(text)} is not an integer`);
  return value;
}

function jumpType(text: string, index: number): SourceMapEntry['jump'] {
  if (text === 'i' || text === 'o' || text === '-') return text;
  throw new Error(`source map entry ${index}: unknown jump type ${JSON.stringify(text)}`);
}
