import type { AbiValue, Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
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

/**
 * An action's outcome as one line, for `replay --verbose`: its return values and each event with its
 * arguments (`ok returns=(5) Transfer@P#0(from=alice, to=bob, value=5)`), or the revert with its
 * arguments. Addresses and series ids the book knows are shown by name.
 */
export function describeOutcome(outcome: Outcome, book: NameBook): string {
  if (!outcome.ok)
    return `revert ${outcome.error.name}(${outcome.error.args.map((a) => valueName(a, book)).join(', ')})`;
  const parts = ['ok'];
  if (outcome.returns.length > 0) parts.push(`returns=(${outcome.returns.map((v) => valueName(v, book)).join(', ')})`);
  for (const event of outcome.events) {
    const args = Object.entries(event.args).map(([k, v]) => `${k}=${valueName(v, book)}`);
    parts.push(`${event.name}@${book.nameOf(event.address)}(${args.join(', ')})`);
  }
  return parts.join(' ');
}

function valueName(value: AbiValue, book: NameBook): string {
  if (typeof value === 'string' && /^0x[0-9a-f]{40}$/.test(value)) return book.nameOf(value as Address);
  if (typeof value === 'string' && /^0x[0-9a-f]{64}$/.test(value)) {
    const name = book.seriesName(value as Bytes32);
    return name.startsWith('0x') ? value : name;
  }
  return String(value);
}
