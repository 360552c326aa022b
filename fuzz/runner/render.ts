import type { StepFailure } from '../trace/failure.ts';
import type { NameBook } from '../trace/names.ts';
import { serializeAction } from '../trace/serialize.ts';

/** A violation's quoted value as shown to people (already a string; kept as one place to change). */
export function describeValue(value: string): string {
  return value.length > 400 ? `${value.slice(0, 400)}… (${value.length} characters)` : value;
}

/** One action as a single readable line: `split alice #0 amount=5 to=bob`. */
export function describeAction(action: StepFailure['action'], book: NameBook): string {
  const { kind, fields } = serializeAction(action, book);
  return `${kind} ${Object.entries(fields)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ')}`;
}

/**
 * A failure as a short report: which step, what ran, what broke, and each side's value, so the
 * difference is visible without opening the trace.
 */
export function describeFailure(failure: StepFailure, book: NameBook): string {
  const lines = [
    `step ${failure.step}: ${describeAction(failure.action, book)}`,
    `  ${failure.kind === 'divergence' ? 'divergence' : failure.kind === 'property' ? 'property violated' : 'expectation not met'} [${failure.id}]: ${failure.message}`,
  ];
  if (failure.kind === 'divergence') {
    lines.push(`  - model: ${failure.model ?? ''}`, `  + evm:   ${failure.evm ?? ''}`);
  } else if (failure.model !== undefined || failure.evm !== undefined) {
    lines.push(`  ${failure.model ?? ''}`, `  ${failure.evm ?? ''}`);
  }
  const more = failure.violations.length - 1;
  for (const v of failure.violations.slice(1, 6)) {
    lines.push(
      `  also [${v.id}]: ${v.message} (expected ${describeValue(v.expected)}, saw ${describeValue(v.actual)})`,
    );
  }
  if (more > 5) lines.push(`  … and ${more - 5} more`);
  return lines.join('\n');
}
