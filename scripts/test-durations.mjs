#!/usr/bin/env node
// Usage: node scripts/test-durations.mjs VITEST_JSON_REPORT [--out test/support/file-durations.json]
// Writes each test file's measured seconds (its tests' time, from a vitest JSON report such as the
// one `npm test` leaves in .cliffless/reports/vitest.json) for the longest-first sequencer
// (test/support/longest-first-sequencer.ts). Prints the files ranked, and the total.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: join(root, 'test', 'support', 'file-durations.json') } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node scripts/test-durations.mjs VITEST_JSON_REPORT [--out FILE]\n');
  process.exit(2);
}
let report;
try {
  report = JSON.parse(readFileSync(positionals[0], 'utf8'));
} catch (error) {
  process.stderr.write(`${positionals[0]}: not a vitest JSON report (${error.message})\n`);
  process.exit(2);
}
if (!Array.isArray(report.testResults)) {
  process.stderr.write(`${positionals[0]}: not a vitest JSON report (no testResults)\n`);
  process.exit(2);
}
const seconds = report.testResults
  .map((file) => ({
    file: relative(root, file.name.includes('/test/') ? join(root, 'test', file.name.split('/test/').pop()) : file.name),
    seconds: Math.round((file.endTime - file.startTime) / 100) / 10,
  }))
  .sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
const total = seconds.reduce((sum, row) => sum + row.seconds, 0);
for (const row of seconds) process.stdout.write(`${row.seconds.toFixed(1).padStart(8)}  ${row.file}\n`);
process.stdout.write(`${total.toFixed(1).padStart(8)}  total (${seconds.length} files)\n`);
const text = `${JSON.stringify(Object.fromEntries(seconds.map((row) => [row.file, row.seconds])), null, 2)}\n`;
const temporary = `${values.out}.${process.pid}.tmp`;
writeFileSync(temporary, text);
renameSync(temporary, values.out);
