import { existsSync } from 'node:fs';
import type { AuditResult } from '../audit/audit.ts';
import { type Finding, headlineValues, VERDICT_TEXT } from '../audit/findings.ts';
import { auditMarkdown, type ReportContext } from '../audit/markdown.ts';
import type { Artifacts } from '../compile/artifacts.ts';
import { auditSuite } from '../report/junit-suites.ts';
import { annotateFailure, type CiOutputs, writeJUnit, writeStepSummary } from './ci-outputs.ts';

/**
 * An audit's CI outputs: the JUnit report (one case per behaviour difference) and, with GitHub
 * output, the audit's own Markdown report in the step summary.
 */
export function reportAudit(
  ci: CiOutputs,
  result: AuditResult,
  findings: readonly Finding[],
  context: ReportContext,
): boolean {
  const lost = writeJUnit(ci, [
    auditSuite(findings, { base: context.base.label, next: context.next.label }, result.runs),
  ]);
  writeStepSummary(ci, auditMarkdown(result, findings, context));
  return lost;
}

/**
 * With GitHub output on: one `::error` annotation per difference the allow-list does not name, on
 * the Solidity line of the new version's call at the differing step (the pull request changes the
 * new version, so that is the line its diff shows). The difference's trace replays on the new
 * version's artifacts and its last step is located as a fuzz failure is ({@link annotateFailure}):
 * the call that computed a differing return value, the revert, or the step's last state-changing
 * call.
 */
export async function annotateDifferences(
  ci: CiOutputs,
  artifacts: Artifacts,
  findings: readonly Finding[],
  contractsDir: string,
): Promise<void> {
  if (!ci.github) return;
  for (const finding of findings) {
    // A trace that could not be written was printed instead: there is no file to replay.
    if (finding.allowedBy !== undefined || !existsSync(finding.tracePath)) continue;
    const step = finding.steps.length - 1;
    const first = finding.differences[0];
    const shown = headlineValues(finding);
    await annotateFailure(
      ci,
      artifacts,
      finding.tracePath,
      {
        step,
        id: 'audit',
        message: `${VERDICT_TEXT[finding.verdict]} at step ${step}, ${finding.steps[step]}: ${finding.path} is ${shown.base} on base, ${shown.next} on new`,
        path: first?.path ?? finding.path,
        ...(first === undefined ? {} : { evm: first.next }),
      },
      contractsDir,
    );
  }
}
