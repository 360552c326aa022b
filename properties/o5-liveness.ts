import type { WarpAction } from '../reference/action.ts';
import { MAX_UINT256 } from '../reference/primitives.ts';
import { keysOf } from './lookup.ts';
import { type ObservedState, type QuestionState, questionKey } from './observed-state.ts';
import type { Probe, ProbeOptions, ProbeRun } from './probe.ts';
import { quote, type Violation } from './violation.ts';

/** An O5 probe: cancel a pending arbitration, or finalize an answered question. */
export type O5Probe = Extract<Probe, { id: 'O5' }>;

/**
 * O5 liveness, state form: what keeps every question from being frozen for ever, as far as one
 * state shows it. A pending arbitration counts as the question's one arbitration (so it cannot be
 * re-requested after a cancel), was requested in the past, and becomes cancellable at a time a
 * uint256 clock can reach; an answered question with none pending becomes finalizable at such a
 * time. Whether cancel and finalize then really succeed is the probe form's job.
 */
export function checkO5State(state: ObservedState): Violation[] {
  const { questions, liveness, arbitrationTimeout } = state.oracleState;
  const violations: Violation[] = [];
  for (const key of keysOf(questions)) {
    const question = questions[key];
    if (question === undefined || question.finalized || question.answers.length === 0) continue;
    const fail = (message: string, expected: string, actual: string) =>
      violations.push({ id: 'O5', message, expected, actual, question: key });
    if (question.arbitrationPending) {
      if (!question.arbitrationUsed) fail('a pending arbitration is not marked used', 'used', 'not used');
      if (question.arbitrationRequestedAt > state.timestamp) {
        fail('arbitration requested in the future', `<= ${state.timestamp}`, quote(question.arbitrationRequestedAt));
      }
      const cancellableAt = question.arbitrationRequestedAt + arbitrationTimeout;
      if (cancellableAt > MAX_UINT256) fail('arbitration can never be cancelled', '<= 2^256 - 1', quote(cancellableAt));
    } else if (question.lastAnswerAt + liveness > MAX_UINT256) {
      fail('answer can never become final', '<= 2^256 - 1', quote(question.lastAnswerAt + liveness));
    }
  }
  return violations;
}

/**
 * O5 liveness, probe form: for every answered question that is not final, the action that must
 * unfreeze or close it, preceded by the warp that reaches the moment it is due: cancelArbitration
 * at `arbitrationRequestedAt + arbitrationTimeout` when one is pending, else finalize at
 * `lastAnswerAt + liveness`. Both are sent by `options.actors[0]` (anyone may call them).
 * Probes needing a warp longer than `options.maxWarp` are not generated.
 */
export function probeO5(state: ObservedState, options: ProbeOptions): O5Probe[] {
  const caller = options.actors[0];
  if (caller === undefined) throw new Error('O5 probes need at least one actor to send them');
  const { questions, liveness, arbitrationTimeout } = state.oracleState;
  const probes: O5Probe[] = [];
  for (const key of keysOf(questions)) {
    const question = questions[key];
    if (question === undefined || question.finalized || question.answers.length === 0) continue;
    const { indexId, timestamp } = question;
    const pending = question.arbitrationPending;
    const dueAt = pending ? question.arbitrationRequestedAt + arbitrationTimeout : question.lastAnswerAt + liveness;
    const warps = warpTo(state.timestamp, dueAt);
    if (options.maxWarp !== undefined && (warps[0]?.seconds ?? 0n) > options.maxWarp) continue;
    probes.push({
      id: 'O5',
      description: `${pending ? 'cancel the arbitration of' : 'finalize'} ${key} at ${dueAt}`,
      warps,
      action: { kind: pending ? 'cancelArbitration' : 'finalize', caller, indexId, timestamp },
    });
  }
  return probes;
}

/**
 * O5 liveness, checker of a probe's result: the call succeeded; a cancel left the question
 * unfrozen, not final, with liveness restarted at the moment of the cancel; a finalize made the
 * last answer final.
 */
export function checkO5Probe(run: ProbeRun<O5Probe>): Violation[] {
  const { action } = run.probe;
  const key = questionKey(action.indexId, action.timestamp);
  const fail = (message: string, expected: string, actual: string): Violation[] => [
    { id: 'O5', message, expected, actual, question: key },
  ];
  if (!run.outcome.ok) {
    const { name, args } = run.outcome.error;
    return fail(`${action.kind} was not possible when due`, 'success', `${name}(${args.map(String).join(', ')})`);
  }
  const was = run.before.oracleState.questions[key];
  const now = run.after.oracleState.questions[key];
  if (was === undefined || now === undefined)
    return fail('probed question is not in the state', 'a question', '<missing>');
  if (action.kind === 'cancelArbitration') return checkCancelled(now, run.before.timestamp, fail);
  const last = was.answers.at(-1);
  if (!now.finalized || now.finalValue !== last?.value) {
    return fail('finalize did not make the last answer final', `final ${quote(last?.value)}`, describe(now));
  }
  return [];
}

function checkCancelled(
  now: QuestionState,
  at: bigint,
  fail: (message: string, expected: string, actual: string) => Violation[],
): Violation[] {
  if (now.arbitrationPending || now.finalized) {
    return fail('cancel did not unfreeze the question', 'open, not pending', describe(now));
  }
  if (now.lastAnswerAt !== at)
    return fail('cancel did not restart liveness at its own time', quote(at), quote(now.lastAnswerAt));
  return [];
}

function warpTo(now: bigint, dueAt: bigint): WarpAction[] {
  return dueAt > now ? [{ kind: 'warp', seconds: dueAt - now }] : [];
}

function describe(question: QuestionState): string {
  return `pending=${question.arbitrationPending} final=${question.finalized} ${question.finalValue}`;
}
