import { appendFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { CliflessError } from '../errors.ts';
import type { SourceLine } from './source-line.ts';

/**
 * GitHub Actions' own channels (documented under "Workflow commands for GitHub Actions"): Markdown
 * appended to the file `$GITHUB_STEP_SUMMARY` names is shown on the run's summary page, and a line
 * `::error file=…,line=…,title=…::message` on stdout becomes an annotation on that line of the
 * pull request's diff.
 */

/** GitHub output is on with `--github`, or by itself inside GitHub Actions (`GITHUB_ACTIONS=true`). */
export function githubOutputEnabled(flag: unknown, env: NodeJS.ProcessEnv = process.env): boolean {
  return flag === true || env.GITHUB_ACTIONS === 'true';
}

/**
 * The step summary file, checked before any work: GitHub creates it for each step, so a path whose
 * folder is missing is a misconfiguration (exit 2), not something to create. Undefined when
 * `GITHUB_STEP_SUMMARY` is not set (outside Actions, with `--github`): annotations still go to stdout.
 */
export function stepSummaryPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === '') return undefined;
  const folder = resolve(path, '..');
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new CliflessError(`GITHUB_STEP_SUMMARY=${path}: the folder ${folder} does not exist`, {
      details: 'GitHub Actions sets it for each step; unset it, or point it into a folder that exists.',
      exitCode: 2,
    });
  }
  return path;
}

/**
 * Appends Markdown to the step summary in one write (GitHub's contract is to append: several steps
 * and commands add to one page).
 */
export function appendStepSummary(path: string, markdown: string): void {
  appendFileSync(path, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`);
}

/** An `::error` workflow command for a line of a source file (path relative to the working folder). */
export function errorAnnotation(where: { file: string; line: number }, title: string, message: string): string {
  return `::error file=${property(where.file)},line=${where.line},title=${property(title)}::${data(message)}`;
}

/**
 * Where a source unit is on disk, as an annotation wants it: relative to the working folder (the
 * repository's root in a workflow), or absolute when outside it.
 */
export function annotationFile(line: SourceLine, contractsDir: string | undefined): string {
  const root = resolve(contractsDir ?? 'contracts');
  const absolute = resolve(root, line.unit.replace(/^contracts\//, ''));
  const path = relative(process.cwd(), absolute);
  return path.startsWith('..') || isAbsolute(path) ? absolute : path;
}

// Escapes as GitHub's toolkit does (@actions/core command.ts): data escapes %, CR and LF; a property
// also escapes ':' and ','.
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
