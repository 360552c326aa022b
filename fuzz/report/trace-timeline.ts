import { deepDiff } from '../../properties/index.ts';
import { describeOutcome } from '../audit/findings.ts';
import { type Environment, resetEnvironment } from '../runner/environment.ts';
import { describeAction, describeValue } from '../runner/render.ts';
import type { ExecutedStep } from '../runner/run-sequence.ts';
import type { StepFailure } from '../trace/failure.ts';
import type { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';

/** One value that changed in a step: a balance, a supply, a series' field. */
export interface StateChange {
  path: string;
  before: string;
  after: string;
}

/** One step of a replayed trace as the trace page shows it. */
export interface TimelineStep {
  index: number;
  action: string;
  ok: boolean;
  /** `ok returns [1] events Transfer, Redeemed` or `revert ZeroAmount()`. */
  outcome: string;
  events: string[];
  changes: StateChange[];
}

/** The most changes a step lists (a createSeries adds two whole tokens: dozens of zero balances). */
const MAX_CHANGES = 40;

/**
 * The replayed steps again on the contracts alone, observing the state before and after each, so
 * the page can show what each step changed; names instead of addresses. The failing step is the
 * last one (its EVM side; the sides' values are in {@link failureRows}).
 */
export async function traceTimeline(
  env: Environment,
  steps: readonly ExecutedStep[],
  start: NameBook,
): Promise<TimelineStep[]> {
  await resetEnvironment(env);
  const timeline: TimelineStep[] = [];
  let before = await env.evm.observe();
  for (const [index, step] of steps.entries()) {
    const book = bookAfter(start, steps.slice(0, index));
    const outcome = await env.evm.execute(step.action);
    const after = await env.evm.observe();
    const named = bookAfter(start, steps.slice(0, index + 1));
    const changes = deepDiff(before, after, 'state', MAX_CHANGES)
      .filter((d) => !d.path.startsWith('state.timestamp'))
      .map((d) => ({
        path: nameAll(d.path, named),
        before: nameAll(describeValue(d.expected), named),
        after: nameAll(describeValue(d.actual), named),
      }));
    timeline.push({
      index,
      action: describeAction(step.action, book),
      ok: outcome.ok,
      outcome: describeOutcome(outcome, named),
      events: outcome.ok ? outcome.events.map((e) => e.name) : [],
      changes,
    });
    before = after;
  }
  return timeline;
}

/** The failing step's values, both sides: one row per violation (path or property, model, EVM). */
export function failureRows(failure: StepFailure, book: NameBook): { what: string; model: string; evm: string }[] {
  const rows = failure.violations.map((v) => ({
    what: `[${v.id}] ${nameAll(v.path ?? v.message, book)}`,
    model: nameAll(describeValue(v.expected), book),
    evm: nameAll(describeValue(v.actual), book),
  }));
  if (rows.length === 0)
    rows.push({ what: `[${failure.id}] ${failure.message}`, model: failure.model ?? '', evm: failure.evm ?? '' });
  return rows;
}

/** Series ids and addresses replaced by their names (`#0`, `alice`, `P#0`). */
function nameAll(text: string, book: NameBook): string {
  return text
    .replace(/0x[0-9a-fA-F]{64}/g, (id) => book.seriesName(id as `0x${string}`))
    .replace(/0x[0-9a-fA-F]{40}/g, (address) => book.nameOf(address as `0x${string}`));
}
