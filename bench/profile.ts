import type { EVM, EVMResult, EVMRunCallOpts } from '@ethereumjs/evm';
import { type CampaignOptions, runCampaign } from '../fuzz/runner/campaign.ts';
import { Checks } from '../fuzz/runner/checks.ts';
import type { Environment } from '../fuzz/runner/environment.ts';
import type { PreparedEnvironment } from '../fuzz/runner/prepare.ts';
import type { Side } from '../fuzz/side.ts';
import type { Address } from '../reference/primitives.ts';
import type { CallLogEntry, Purpose } from './call-log.ts';

/** Where a campaign's time goes, in the order the table shows them. */
export const SECTIONS = [
  'generation',
  'modelExecute',
  'modelObserve',
  'evmExecute',
  'evmRunCall',
  'evmObserve',
  'd1',
  'properties',
  'payouts',
  'views',
  'probes',
  'probeExecute',
  'probeRunCall',
  'probeObserve',
  'probeSaveLoad',
  'resets',
] as const;

/** One measured share of a campaign's time. */
export type Section = (typeof SECTIONS)[number];

/** Sections that are part of another section (so not added again when summing). */
export const NESTED: ReadonlySet<Section> = new Set([
  'evmRunCall',
  'probeExecute',
  'probeRunCall',
  'probeObserve',
  'probeSaveLoad',
]);

/** An instrumented campaign: its time by section, its EVM calls by purpose, and its call log. */
export interface Profile {
  /**
   * Wall milliseconds per section. `evm*` sections are the main line (the actions); a probe's
   * work is in `probes`, split into `probe*`; `evmRunCall` and `probeRunCall` are the time inside
   * top-level `evm.runCall`; `properties` excludes `payouts`, `probes` and `views`, which it calls.
   */
  ms: Record<Section, number>;
  /** Wall milliseconds of the whole `runCampaign`. */
  totalMs: number;
  /** Actions the campaign ran (its `stats.actions`, warps included). */
  actions: number;
  /** Top-level EVM calls by purpose (warps make none). */
  calls: Record<Purpose, number>;
  /** Every top-level call, run start and probe save/load, in order, for the bare replays. */
  log: CallLogEntry[];
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Runs one campaign with timers around everything it does and returns the profile and the exact
 * EVM calls it made. The timers wrap the two `Side`s, `evm.runCall` of the host's EVM, and five
 * `Checks` methods (patched on the prototype for this campaign only, since the campaign builds its
 * own `Checks`; the bench fails loudly if one is renamed). Generation is the gap between the end
 * of a step's checks (or a run's first observation) and the next model step: `runSequence` calls
 * the generator there and does nothing else of note. The overhead is a few `performance.now()`
 * per step; the headline speeds come from uninstrumented campaigns.
 */
export async function profileCampaign(env: PreparedEnvironment, options: CampaignOptions): Promise<Profile> {
  const ms = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  const calls: Record<Purpose, number> = { main: 0, probe: 0, payout: 0, view: 0 };
  const log: CallLogEntry[] = [];
  let purpose: Purpose = 'main';
  /** End of the last main-line operation before the generator runs; undefined between runs. */
  let mark: number | undefined;

  const timed = async <T>(section: Section, body: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await body();
    } finally {
      ms[section] += performance.now() - start;
    }
  };
  const model: Side = {
    name: env.model.name,
    execute: (action) => {
      if (mark !== undefined) ms.generation += performance.now() - mark;
      mark = undefined;
      return timed('modelExecute', () => env.model.execute(action));
    },
    observe: () => timed('modelObserve', () => env.model.observe()),
    snapshot: () => env.model.snapshot(),
    restore: (saved) => {
      mark = undefined;
      return timed('resets', () => env.model.restore(saved));
    },
  };
  /**
   * Top-level calls made so far by the action being executed: its own call is the first; any later
   * one is the host reading a new token's metadata through its views, logged as a `view` read.
   */
  let callsInAction: number | undefined;
  const evm: Side = {
    name: env.evm.name,
    execute: async (action) => {
      callsInAction = 0;
      try {
        return await timed(purpose === 'main' ? 'evmExecute' : 'probeExecute', () => env.evm.execute(action));
      } finally {
        callsInAction = undefined;
      }
    },
    observe: async () => {
      const state = await timed(purpose === 'main' ? 'evmObserve' : 'probeObserve', () => env.evm.observe());
      if (purpose === 'main') mark = performance.now();
      return state;
    },
    snapshot: () => {
      log.push({ kind: 'save' });
      return timed('probeSaveLoad', () => env.evm.snapshot());
    },
    restore: (saved) => {
      if (purpose === 'main') {
        if (saved !== env.evmStart) throw new Error('bench: a main-line EVM restore other than a run start');
        log.push({ kind: 'reset' });
        return timed('resets', () => env.evm.restore(saved));
      }
      log.push({ kind: 'load' });
      return timed('probeSaveLoad', () => env.evm.restore(saved));
    },
  };

  const chainEvm = env.host.chain.evm as EVM & { runCall: EVM['runCall'] };
  const runCall = chainEvm.runCall;
  const ownRunCall = Object.hasOwn(chainEvm, 'runCall');
  chainEvm.runCall = async (opts: EVMRunCallOpts): Promise<EVMResult> => {
    if (opts.message !== undefined) return runCall.call(chainEvm, opts); // an inner frame
    if (opts.to === undefined || opts.caller === undefined) throw new Error('bench: a call without caller or target');
    const { timestamp, number } = env.host.chain.block.header;
    const kind: Purpose = callsInAction !== undefined && callsInAction++ > 0 ? 'view' : purpose;
    const start = performance.now();
    const result = await runCall.call(chainEvm, opts);
    if (kind === 'main' || kind === 'probe') {
      ms[kind === 'main' ? 'evmRunCall' : 'probeRunCall'] += performance.now() - start;
    }
    calls[kind]++;
    const exec = result.execResult;
    log.push({
      kind: 'call',
      purpose: kind,
      call: {
        from: opts.caller.toString() as Address,
        to: opts.to.toString() as Address,
        data: opts.data ?? new Uint8Array(0),
        timestamp,
        blockNumber: number,
        success: exec.exceptionError === undefined,
        executionGas: exec.executionGasUsed,
        returnData: exec.returnValue,
      },
    });
    return result;
  };

  const proto = Checks.prototype as unknown as Record<string, Method>;
  const originals = new Map<string, Method>();
  const patch = (name: string, wrap: (original: Method) => Method) => {
    const original = proto[name];
    if (typeof original !== 'function') throw new Error(`bench: Checks.${name} is gone; update bench/profile.ts`);
    originals.set(name, original);
    proto[name] = wrap(original);
  };
  patch(
    'equivalence',
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          ms.d1 += performance.now() - start;
        }
      },
  );
  // `atEnd` probes a run's final state; it is timed with `properties`, which both contain probes.
  for (const name of ['properties', 'atEnd']) {
    patch(
      name,
      (original) =>
        async function (this: unknown, ...args: unknown[]) {
          const result = await timed('properties', async () => original.apply(this, args));
          mark = performance.now();
          return result;
        },
    );
  }
  const during = (section: Section, inner: Purpose) => (original: Method) =>
    async function (this: unknown, ...args: unknown[]) {
      const outer = purpose;
      purpose = inner;
      try {
        return await timed(section, async () => original.apply(this, args));
      } finally {
        purpose = outer;
      }
    };
  patch('checkPayouts', during('payouts', 'payout'));
  patch('runProbes', during('probes', 'probe'));
  patch('runViews', during('views', 'view'));

  const instrumented: Environment = { ...env, model, evm };
  const start = performance.now();
  try {
    const result = await runCampaign(instrumented, options);
    if (result.failure !== undefined) throw new Error(`bench: the campaign failed (${result.failure.failure.id})`);
    const totalMs = performance.now() - start;
    // `properties` (with `atEnd`) encloses the payout checks, the probes and the views: keep only its own work.
    ms.properties -= ms.payouts + ms.probes + ms.views;
    return { ms, totalMs, actions: result.stats.actions, calls, log };
  } finally {
    for (const [name, original] of originals) proto[name] = original;
    if (ownRunCall) chainEvm.runCall = runCall;
    else delete (chainEvm as { runCall?: unknown }).runCall;
  }
}
