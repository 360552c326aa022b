import type { AuditResult } from '../audit/audit.ts';
import type { Finding } from '../audit/findings.ts';
import { auditMarkdown, type ReportContext } from '../audit/markdown.ts';
import { auditSuite } from '../report/junit-suites.ts';
import { type CiOutputs, writeJUnit, writeStepSummary } from './ci-outputs.ts';

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
