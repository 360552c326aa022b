#!/usr/bin/env node
// `npm test`: every static check, the whole forge suite and the whole vitest suite, then one
// closing line `N passed, N failed` counting every forge and vitest test (CI reads that line).
// A failed check (lint, types, formatting, gas snapshot) makes the exit code non-zero but does not
// stop the tests from running, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FORGE_BINARY } from '../bin/forge-native.mjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// npm's forge wrapper always exits 0 (even when a --check fails): run the native binary.
const forgeBin = FORGE_BINARY ?? bin('forge');
const reportDir = join(root, '.cliffless', 'reports');
mkdirSync(reportDir, { recursive: true });

/** Runs a command with inherited output (and a tee of stdout when `capture` is set). */
function run(label, command, args, { capture = false } = {}) {
  process.stdout.write(`\n=== ${label}: ${[command, ...args].join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : ['ignore', 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (capture) process.stdout.write(result.stdout ?? '');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`=== ${label}: exit ${result.status ?? result.signal} in ${seconds}s\n`);
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

const failedChecks = [];
const check = (label, command, args) => {
  if (!run(label, command, args).ok) failedChecks.push(label);
};

check('lint (biome)', bin('biome'), ['check', '.']);
check('types (tsc)', bin('tsc'), ['-p', '.']);
check('solidity format (forge fmt)', forgeBin, ['fmt', '--check']);

let passed = 0;
let failed = 0;

// forge: the summary line is the count; no summary at all (e.g. a compile error) is a failure.
const forge = run('forge tests', forgeBin, ['test'], { capture: true });
const forgeSummary = forge.stdout.match(/(\d+) tests passed, (\d+) failed, (\d+) skipped/);
if (forgeSummary) {
  passed += Number(forgeSummary[1]);
  failed += Number(forgeSummary[2]);
} else {
  failed += 1;
  failedChecks.push('forge tests (no summary: did the contracts compile?)');
}
if (!forge.ok && forgeSummary && Number(forgeSummary[2]) === 0) failedChecks.push('forge tests (exit code)');

check('gas snapshot (forge snapshot --check)', forgeBin, ['snapshot', '--check', '--match-path', 'test/forge/unit/*']);

// vitest: counted from its JSON report.
const vitestReport = join(reportDir, 'vitest.json');
rmSync(vitestReport, { force: true });
const vitest = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
try {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!vitest.ok && report.numFailedTests === 0) failedChecks.push('vitest (exit code: a suite failed to load?)');
} catch {
  failed += 1;
  failedChecks.push('vitest (no JSON report)');
}

process.stdout.write('\n');
for (const label of failedChecks) process.stdout.write(`FAILED CHECK: ${label}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && failedChecks.length === 0 ? 0 : 1);
