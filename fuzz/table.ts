/**
 * The one table renderer of the harness: plain-text columns for the terminal and GitHub-flavoured
 * Markdown for step summaries and reports. It sits at the bottom of the fuzzer's layers (beside
 * errors.ts) so that the campaign summary (fuzz/runner), the tools' reports (audit, mutate,
 * coverage, guide) and the CLI kit, which re-exports it for the commands and the benches, all use
 * the same one.
 */

/** How a text column lays its cells out. */
export interface Column {
  /** `left` pads after the text (the default), `right` before it (figures line up on their last digit). */
  align?: 'left' | 'right';
  /**
   * The column's width. {@link textRow} pads every cell to it (a longer cell overflows, the row
   * alone shifts); {@link textTable} takes it as the least width and widens to the widest cell.
   */
  width?: number;
  /**
   * What separates this column from the one before it, instead of the row's `gap` (a column that
   * stands further apart from its neighbour). Ignored on the first column.
   */
  gap?: string;
}

/**
 * One line of a text table: each cell padded to its column's width, cells joined by `gap`,
 * trailing spaces trimmed (so a row ending in an empty or left-aligned cell carries none).
 *
 * @example
 * textRow([{ width: 6 }, { align: 'right', width: 5 }], ['M2', '120'], ' ') // "M2       120"
 */
export function textRow(columns: readonly Column[], cells: readonly string[], gap = ''): string {
  let row = '';
  for (const [c, cell] of cells.entries()) {
    const column = columns[c] ?? {};
    const width = column.width ?? 0;
    if (c > 0) row += column.gap ?? gap;
    row += column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
  }
  return row.trimEnd();
}

/**
 * A whole text table, header first: every column as wide as its widest cell (or its `width`, if
 * more), so no cell ever overflows its column.
 *
 * @example
 * textTable([{}, { align: 'right' }], ['id', 'kills'], [['M2', '3'], ['M10', '12']])
 * // ["id   kills", "M2       3", "M10     12"]
 */
export function textTable(
  columns: readonly Column[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
  gap = '  ',
): string[] {
  const fitted = header.map((h, c) => ({
    ...columns[c],
    width: Math.max(columns[c]?.width ?? 0, h.length, ...rows.map((row) => (row[c] ?? '').length)),
  }));
  return [header, ...rows].map((row) => textRow(fitted, row, gap));
}

/**
 * A GitHub-flavoured Markdown table. Cells are escaped (`|` and newlines), so a value can never
 * break the table's shape: callers pass cells as they mean them, never pre-escaped (inside a table
 * `\|` is how even a code span holds a pipe). The alignment rule is `| --- | ---: |` or, `compact`,
 * `|---|---:|` (the same table to a Markdown reader; the audit and mutation reports write the
 * compact one).
 *
 * @example
 * markdownTable(['property', 'checks'], [['M2', '120']], ['left', 'right']);
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right' | 'center')[] = [],
  rule: 'spaced' | 'compact' = 'spaced',
): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const marks = header.map((_, i) => (align[i] === 'right' ? '---:' : align[i] === 'center' ? ':-:' : '---'));
  const ruleLine = rule === 'compact' ? `|${marks.join('|')}|` : `| ${marks.join(' | ')} |`;
  return [line(header), ruleLine, ...rows.map(line)].join('\n');
}
