/**
 * A source file's text indexed by UTF-8 byte offset, as solc's source locations count: a comment
 * with `≥` before a statement shifts every later character offset but not the byte offsets.
 */
export class SourceText {
  /** Byte offset where each line starts; line n (1-based) starts at lineStarts[n - 1]. */
  private readonly lineStarts: number[] = [0];
  private readonly bytes: Uint8Array;

  constructor(readonly content: string) {
    this.bytes = new TextEncoder().encode(content);
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1);
  }

  /** The 1-based line holding byte `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Line `line` (1-based) without its newline, whitespace trimmed. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const end = this.lineStarts[line] ?? this.bytes.length;
    return new TextDecoder().decode(this.bytes.subarray(start, end)).trim();
  }

  /** The text of a byte range. */
  slice(start: number, length: number): string {
    return new TextDecoder().decode(this.bytes.subarray(start, start + length));
  }
}
