/**
 * A GitHub-flavoured Markdown table. Cells are escaped (`|` and newlines), so a value can never
 * break the table's shape.
 *
 * @example
 * markdownTable(['property', 'checks'], [['M2', '120']], ['left', 'right']);
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}
