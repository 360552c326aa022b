import { existsSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { type OutputClaim, OutputPathError, OutputWriteError } from '../io/output.ts';
import type { FileCoverage } from './report.ts';

type Range = { start: { line: number; column: number }; end: { line: number; column: number } };

/**
 * A browsable coverage report: istanbul's HTML reporter (the one nyc, jest and vitest ship) over
 * the same line, function and branch counts as the lcov file. Each source line with code is one
 * istanbul statement, each function one function, each branch site one two-way branch (taken /
 * not taken, as lcov's BRDA), so the page shows every source file with its hit counts and, per
 * branch, which way never ran.
 */
export function coverageMapOf(files: readonly FileCoverage[], pathOf: (unit: string) => string) {
  const map = libCoverage.createCoverageMap({});
  for (const file of files) {
    const lineRange = (line: number): Range => ({
      start: { line, column: 0 },
      end: { line, column: Math.max(1, file.text.lineText(line).length) },
    });
    const statementMap: Record<string, Range> = {};
    const s: Record<string, number> = {};
    for (const [i, [line, count]] of [...file.lines].entries()) {
      statementMap[i] = lineRange(line);
      s[i] = count;
    }
    const fnMap: Record<string, { name: string; decl: Range; loc: Range; line: number }> = {};
    const f: Record<string, number> = {};
    for (const [i, fn] of file.functions.entries()) {
      fnMap[i] = { name: fn.name, decl: lineRange(fn.line), loc: lineRange(fn.line), line: fn.line };
      f[i] = fn.count;
    }
    const branchMap: Record<string, { type: string; loc: Range; locations: Range[]; line: number }> = {};
    const b: Record<string, number[]> = {};
    for (const [i, branch] of file.branches.entries()) {
      branchMap[i] = {
        type: branch.site.kind,
        loc: lineRange(branch.line),
        locations: [lineRange(branch.line), lineRange(branch.line)],
        line: branch.line,
      };
      b[i] = [...branch.counts];
    }
    map.addFileCoverage({ path: pathOf(file.unit), statementMap, fnMap, branchMap, s, f, b });
  }
  return map;
}

/**
 * Writes the HTML report into a folder claim: rendered into a fresh folder beside it, then renamed
 * into place, so the folder never holds half a report. The claimed folder must be empty (the claim
 * created it, or it was empty); a report already there is replaced only with `--force`.
 */
export function writeCoverageHtml(
  claim: OutputClaim,
  files: readonly FileCoverage[],
  pathOf: (unit: string) => string,
  sources: (path: string) => string,
): string {
  const staging = mkdtempSync(join(dirname(claim.absolute), `.${basename(claim.absolute)}.`));
  try {
    const context = libReport.createContext({
      dir: staging,
      coverageMap: coverageMapOf(files, pathOf),
      sourceFinder: sources,
      defaultSummarizer: 'nested',
    });
    reports.create('html', { subdir: '' }).execute(context);
    // The claim creates its folder only when something goes in: it may not exist yet.
    if (!existsSync(claim.absolute)) {
      renameSync(staging, claim.absolute);
      return join(claim.absolute, 'index.html');
    }
    const existing = readdirSync(claim.absolute);
    if (existing.length > 0 && !claim.force) {
      throw new OutputPathError(
        claim.flag,
        claim.path,
        'is not empty',
        'Pass --force to replace the report there, or give a new folder.',
      );
    }
    const old = `${staging}.old`;
    renameSync(claim.absolute, old);
    renameSync(staging, claim.absolute);
    if (existing.length === 0) rmdirSync(old);
    else rmSync(old, { recursive: true, force: true });
    return join(claim.absolute, 'index.html');
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof OutputPathError) throw error;
    throw new OutputWriteError(claim, claim.absolute, error);
  }
}

/** Checked before any work: an HTML report goes into an empty folder (or any with --force). */
export function checkHtmlFolder(claim: OutputClaim): void {
  // A folder claim is created when its first file goes in: one not there yet is empty.
  if (!claim.force && existsSync(claim.absolute) && readdirSync(claim.absolute).length > 0) {
    throw new OutputPathError(
      claim.flag,
      claim.path,
      'is not empty',
      'Pass --force to replace the report there, or give a new folder.',
    );
  }
}
