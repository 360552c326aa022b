import { bytesToHex } from '@ethereumjs/util';
import { yieldToSignals } from '../fuzz/cli/kit/sigint.ts';
import type { Artifacts } from '../fuzz/compile/index.ts';
import { type Chain, call, staticCall } from '../fuzz/evm/index.ts';
import type { HostSnapshot } from '../fuzz/evm/snapshot.ts';
import type { StateSnapshot } from '../fuzz/evm/state.ts';
import { prepareEnvironment } from '../fuzz/runner/prepare.ts';
import type { TraceWorld } from '../fuzz/trace/format.ts';
import type { CallLogEntry } from './call-log.ts';

/** A world deployed only to replay calls on: its chain and the state every run starts from. */
export interface BareWorld {
  readonly chain: Chain;
  readonly start: HostSnapshot;
}

/** What a replay did. */
export interface ReplayResult {
  calls: number;
  resets: number;
}

/**
 * Deploys a fresh world exactly as the campaign's was (same deployment, mints and approvals
 * prelude, via `prepareEnvironment`, untimed) and keeps only its chain and start snapshot.
 */
export async function deployBareWorld(artifacts: Artifacts, world: TraceWorld): Promise<BareWorld> {
  const env = await prepareEnvironment(artifacts, world);
  return { chain: env.host.chain, start: env.evmStart as HostSnapshot };
}

/**
 * Replays a campaign's recorded EVM work on the bare EVM: at each `reset` the start state is
 * restored (`JournaledState.restore`, as the campaign's reset does); each call sets the recorded
 * block timestamp and number and goes through the host's own `call()` — the same ethereumjs EVM,
 * state manager and transaction semantics (warm addresses, intrinsic gas, journal cleanup) — with
 * the recorded caller, target and calldata (`payoutOf` reads through `staticCall`, as the harness
 * makes them); a probe's `save` and `load` snapshot and restore the state. Nothing else: no model,
 * no encoding or decoding, no event tracking, no observation, no checks. Pass the main line
 * (`mainLine`) for the actions alone.
 *
 * With `verify`, every call must succeed or fail as recorded, with the same execution gas and
 * return data, or the replay throws: proof that it ran the campaign's calls on the same states.
 */
export async function replayBare(
  world: BareWorld,
  log: readonly CallLogEntry[],
  verify: boolean,
): Promise<ReplayResult> {
  const { chain, start } = world;
  const header = chain.block.header;
  let calls = 0;
  let resets = 0;
  let saved: StateSnapshot | undefined;
  for (const entry of log) {
    switch (entry.kind) {
      case 'reset':
        // One turn of the event loop per run, as the campaign takes (runBench): Ctrl-C is seen.
        await yieldToSignals();
        chain.state.restore(start.state);
        header.timestamp = start.timestamp;
        header.number = start.blockNumber;
        resets++;
        continue;
      case 'save':
        saved = chain.state.snapshot();
        continue;
      case 'load':
        if (saved === undefined) throw new Error('bench: a probe restore before any save');
        chain.state.restore(saved);
        continue;
    }
    const recorded = entry.call;
    header.timestamp = recorded.timestamp;
    header.number = recorded.blockNumber;
    const request = { from: recorded.from, to: recorded.to, data: recorded.data };
    const readOnly = entry.purpose === 'payout' || entry.purpose === 'view';
    const result = readOnly ? await staticCall(chain, request) : await call(chain, request);
    if (
      verify &&
      (result.success !== recorded.success ||
        result.gas.execution !== recorded.executionGas ||
        result.returnData !== bytesToHex(recorded.returnData))
    ) {
      throw new Error(
        `bench: replayed call ${calls} (${entry.purpose}, to ${recorded.to}) differs from the campaign's: ` +
          `success ${result.success} vs ${recorded.success}, gas ${result.gas.execution} vs ${recorded.executionGas}`,
      );
    }
    calls++;
  }
  return { calls, resets };
}
