import { isAbsolute, relative } from 'node:path';
import { claimOutput, type OutputClaim } from '../io/output.ts';
import { checkHtmlFolder, writeCoverageHtml } from './html.ts';
import type { FileCoverage } from './report.ts';

/** `--html DIR` of `fuzz --coverage`, claimed before any work (a folder, empty unless --force). */
export function claimCoverageHtml(flags: Record<string, unknown>): OutputClaim | undefined {
  if (typeof flags.html !== 'string') return undefined;
  const claim = claimOutput('html', flags.html, { kind: 'folder', force: flags.force === true });
  checkHtmlFolder(claim);
  return claim;
}

/** Writes the report; returns its index page, relative to the working folder when inside it. */
export function writeHtmlReport(
  claim: OutputClaim,
  files: readonly FileCoverage[],
  pathOf: (unit: string) => string,
): string {
  const sources = new Map(files.map((f) => [pathOf(f.unit), f.text.content]));
  const index = writeCoverageHtml(claim, files, pathOf, (path) => sources.get(path) ?? '');
  const path = relative(process.cwd(), index);
  return path.startsWith('..') || isAbsolute(path) ? index : path;
}
