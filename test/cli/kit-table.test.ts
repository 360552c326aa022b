import { describe, expect, it } from 'vitest';
import { markdownTable, textRow, textTable } from '../../fuzz/cli/kit/table.ts';

describe('the CLI kit: text tables', () => {
  it('pads left-aligned cells after and right-aligned cells before, to the exact width', () => {
    const columns = [{ width: 6 }, { width: 5, align: 'right' as const }, { width: 4, align: 'right' as const }];
    expect(textRow(columns, ['M2', '120', '7'])).toBe('M2      120   7');
    expect(textRow(columns, ['M2', '120', '7'], ' | ')).toBe('M2     |   120 |    7');
    // A longer cell overflows its column and shifts only its own row.
    expect(textRow(columns, ['invariant', '1', '2'])).toBe('invariant    1   2');
  });

  it("separates a column with its own gap where it gives one, else with the row's", () => {
    const columns = [
      { width: 4 },
      { width: 3, align: 'right' as const, gap: '   ' },
      { width: 3, align: 'right' as const },
    ];
    expect(textRow(columns, ['a', '1', '2'], ' ')).toBe('a        1   2');
    expect(textTable(columns, ['id', 'n', 'm'], [['a', '10', '2']], ' ')).toEqual(['id       n   m', 'a       10   2']);
  });

  it('trims the trailing padding of a row ending in a left-aligned or empty cell', () => {
    expect(textRow([{ width: 4 }, { width: 6 }], ['a', 'b'])).toBe('a   b');
    expect(textRow([{ width: 4 }, { width: 6, align: 'right' }], ['a', ''])).toBe('a');
  });

  it('fits each column of a whole table to its widest cell, header included', () => {
    expect(
      textTable(
        [{}, { align: 'right' }],
        ['id', 'kills'],
        [
          ['M2', '3'],
          ['M10', '12'],
        ],
      ),
    ).toEqual(['id   kills', 'M2       3', 'M10     12']);
    expect(textTable([{ width: 5 }], ['a', 'b'], [['x', 'y']], ' ')).toEqual(['a     b', 'x     y']);
  });
});

describe('the CLI kit: Markdown tables', () => {
  it('writes the header, the alignment rule and one line per row, escaping | and newlines', () => {
    expect(markdownTable(['id', 'n', 'ok'], [['a|b', '1', 'x\ny']], ['left', 'right', 'center'])).toBe(
      ['| id | n | ok |', '| --- | ---: | :-: |', '| a\\|b | 1 | x y |'].join('\n'),
    );
    expect(markdownTable(['id'], [])).toBe('| id |\n| --- |');
    expect(markdownTable(['id', 'n', 'ok'], [['a', '1', '']], ['left', 'right', 'center'], 'compact')).toBe(
      ['| id | n | ok |', '|---|---:|:-:|', '| a | 1 |  |'].join('\n'),
    );
  });
});
