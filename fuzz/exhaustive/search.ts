import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Bytes32 } from '../../reference/primitives.ts';
import type { Environment } from '../runner/environment.ts';
import { checksFor, resetEnvironment } from '../runner/environment.ts';
import { type ExecutedStep, runSequence } from '../runner/run-sequence.ts';
import type { StepFailure } from '../trace/failure.ts';
import { domainAt, type SearchWorld } from './domain.ts';
import { createAction, type PreludeName, searchActors, settledTail } from './prelude.ts';
import { stateHash } from './state-hash.ts';

/** What the exhaustive search runs. */
export interface ExhaustiveOptions {
  /** Actions after the prelude, at most. */
  depth: number;
  prelude: PreludeName;
  /** Probes (M6, O5) per probing step; 0 turns them off. */
  probesPerStep: number;
  /** Probe after every k-th step (counted from the start of the trace, prelude included). */
  probeEvery: number;
  /** Stop (incomplete) after this many seconds. */
  timeSeconds?: number;
  /** Aborted (Ctrl-C): stop (incomplete) at the next step. */
  signal?: AbortSignal;
  /** Called every few hundred steps with the counts so far. */
  onProgress?: (counts: ExhaustiveCounts) => void;
}

/** Counts of a search, complete or not. */
export interface ExhaustiveCounts {
  /** Actions executed on both sides and checked (the prelude excluded). */
  nodes: number;
  /** Executed action sequences that were not extended: depth reached, a revert, or a state already explored as deep. */
  sequences: number;
  /** Distinct observed states reached (the start included). */
  distinctStates: number;
  /** Steps that reverted (on both sides alike, or D1 would have failed). */
  reverted: number;
  /** Successful steps not extended because their state had already been explored at least as deep. */
  pruned: number;
}

/** How a search ended. */
export interface ExhaustiveResult extends ExhaustiveCounts {
  depth: number;
  prelude: PreludeName;
  preludeLength: number;
  seconds: number;
  /** False when the time budget stopped it before every sequence ran. */
  complete: boolean;
  /** The failing trace (prelude, then the path), the failing step last. */
  failure: { steps: ExecutedStep[]; failure: StepFailure } | undefined;
}

class Found extends Error {
  constructor(
    readonly steps: ExecutedStep[],
    readonly failure: StepFailure,
  ) {
    super('failure found');
  }
}

class OutOfTime extends Error {}

/**
 * Bounded-exhaustive differential search: from the prelude's end, every sequence of up to `depth`
 * actions from {@link domainAt} runs on the model and the EVM, depth-first, with the same checks as
 * a campaign after every step (D1, state and transition properties, M3/M4 on every successful
 * redeem, probes at the configured cadence). Each node snapshots both sides once and restores them
 * before each child, so shared prefixes run once. A state whose hash was already explored with at
 * least as many actions left is not explored again (both sides agree under D1, so the EVM's
 * observed state is hashed): every distinct state within the bound is still reached, by its first
 * path. Reverted steps leave the state unchanged and so are never extended. The Checks' per-run
 * state (armed callback tokens) stays empty: the domain never arms one.
 */
export async function runExhaustive(env: Environment, options: ExhaustiveOptions): Promise<ExhaustiveResult> {
  const started = performance.now();
  const deadline = options.timeSeconds === undefined ? Number.POSITIVE_INFINITY : started + options.timeSeconds * 1000;
  const checks = checksFor(env, { probesPerStep: options.probesPerStep, probeEvery: options.probeEvery });
  await resetEnvironment(env);
  checks.reset();

  const counts: ExhaustiveCounts = { nodes: 0, sequences: 0, distinctStates: 0, reverted: 0, pruned: 0 };
  const result = (rest: Pick<ExhaustiveResult, 'complete' | 'failure' | 'preludeLength'>): ExhaustiveResult => ({
    ...counts,
    depth: options.depth,
    prelude: options.prelude,
    seconds: (performance.now() - started) / 1000,
    ...rest,
  });

  // The prelude, with every check (a failure there is a failure like any other).
  const prelude: ExecutedStep[] = [];
  const first = await runSequence(env.model, env.evm, (_, i) => (i === 0 ? createAction(env.setup) : undefined), {
    checks,
  });
  prelude.push(...first.steps);
  if (first.failure !== undefined)
    return result({ complete: false, failure: { steps: prelude, failure: first.failure }, preludeLength: 0 });
  const afterCreate = await env.evm.observe();
  const seriesId = Object.keys(afterCreate.series)[0] as Bytes32 | undefined;
  if (seriesId === undefined || !first.steps[0]?.outcome.ok)
    throw new Error('internal: the prelude did not create the series');
  if (options.prelude === 'settled') {
    const tail = settledTail(env.setup, seriesId);
    const rest = await runSequence(env.model, env.evm, (_, i) => tail[i], { checks });
    const offset = prelude.length;
    prelude.push(...rest.steps);
    if (rest.failure !== undefined) {
      const failure = { ...rest.failure, step: rest.failure.step + offset };
      return result({ complete: false, failure: { steps: prelude, failure }, preludeLength: 0 });
    }
  }

  // Both sides agreed on every prelude step (D1); a revert there is the prelude's own mistake.
  const reverted = prelude.find((s) => !s.outcome.ok);
  if (reverted !== undefined) throw new Error(`internal: the prelude's ${reverted.action.kind} reverted`);

  const [A, B] = searchActors(env.setup);
  const world: SearchWorld = { actors: [A, B], arbitrator: env.setup.oracle.arbitrator, seriesId };
  const visited = new Map<string, number>();
  const path: ExecutedStep[] = [];
  let sinceTurn = 0;

  const visit = async (state: ObservedState, remaining: number): Promise<void> => {
    const actions = domainAt(state, world);
    const [modelSaved, evmSaved] = [await env.model.snapshot(), await env.evm.snapshot()];
    for (const action of actions) {
      if (performance.now() > deadline || options.signal?.aborted === true) throw new OutOfTime();
      // Steps are promise work only: a turn of the event loop now and then lets a signal through.
      if (options.signal !== undefined && ++sinceTurn % 64 === 0) await new Promise((r) => setImmediate(r));
      const after = await step(state, action);
      const hash = stateHash(after);
      const left = remaining - 1;
      const seen = visited.get(hash);
      if (seen !== undefined && seen >= left) {
        counts.sequences++;
        if (path[path.length - 1]?.outcome.ok) counts.pruned++;
        else counts.reverted++;
      } else {
        if (seen === undefined) counts.distinctStates++;
        visited.set(hash, left);
        if (left > 0) await visit(after, left);
        else counts.sequences++;
      }
      path.pop();
      await env.model.restore(modelSaved);
      await env.evm.restore(evmSaved);
    }
  };

  /** Runs one action on both sides with every check; throws Found on a failure. */
  const step = async (before: ObservedState, action: Action): Promise<ObservedState> => {
    const index = prelude.length + path.length;
    const modelOutcome = await env.model.execute(action);
    const evmOutcome = await env.evm.execute(action);
    const [modelAfter, evmAfter] = [await env.model.observe(), await env.evm.observe()];
    path.push({ action, outcome: evmOutcome });
    counts.nodes++;
    if (counts.nodes % 200 === 0) options.onProgress?.({ ...counts });
    const failure =
      checks.equivalence(index, action, modelOutcome, modelAfter, evmOutcome, evmAfter) ??
      (await checks.properties(index, { before, action, outcome: evmOutcome, after: evmAfter }, env.evm));
    if (failure !== undefined) throw new Found([...prelude, ...path], failure);
    return evmAfter;
  };

  const root = await env.evm.observe();
  visited.set(stateHash(root), options.depth);
  counts.distinctStates = 1;
  try {
    if (options.depth > 0) await visit(root, options.depth);
  } catch (error) {
    if (error instanceof Found)
      return result({
        complete: false,
        failure: { steps: error.steps, failure: error.failure },
        preludeLength: prelude.length,
      });
    if (error instanceof OutOfTime)
      return result({ complete: false, failure: undefined, preludeLength: prelude.length });
    throw error;
  }
  return result({ complete: true, failure: undefined, preludeLength: prelude.length });
}
