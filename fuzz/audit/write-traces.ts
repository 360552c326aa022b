import { shownPath } from '../cli/kit/rerun.ts';
import type { OutputClaim } from '../io/output.ts';
import { buildTrace } from '../trace/build.ts';
import { deliverTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import type { DifferenceGroup } from './audit.ts';
import type { AuditEnvironment } from './sides.ts';

/**
 * Writes one trace per difference into the claimed folder (never overwriting: names come from the
 * content; a trace that cannot be written is printed on standard output instead), as
 * the new version ran it. Its `failure` records the base/new difference at the last step; replaying
 * it against either version's folder (`cliffless replay <trace> --contracts <dir>`) checks that
 * version against the model, so the version that diverges from the model fails at that step.
 */
export function writeDifferenceTraces(
  env: AuditEnvironment,
  groups: readonly DifferenceGroup[],
  dir: OutputClaim,
  seed: number,
  labels: { base: string; next: string },
): { written: string[]; lost: boolean } {
  let lost = false;
  const written: string[] = [];
  for (const group of groups) {
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
    const delivered = deliverTraceFile(dir, `audit-${difference.kind}`, trace);
    if (delivered.written === undefined) lost = true;
    written.push(
      delivered.written === undefined ? `(not written: printed above, for ${group.key})` : shownPath(delivered.written),
    );
  }
  return { written, lost };
}
