import { diffLines } from 'diff';
import type { Artifacts } from '../compile/artifacts.ts';

/**
 * The lines of the new version's sources that differ from the base's, by source unit, as a line
 * diff (jsdiff) of each `contracts/` unit the two compilations share; a unit only the new version
 * has is changed throughout. Where lines were only deleted, the new line that now stands in their
 * place (the next one, or the last line at the end of a file) is marked: the code around a
 * deletion is what behaves differently. Units of `node_modules` are the same on both sides and
 * left out.
 */
export function changedLines(base: Artifacts, next: Artifacts): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  for (const [unit, source] of Object.entries(next.sources).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!unit.startsWith('contracts/')) continue;
    const before = base.sources[unit]?.content ?? '';
    if (before === source.content) continue;
    const lines = new Set<number>();
    const total = source.content.split('\n').length;
    let line = 1; // the next line of the new text
    for (const part of diffLines(before, source.content)) {
      const count = part.count ?? 0;
      if (part.added) for (let i = 0; i < count; i++) lines.add(line + i);
      else if (part.removed) lines.add(Math.min(line, total));
      if (!part.removed) line += count;
    }
    if (lines.size > 0) changed.set(unit, lines);
  }
  return changed;
}
