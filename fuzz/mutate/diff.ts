/**
 * A unified diff of one mutant against the original file: one hunk (a mutant changes one place),
 * with `context` unchanged lines around it, headed like `diff -u` so `git apply` and reviewers'
 * tools read it.
 */
export function unifiedDiff(file: string, original: string, mutated: string, context = 3): string {
  const before = original.split('\n');
  const after = mutated.split('\n');
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  if (head === before.length && head === after.length) return '';
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const from = Math.max(0, head - context);
  const beforeEnd = before.length - tail;
  const afterEnd = after.length - tail;
  const toBefore = Math.min(before.length, beforeEnd + context);
  const toAfter = Math.min(after.length, afterEnd + context);
  const lines = [
    `--- a/${file}`,
    `+++ b/${file}`,
    `@@ -${range(from, toBefore - from)} +${range(from, toAfter - from)} @@`,
    ...before.slice(from, head).map((l) => ` ${l}`),
    ...before.slice(head, beforeEnd).map((l) => `-${l}`),
    ...after.slice(head, afterEnd).map((l) => `+${l}`),
    ...before.slice(beforeEnd, toBefore).map((l) => ` ${l}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `start,count` of a hunk side, 1-based (an empty side names the line before it, as diff -u does). */
function range(start: number, count: number): string {
  return `${count === 0 ? start : start + 1},${count}`;
}
