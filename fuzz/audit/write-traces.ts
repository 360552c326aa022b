import { buildTrace } from '../trace/build.ts';
import { writeTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import type { DifferenceGroup } from './audit.ts';
import type { AuditEnvironment } from './sides.ts';

/**
 * Writes one trace per difference into `dir` (never overwriting: names come from the content), as
 * the new version ran it. Its `failure` records the base/new difference at the last step; replaying
 * it against either version's folder (`cliffless replay <trace> --contracts <dir>`) checks that
 * version against the model, so the version that diverges from the model fails at that step.
 */
export function writeDifferenceTraces(
  env: AuditEnvironment,
  groups: readonly DifferenceGroup[],
  dir: string,
  seed: number,
  labels: { base: string; next: string },
): string[] {
  return groups.map((group) => {
    const { difference } = group;
    const first = difference.differences[0];
    const trace = buildTrace({
      world: env.world,
      book: new NameBook(env.setup),
      steps: group.trace.steps.map((s) => ({ action: s.action, outcome: s.next })),
      seed,
      title: `audit: ${group.key} differs between base ${labels.base} and new ${labels.next}`,
    });
    trace.failure = {
      step: difference.step,
      kind: 'divergence',
      id: 'audit',
      message: `base and new differ at ${first?.path ?? difference.path}: base ${first?.base ?? '?'}, new ${first?.next ?? '?'}`,
    };
    return writeTraceFile(dir, `audit-${difference.kind}`, trace);
  });
}
