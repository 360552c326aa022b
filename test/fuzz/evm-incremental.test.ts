import { setLengthLeft } from '@ethereumjs/util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ethAddress } from '../../fuzz/evm/chain.ts';
import { type EvmHost, executeAction, type HostSnapshot, restoreHost, snapshotHost } from '../../fuzz/evm/index.ts';
import { emptyObserveCache, observe } from '../../fuzz/evm/observe.ts';
import { keyWord, mappingSlot } from '../../fuzz/evm/storage-read.ts';
import { interpretStep } from '../../fuzz/generate/interpret.ts';
import { runActions } from '../../fuzz/runner/campaign.ts';
import { Checks } from '../../fuzz/runner/checks.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import type { ObservedState } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import { brokenArtifacts, environment, shippedArtifacts } from './support.ts';

// The observer re-reads only storage written since it last decoded the same store, and snapshots
// share stores copy-on-write. These tests hold it to the plain definition: what a full read of
// every slot gives, after any mix of steps, snapshots and restores, and after writes the action
// had no business making.

let env: PreparedEnvironment;
let host: EvmHost;

beforeAll(async () => {
  env = await environment(shippedArtifacts());
  host = env.host;
});

/** The observed state read from scratch: every token, series and question decoded afresh. */
function observeFromScratch(of: EvmHost): ObservedState {
  return observe({ ...of, observeCache: emptyObserveCache() });
}

/** A small deterministic word stream (xorshift32). */
function words(seed: number): () => number[] {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return () => Array.from({ length: 8 }, next);
}

/** Writes a raw storage word, as a contract with a stray SSTORE would. */
async function poke(address: Address, slot: bigint, value: bigint): Promise<void> {
  const key = setLengthLeft(hexBytes(slot), 32);
  await host.chain.state.putStorage(ethAddress(host.chain, address), key, hexBytes(value));
}

function hexBytes(value: bigint): Uint8Array {
  if (value === 0n) return new Uint8Array(0);
  const hex = value.toString(16);
  return Uint8Array.from(Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex'));
}

describe('incremental observation', () => {
  it('equals a full read after every step of a generated run with snapshots and restores in between', async () => {
    restoreHost(host, env.evmStart as HostSnapshot);
    const next = words(0x5eed);
    const saved: HostSnapshot[] = [env.evmStart as HostSnapshot];
    let restores = 0;
    for (let step = 0; step < 160; step++) {
      const [first] = next() as [number];
      if (first % 7 === 0) saved.push(snapshotHost(host));
      if (first % 11 === 0) {
        restoreHost(host, saved[first % saved.length] as HostSnapshot);
        restores++;
      }
      const action = interpretStep(next(), host.setup, observe(host));
      await executeAction(host, action);
      expect(observe(host), `step ${step}: ${action.kind}`).toEqual(observeFromScratch(host));
    }
    expect(restores).toBeGreaterThan(3);
    expect(Object.keys(observe(host).series).length).toBeGreaterThan(0);
  });

  it('sees a write to a balance and an allowance no action touched, on a live and a copied store', async () => {
    restoreHost(host, env.evmStart as HostSnapshot);
    const [alice, bob, carol] = host.setup.actors as [Address, Address, Address];
    const token = host.setup.tokens[0]?.address as Address;
    const slots = host.tokenSlots.get(token);
    if (slots === undefined) throw new Error('no token layout');
    const before = observe(host);
    const saved = snapshotHost(host); // the store is now shared: the next write copies it

    await poke(token, mappingSlot(keyWord(carol), slots.balances), 7n);
    const allowanceRow = mappingSlot(keyWord(bob), slots.allowances);
    await poke(token, mappingSlot(keyWord(alice), allowanceRow), 9n);
    const after = observe(host);
    expect(after).toEqual(observeFromScratch(host));
    expect(after.tokens[token]?.balances[carol]).toBe(7n);
    expect(after.tokens[token]?.allowances[bob]?.[alice]).toBe(9n);
    // Rows and tokens nothing wrote are shared with the earlier observation.
    expect(after.tokens[token]?.allowances[carol]).toBe(before.tokens[token]?.allowances[carol]);
    expect(after.tokens[host.setup.tokens[1]?.address as Address]).toBe(
      before.tokens[host.setup.tokens[1]?.address as Address],
    );

    restoreHost(host, saved);
    expect(observe(host)).toEqual(before);
    expect(observe(host).tokens[token]?.balances[carol]).not.toBe(7n);
    await poke(token, mappingSlot(keyWord(carol), slots.balances), 8n); // the live store this time
    expect(observe(host).tokens[token]?.balances[carol]).toBe(8n);
    expect(observe(host)).toEqual(observeFromScratch(host));
    restoreHost(host, saved);
    expect(observe(host)).toEqual(before);
  });

  it('a snapshot keeps its storage while the live state writes on (copy-on-write)', async () => {
    restoreHost(host, env.evmStart as HostSnapshot);
    const [alice, bob] = host.setup.actors as [Address, Address];
    const token = host.setup.tokens[0]?.address as Address;
    const saved = snapshotHost(host);
    const start = observe(host);
    await executeAction(host, { kind: 'transfer', caller: alice, token, to: bob, amount: 5n });
    const moved = observe(host);
    expect(moved.tokens[token]?.balances[bob]).toBe((start.tokens[token]?.balances[bob] ?? 0n) + 5n);
    expect(saved.state.storage.get(token)?.shared).toBe(true);
    restoreHost(host, saved);
    expect(observeFromScratch(host)).toEqual(start);
    // A reverted call leaves the state as it was, though its writes are listed as possibly changed.
    const failed = await executeAction(host, { kind: 'transfer', caller: alice, token, to: bob, amount: 2n ** 255n });
    expect(failed.ok).toBe(false);
    expect(observe(host)).toEqual(start);
  });
});

// ClaimToken.mint also grants the market an allowance of 1 from the recipient, silently (no
// Approval log, so the outcomes agree): a write to a part of the state (an allowance row) that a
// split does not touch in the model. Built in memory only.
const MINT_GRANTS_ALLOWANCE = [
  'contracts/ClaimToken.sol',
  '        _mint(to, amount);',
  '        _mint(to, amount);\n        _approve(to, market, 1, false);',
] as const;

describe('D1 on a variant that writes state the action does not touch', () => {
  it('is caught at the untouched allowance', async () => {
    const broken = await environment(brokenArtifacts(...MINT_GRANTS_ALLOWANCE));
    const [alice] = broken.setup.actors as [Address];
    const collateral = broken.setup.tokens[1]?.address as Address;
    const createSeries: Action = {
      kind: 'createSeries',
      caller: alice,
      collateral,
      oracle: broken.setup.oracle.address,
      indexId: '0x4554482f55534400000000000000000000000000000000000000000000000000' as Bytes32,
      strike: WAD,
      expiry: broken.setup.timestamp + 86_400n,
    };
    const created = await runActions(broken, new Checks({ actors: broken.setup.actors, probesPerStep: 0 }), [
      createSeries,
    ]);
    expect(created.failure).toBeUndefined();
    const seriesId = created.steps[0]?.outcome.ok ? (created.steps[0].outcome.returns[0] as Bytes32) : undefined;
    if (seriesId === undefined) throw new Error('createSeries failed');
    const split: Action = { kind: 'split', caller: alice, seriesId, amount: WAD, to: alice };
    const result = await runActions(broken, new Checks({ actors: broken.setup.actors, probesPerStep: 0 }), [
      createSeries,
      split,
    ]);
    expect(result.failure).toMatchObject({ step: 1, kind: 'divergence', id: 'D1', model: '0', evm: '1' });
    expect(result.failure?.message).toMatch(new RegExp(`allowances\\.${alice}\\.${broken.setup.market}$`));
  });
});
