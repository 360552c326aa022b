import type { FileCoverage } from './report.ts';

/** The test name our lcov files carry on their first line; it marks a file as ours to overwrite. */
export const LCOV_TEST_NAME = 'cliffless';

/**
 * Renders a coverage report as an lcov tracefile (the format genhtml, VS Code's Coverage Gutters
 * and Codecov read): per file SF, FN/FNDA/FNF/FNH, BRDA/BRF/BRH, DA/LF/LH, end_of_record.
 * `pathOf` gives each file's SF path (where a viewer finds it). A branch site's two ways are
 * branches 0 (true) and 1 (false) of block n, its index in the file; `-` marks a site whose
 * deciding code never ran.
 */
export function renderLcov(files: readonly FileCoverage[], pathOf: (unit: string) => string): string {
  const out: string[] = [];
  for (const file of files) {
    out.push(`TN:${LCOV_TEST_NAME}`, `SF:${pathOf(file.unit)}`);
    const names = functionNames(file);
    for (const [i, fn] of file.functions.entries()) out.push(`FN:${fn.line},${names[i]}`);
    for (const [i, fn] of file.functions.entries()) out.push(`FNDA:${fn.count},${names[i]}`);
    out.push(`FNF:${file.functions.length}`, `FNH:${file.functions.filter((f) => f.count > 0).length}`);
    let taken = 0;
    for (const [block, branch] of file.branches.entries()) {
      for (const way of [0, 1] as const) {
        const count = branch.counts[way];
        if (count > 0) taken++;
        out.push(`BRDA:${branch.line},${block},${way},${branch.reached ? count : '-'}`);
      }
    }
    out.push(`BRF:${file.branches.length * 2}`, `BRH:${taken}`);
    for (const [line, count] of file.lines) out.push(`DA:${line},${count}`);
    out.push(`LF:${file.lines.size}`, `LH:${[...file.lines.values()].filter((c) => c > 0).length}`, 'end_of_record');
  }
  // An empty report still names its writer, so the next run may overwrite it.
  return out.length === 0 ? `TN:${LCOV_TEST_NAME}\n` : `${out.join('\n')}\n`;
}

/** FN names, unique within the file (overloads get `@line`); lcov names may not contain commas. */
function functionNames(file: FileCoverage): string[] {
  const seen = new Map<string, number>();
  for (const fn of file.functions) seen.set(fn.name, (seen.get(fn.name) ?? 0) + 1);
  return file.functions.map((fn) => {
    const name = fn.name.replaceAll(',', '_');
    return (seen.get(fn.name) ?? 0) > 1 ? `${name}@${fn.line}` : name;
  });
}
