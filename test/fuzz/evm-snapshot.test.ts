import { beforeAll, describe, expect, it } from 'vitest';
import { compileContracts } from '../../fuzz/compile/index.ts';
import {
  deployWorld,
  type EvmHost,
  evmSide,
  executeAction,
  observe,
  restoreHost,
  snapshotHost,
} from '../../fuzz/evm/index.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';

const INDEX: Bytes32 = '0x4554482f55534400000000000000000000000000000000000000000000000000';

let host: EvmHost;
let alice: Address;
let bob: Address;
let weth: Address;

beforeAll(async () => {
  const { artifacts } = compileContracts();
  host = await deployWorld(artifacts);
  [alice, bob] = host.setup.actors as [Address, Address];
  weth = host.setup.tokens[1]?.address as Address;
});

/** A short history that creates a series (new contracts), moves tokens, and warps. */
function history(expiry: bigint): Action[] {
  const oracle = host.setup.oracle.address;
  return [
    { kind: 'createSeries', caller: alice, collateral: weth, oracle, indexId: INDEX, strike: WAD, expiry },
    { kind: 'approve', caller: alice, token: weth, spender: host.setup.market, amount: MAX_UINT256 },
    { kind: 'warp', seconds: 5n },
    { kind: 'transfer', caller: alice, token: weth, to: bob, amount: 3n },
  ];
}

async function runAll(actions: Action[]): Promise<{ outcomes: Outcome[]; gas: (bigint | undefined)[] }> {
  const outcomes: Outcome[] = [];
  const gas: (bigint | undefined)[] = [];
  for (const action of actions) {
    outcomes.push(await executeAction(host, action));
    gas.push(host.lastGas?.total);
  }
  return { outcomes, gas };
}

describe('snapshotHost / restoreHost', () => {
  it('round-trips the whole state, any number of times and in any order', async () => {
    const s0 = snapshotHost(host);
    const o0 = observe(host);
    const first = await runAll(history(host.setup.timestamp + 100n));
    const seriesId = Object.keys(observe(host).series)[0] as Bytes32;
    const s1 = snapshotHost(host);
    const o1 = observe(host);
    await runAll([
      { kind: 'split', caller: alice, seriesId, amount: WAD, to: bob },
      { kind: 'warp', seconds: 1000n },
    ]);
    const o2 = observe(host);
    expect(o2).not.toEqual(o1);

    restoreHost(host, s0);
    expect(observe(host)).toEqual(o0);
    restoreHost(host, s1);
    expect(observe(host)).toEqual(o1);
    restoreHost(host, s0);
    // Replaying from a restored snapshot is bit-for-bit the same run: outcomes, addresses, gas.
    expect(await runAll(history(host.setup.timestamp + 100n))).toEqual(first);
    expect(observe(host)).toEqual(o1);
    restoreHost(host, s1);
    restoreHost(host, s1);
    expect(observe(host)).toEqual(o1);
    restoreHost(host, s0);
  });

  it('serves as the runner side: execute, observe, snapshot, restore', async () => {
    const side = evmSide(host);
    const saved = await side.snapshot();
    const before = await side.observe();
    expect(await side.execute({ kind: 'transfer', caller: alice, token: weth, to: bob, amount: 1n })).toMatchObject({
      ok: true,
    });
    expect(await side.observe()).not.toEqual(before);
    await side.restore(saved);
    expect(await side.observe()).toEqual(before);
  });

  it('costs little: snapshot and restore of a world with a few series', async () => {
    const oracle = host.setup.oracle.address;
    for (let i = 1n; i <= 5n; i++) {
      await executeAction(host, {
        kind: 'createSeries',
        caller: alice,
        collateral: weth,
        oracle,
        indexId: INDEX,
        strike: i * WAD,
        expiry: host.setup.timestamp + 1000n,
      });
    }
    const rounds = 100;
    let saved = snapshotHost(host);
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      saved = snapshotHost(host);
      restoreHost(host, saved);
    }
    const perPair = (performance.now() - started) / rounds;
    expect(perPair).toBeLessThan(20);
    expect(Object.keys(observe(host).series)).toHaveLength(5);
  });
});
