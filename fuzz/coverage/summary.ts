import { type Column, textRow } from '../cli/kit/table.ts';
import type { BranchCoverage, FileCoverage, FileGroup } from './report.ts';

const GROUP_TITLES: Record<FileGroup, string> = {
  contracts: 'contracts',
  'test-mocks': 'test mocks (not for deployment)',
  libraries: 'libraries (node_modules)',
};

/** Hit and total counts of one file or group. */
interface Tally {
  lines: [number, number];
  branches: [number, number];
  functions: [number, number];
}

/**
 * The terminal summary of a coverage report: per group (contracts, test mocks, libraries) a row
 * per file with lines, branches (each way of a branch site counts once) and functions hit of
 * total, then every line and branch way never reached, as `file:line` with the source.
 */
export function formatCoverageSummary(files: readonly FileCoverage[]): string {
  const out: string[] = [];
  const width = Math.max(30, ...files.map((f) => f.unit.length)) + 2;
  for (const group of ['contracts', 'test-mocks', 'libraries'] as const) {
    const inGroup = files.filter((f) => f.group === group);
    if (inGroup.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(textRow(columns(width), [GROUP_TITLES[group], 'lines', 'branches', 'functions']));
    const total: Tally = { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
    for (const file of inGroup) {
      const tally = tallyOf(file);
      for (const key of ['lines', 'branches', 'functions'] as const) {
        total[key] = [total[key][0] + tally[key][0], total[key][1] + tally[key][1]];
      }
      out.push(row(file.unit, tally, width));
    }
    if (inGroup.length > 1) out.push(row('total', total, width));
    const missed = inGroup.flatMap(neverReached);
    out.push('', missed.length === 0 ? 'every line and branch above was reached' : `never reached (${missed.length}):`);
    out.push(...missed.map((m) => `  ${m}`));
  }
  return out.join('\n');
}

function tallyOf(file: FileCoverage): Tally {
  const lines = [...file.lines.values()];
  const ways = file.branches.flatMap((b) => b.counts);
  return {
    lines: [lines.filter((c) => c > 0).length, lines.length],
    branches: [ways.filter((c) => c > 0).length, ways.length],
    functions: [file.functions.filter((f) => f.count > 0).length, file.functions.length],
  };
}

/** The file name, then lines, branches and functions, each `hit/all percent`. */
function columns(width: number): Column[] {
  return [{ width }, { width: 18 }, { width: 18 }, {}];
}

/** `hit/all` and its percentage, each lined up on its last character. */
const FIGURE: readonly Column[] = [
  { width: 9, align: 'right' },
  { width: 6, align: 'right' },
];

function row(name: string, tally: Tally, width: number): string {
  const cell = ([hit, all]: [number, number]) => {
    const percent = all === 0 ? '-' : `${Math.floor((hit / all) * 1000) / 10}%`;
    // Two spaces after even an overflowing figure, so neighbouring columns never run together.
    return `${textRow(FIGURE, [`${hit}/${all}`, percent], ' ')}  `;
  };
  return textRow(columns(width), [name, cell(tally.lines), cell(tally.branches), cell(tally.functions)]);
}

/** `file:line  what` for every unreached line and branch way, in line order. */
function neverReached(file: FileCoverage): string[] {
  const items: { line: number; order: number; text: string }[] = [];
  for (const [line, count] of file.lines) {
    if (count === 0) items.push({ line, order: 0, text: `${file.unit}:${line}  ${clip(file.text.lineText(line))}` });
  }
  for (const branch of file.branches) {
    const ways = waysOf(branch);
    for (const way of [0, 1] as const) {
      if (branch.counts[way] > 0) continue;
      const condition = clip(file.text.slice(branch.site.condition.start, branch.site.condition.length));
      const what = branch.reached ? `never ${ways[way]}` : 'never evaluated';
      items.push({
        line: branch.line,
        order: 1 + way,
        text: `${file.unit}:${branch.line}  ${branch.site.kind} \`${condition}\`: ${what}`,
      });
      if (!branch.reached) break;
    }
  }
  return items.sort((a, b) => a.line - b.line || a.order - b.order).map((i) => i.text);
}

function waysOf(branch: BranchCoverage): [string, string] {
  if (!branch.sided) return ['jumped (way unknown)', 'fell through (way unknown)'];
  if (branch.site.kind === '&&' || branch.site.kind === '||') return ['true (left operand)', 'false (left operand)'];
  return ['true', 'false'];
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
