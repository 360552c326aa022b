import type { InterpreterStep } from '@ethereumjs/evm';
import type { Artifacts } from '../compile/artifacts.ts';
import type { Chain } from '../evm/chain.ts';
import { executeAction } from '../evm/execute.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { replayTrace } from '../runner/replay.ts';
import type { Trace } from '../trace/format.ts';
import { resolveAction } from '../trace/resolve.ts';
import { type ExecutedStep, locateFailingLine, type SourceLine } from './source-line.ts';

/**
 * The Solidity line a failing trace points at: replays the trace up to its failing step, runs that
 * step's call once more on the EVM with the interpreter's step events on (one call: the cost does
 * not matter), and reads the instructions through the source maps ({@link locateFailingLine}).
 * Undefined when the step runs no contract code (a `warp`).
 *
 * @param failure the failing step's index; for a divergence, the dotted path where the sides differ
 *   (`outcome.returns[0]`) and the EVM's value there.
 */
export async function locateTraceFailure(
  artifacts: Artifacts,
  trace: Trace,
  file: string,
  failure: { step: number; path?: string; evm?: string },
): Promise<SourceLine | undefined> {
  const failing = trace.actions[failure.step];
  if (failing === undefined || failing.kind === 'warp') return undefined;
  let chain: Chain | undefined;
  const env = await prepareEnvironment(artifacts, trace.world, {
    onChain: (c) => {
      chain = c;
    },
  });
  if (chain === undefined) return undefined;
  const prefix: Trace = { ...trace, actions: trace.actions.slice(0, failure.step) };
  delete prefix.failure;
  const replayed = await replayTrace(env, prefix, file, { probesPerStep: 0 });
  const action = resolveAction(failing, replayed.book, file, `actions[${failure.step}]`);
  const steps: ExecutedStep[] = [];
  const addresses = new Map<string, InterpreterStep['codeAddress']>();
  const listener = (step: InterpreterStep) => {
    const codeAddress = step.codeAddress.toString();
    addresses.set(codeAddress, step.codeAddress);
    const n = step.stack.length;
    steps.push({
      codeAddress,
      pc: step.pc,
      depth: step.depth,
      opcode: step.opcode.name,
      top: [step.stack[n - 1] ?? 0n, step.stack[n - 2] ?? 0n],
    });
  };
  chain.evm.events.on('step', listener);
  let reverted: boolean;
  try {
    reverted = !(await executeAction(env.host, action)).ok;
  } finally {
    chain.evm.events.off('step', listener);
  }
  const codeAt = new Map<string, Uint8Array>();
  for (const [key, address] of addresses) codeAt.set(key, await chain.state.getCode(address));
  const returnedValue =
    failure.path?.startsWith('outcome.returns') === true && /^\d+$/.test(failure.evm ?? '')
      ? BigInt(failure.evm as string)
      : undefined;
  return locateFailingLine(artifacts, steps, codeAt, {
    reverted,
    ...(returnedValue === undefined ? {} : { returnedValue }),
  });
}
