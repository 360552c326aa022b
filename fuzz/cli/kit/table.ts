/**
 * The table renderer, for the commands and the benches. It lives in fuzz/table.ts, below the
 * fuzzer's core, so that the campaign summary and the tools' reports render with it too.
 */
export { type Column, markdownTable, textRow, textTable } from '../../table.ts';
