import { hexToBytes } from 'viem';
import type { Artifacts } from '../compile/artifacts.ts';
import { collectSites } from '../coverage/ast.ts';
import { decodeInstructions, OP } from '../coverage/bytecode.ts';
import { decodeSourceMap } from '../coverage/source-map.ts';
import { SourceText } from '../coverage/source-text.ts';
import { branchFeature } from './branch-recorder.ts';

/** Lines of the sources that a campaign is directed at, by source unit (`contracts/X.sol` → 1-based lines). */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>>;

/** One changed line and the branch directions of the JUMPIs solc attributes to it. */
export interface TargetLine {
  unit: string;
  line: number;
  /** The line's text, trimmed, for reports. */
  text: string;
  /** Feature ids (`b:<contract>@<pc>:<T|F>`), sorted. Empty when no JUMPI comes from this line. */
  directions: string[];
}

/**
 * What a directed campaign aims at: the branch directions of the changed lines (what it must
 * reach) and those of the functions containing them (reaching the function is getting closer).
 */
export interface BranchTarget {
  lines: TargetLine[];
  /** Every changed line's directions, sorted, without repeats. */
  directions: string[];
  /** The directions of the functions holding a changed line, the changed lines' own left out. */
  near: string[];
}

/**
 * Maps changed source lines to the branch directions a {@link BranchRecorder} reports for them:
 * every JUMPI of every contract's runtime and creation code whose source-map entry starts on a
 * changed line (solc's own checks on that line, overflow and call results, included: they run
 * exactly when the line runs), both ways. `near` holds the JUMPIs of the functions and modifiers
 * containing a changed line, found on `functionsFrom`'s AST (default `artifacts`; a mutant's
 * compilation has no AST for its mutated unit, so the unmutated one is given, its line numbers
 * being the mutant's but for the mutated line itself).
 */
export function branchTarget(artifacts: Artifacts, changed: ChangedLines, functionsFrom?: Artifacts): BranchTarget {
  const byId = new Map<number, { unit: string; text: SourceText; lines: ReadonlySet<number>; near: Set<number> }>();
  for (const [unit, lines] of changed) {
    const source = artifacts.sources[unit];
    if (source === undefined || lines.size === 0) continue;
    byId.set(source.id, {
      unit,
      text: new SourceText(source.content),
      lines,
      near: functionLines(functionsFrom ?? artifacts, unit, lines),
    });
  }
  const perLine = new Map<string, Set<string>>();
  const near = new Set<string>();
  for (const [contract, artifact] of Object.entries(artifacts.contracts).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const kind of ['runtime', 'creation'] as const) {
      const hex = kind === 'runtime' ? artifact.deployedBytecode : artifact.bytecode;
      if (hex === '0x') continue;
      const entries = decodeSourceMap(kind === 'runtime' ? artifact.deployedSourceMap : artifact.sourceMap);
      const label = kind === 'runtime' ? contract : `${contract} (creation)`;
      for (const [i, ins] of decodeInstructions(hexToBytes(hex)).slice(0, entries.length).entries()) {
        if (ins.op !== OP.JUMPI) continue;
        const entry = entries[i];
        const file = entry === undefined || entry.start < 0 ? undefined : byId.get(entry.file);
        if (file === undefined || entry === undefined) continue;
        const line = file.text.lineOf(entry.start);
        const ways = [branchFeature(label, ins.pc, true), branchFeature(label, ins.pc, false)];
        if (file.lines.has(line)) {
          const key = `${file.unit}\n${line}`;
          const set = perLine.get(key) ?? new Set<string>();
          for (const w of ways) set.add(w);
          perLine.set(key, set);
        } else if (file.near.has(line)) for (const w of ways) near.add(w);
      }
    }
  }
  const lines: TargetLine[] = [];
  for (const { unit, text, lines: changedLines } of byId.values()) {
    for (const line of [...changedLines].sort((a, b) => a - b)) {
      lines.push({
        unit,
        line,
        text: text.lineText(line),
        directions: [...(perLine.get(`${unit}\n${line}`) ?? [])].sort(),
      });
    }
  }
  lines.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.line - b.line));
  const directions = [...new Set(lines.flatMap((l) => l.directions))].sort();
  const own = new Set(directions);
  return { lines, directions, near: [...near].filter((d) => !own.has(d)).sort() };
}

/** The lines of every function or modifier (in `unit` of `artifacts`) that holds one of `lines`. */
function functionLines(artifacts: Artifacts, unit: string, lines: ReadonlySet<number>): Set<number> {
  const source = artifacts.sources[unit];
  const found = new Set<number>();
  if (source === undefined || source.ast === null || source.ast === undefined) return found;
  const text = new SourceText(source.content);
  for (const fn of collectSites(source.ast).functions) {
    const first = text.lineOf(fn.range.start);
    const last = text.lineOf(fn.range.start + fn.range.length);
    if (![...lines].some((line) => line >= first && line <= last)) continue;
    for (let line = first; line <= last; line++) found.add(line);
  }
  return found;
}

/** How many of a target's directions a set of reached features holds, over the changed lines and their functions. */
export interface TargetReach {
  reached: number;
  total: number;
  nearReached: number;
  nearTotal: number;
  /** Per changed line: directions reached of its own. */
  lines: { unit: string; line: number; text: string; reached: number; total: number }[];
}

/** Counts what `seen` (feature ids reached by a campaign) holds of `target`. */
export function targetReach(target: BranchTarget, seen: { has(feature: string): boolean }): TargetReach {
  const count = (list: readonly string[]) => list.filter((d) => seen.has(d)).length;
  return {
    reached: count(target.directions),
    total: target.directions.length,
    nearReached: count(target.near),
    nearTotal: target.near.length,
    lines: target.lines.map((l) => ({
      unit: l.unit,
      line: l.line,
      text: l.text,
      reached: count(l.directions),
      total: l.directions.length,
    })),
  };
}

/** `changed lines: 3 of 4 branch directions reached (their functions: 10 of 14)`. */
export function formatTargetReach(reach: TargetReach): string {
  const lines = reach.lines.length;
  if (lines === 0) return 'changed lines: none (the two versions’ sources are the same)';
  return (
    `changed lines: ${reach.reached} of ${reach.total} branch directions reached` +
    ` (${lines} line${lines === 1 ? '' : 's'}; the functions holding them: ${reach.nearReached} of ${reach.nearTotal} more)`
  );
}
