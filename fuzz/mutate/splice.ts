/**
 * Byte-exact edits of a source text. solc's `src` offsets count UTF-8 bytes, and the contracts'
 * comments hold non-ASCII characters (em dashes), so string indices would land in the wrong place.
 */

/** The text of bytes [start, start + length). */
export function sliceBytes(bytes: Buffer, start: number, length: number): string {
  return bytes.subarray(start, start + length).toString('utf8');
}

/** The text with bytes [start, start + length) replaced. */
export function spliceBytes(bytes: Buffer, start: number, length: number, replacement: string): string {
  return Buffer.concat([
    bytes.subarray(0, start),
    Buffer.from(replacement, 'utf8'),
    bytes.subarray(start + length),
  ]).toString('utf8');
}

/** The 1-based line of a byte offset. */
export function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset just past a `;` that follows `end` after nothing but whitespace, or `end` when none does. */
export function throughSemicolon(bytes: Buffer, end: number): number {
  let i = end;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3b ? i + 1 : end;
}
