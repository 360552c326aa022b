import { encodeAbiParameters, getContractAddress, keccak256 } from 'viem';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileContracts } from '../../fuzz/compile/index.ts';
import {
  deployWorld,
  type EvmHost,
  executeAction,
  type HostSnapshot,
  observe,
  restoreHost,
  snapshotHost,
} from '../../fuzz/evm/index.ts';
import type { Action } from '../../reference/action.ts';
import type { Outcome } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';

const ETH_USD: Bytes32 = '0x4554482f55534400000000000000000000000000000000000000000000000000';
const STRIKE = 2500n * WAD;
const PRICE = 3000n * WAD;

let host: EvmHost;
let deployed: HostSnapshot;
let alice: Address;
let bob: Address;
let market: Address;
let oracle: Address;
let bond: Address;
let weth: Address;
let usdt: Address;
let fee: Address;
let cbk: Address;
let expiry: bigint;

beforeAll(async () => {
  const { artifacts } = compileContracts();
  host = await deployWorld(artifacts);
  deployed = snapshotHost(host);
  [alice, bob] = host.setup.actors as [Address, Address];
  market = host.setup.market;
  oracle = host.setup.oracle.address;
  bond = host.setup.oracle.bondToken;
  const byKind = (kind: string, decimals?: number) =>
    host.setup.tokens.find(
      (t) => t.kind === kind && t.address !== bond && (decimals === undefined || t.decimals === decimals),
    )?.address as Address;
  weth = byKind('plain', 18);
  usdt = byKind('noReturn');
  fee = byKind('feeOnTransfer');
  cbk = byKind('callback');
  expiry = host.setup.timestamp + 86_400n;
});

beforeEach(() => restoreHost(host, deployed));

const run = (action: Action) => executeAction(host, action);

function ok(outcome: Outcome): { returns: unknown[]; events: { address: string; name: string; args: unknown }[] } {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.name}(${outcome.error.args.join(', ')})`);
  return outcome;
}

async function createSeries(collateral: Address): Promise<Bytes32> {
  const outcome = ok(
    await run({ kind: 'createSeries', caller: alice, collateral, oracle, indexId: ETH_USD, strike: STRIKE, expiry }),
  );
  return outcome.returns[0] as Bytes32;
}

async function approveAndSplit(collateral: Address, seriesId: Bytes32, amount: bigint): Promise<Outcome> {
  ok(await run({ kind: 'approve', caller: alice, token: collateral, spender: market, amount: MAX_UINT256 }));
  return run({ kind: 'split', caller: alice, seriesId, amount, to: alice });
}

describe('executeAction', () => {
  it('createSeries returns the id and deploys P then N at CREATE(market, 1) and CREATE(market, 2)', async () => {
    const outcome = ok(
      await run({
        kind: 'createSeries',
        caller: alice,
        collateral: weth,
        oracle,
        indexId: ETH_USD,
        strike: STRIKE,
        expiry,
      }),
    );
    const id = keccak256(
      encodeAbiParameters(
        [{ type: 'address' }, { type: 'address' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'uint256' }],
        [weth, oracle, ETH_USD, STRIKE, expiry],
      ),
    );
    const pToken = getContractAddress({ from: market, nonce: 1n }).toLowerCase();
    const nToken = getContractAddress({ from: market, nonce: 2n }).toLowerCase();
    expect(outcome).toEqual({
      ok: true,
      returns: [id],
      events: [
        {
          address: market,
          name: 'SeriesCreated',
          args: { seriesId: id, collateral: weth, oracle, indexId: ETH_USD, strike: STRIKE, expiry, pToken, nToken },
        },
      ],
    });
    expect(host.lastGas?.total).toBeGreaterThan(21_000n);
    expect(Object.keys(observe(host).series)).toEqual([id]);
  });

  it('split pulls collateral (allowance error decoded with args), mints P and N; merge returns it', async () => {
    const id = await createSeries(weth);
    const amount = 5n * WAD;
    expect(await run({ kind: 'split', caller: alice, seriesId: id, amount, to: bob })).toEqual({
      ok: false,
      error: { name: 'ERC20InsufficientAllowance', args: [market, 0n, amount] },
    });
    const split = ok(await approveAndSplit(weth, id, amount));
    const { pToken, nToken } = observe(host).series[id] as { pToken: Address; nToken: Address };
    expect(split.returns).toEqual([]);
    expect(split.events).toEqual([
      { address: weth, name: 'Transfer', args: { from: alice, to: market, value: amount } },
      {
        address: pToken,
        name: 'Transfer',
        args: { from: '0x0000000000000000000000000000000000000000', to: alice, value: amount },
      },
      {
        address: nToken,
        name: 'Transfer',
        args: { from: '0x0000000000000000000000000000000000000000', to: alice, value: amount },
      },
      { address: market, name: 'Split', args: { seriesId: id, account: alice, to: alice, amount } },
    ]);
    const merged = ok(await run({ kind: 'merge', caller: alice, seriesId: id, amount: 2n * WAD, to: bob }));
    expect(merged.events.map((e) => `${e.name}@${e.address}`)).toEqual([
      `Transfer@${pToken}`,
      `Transfer@${nToken}`,
      `Transfer@${weth}`,
      `Merged@${market}`,
    ]);
    const state = observe(host);
    expect(state.series[id]?.locked).toBe(3n * WAD);
    expect(state.tokens[pToken]?.balances[alice]).toBe(3n * WAD);
    expect(state.flows[weth]).toEqual({ paidIn: 5n * WAD, paidOut: 2n * WAD });
  });

  it('settles after the oracle finalizes, then redeems at min(1, S/x) and max(0, 1 - S/x)', async () => {
    const id = await createSeries(weth);
    ok(await approveAndSplit(weth, id, WAD));
    expect(await run({ kind: 'settle', caller: bob, seriesId: id })).toEqual({
      ok: false,
      error: { name: 'NotExpired', args: [id, expiry, host.setup.timestamp] },
    });
    ok(await run({ kind: 'warp', seconds: 86_400n }));
    expect(await run({ kind: 'settle', caller: bob, seriesId: id })).toEqual({
      ok: false,
      error: { name: 'NotFinalized', args: [id, ETH_USD, expiry] },
    });
    const minBond = host.setup.oracle.minBond;
    ok(await run({ kind: 'approve', caller: bob, token: bond, spender: oracle, amount: minBond }));
    const proposed = ok(
      await run({ kind: 'propose', caller: bob, indexId: ETH_USD, timestamp: expiry, value: PRICE, bond: minBond }),
    );
    expect(proposed.events.at(-1)).toEqual({
      address: oracle,
      name: 'Proposed',
      args: { indexId: ETH_USD, timestamp: expiry, answerer: bob, value: PRICE, bond: minBond, answerIndex: 0n },
    });
    const early = await run({ kind: 'finalize', caller: alice, indexId: ETH_USD, timestamp: expiry });
    expect(early).toMatchObject({ ok: false, error: { name: 'LivenessNotElapsed' } });
    ok(await run({ kind: 'warp', seconds: host.setup.oracle.liveness }));
    const finalized = ok(await run({ kind: 'finalize', caller: alice, indexId: ETH_USD, timestamp: expiry }));
    expect(finalized.returns).toEqual([PRICE]);
    expect(finalized.events.map((e) => e.name)).toEqual(['BondCredited', 'Finalized']);
    expect(ok(await run({ kind: 'settle', caller: bob, seriesId: id }))).toEqual({
      ok: true,
      returns: [PRICE],
      events: [{ address: market, name: 'Settled', args: { seriesId: id, price: PRICE } }],
    });
    const payoutP = (WAD * STRIKE) / PRICE;
    const payoutN = (WAD * (PRICE - STRIKE)) / PRICE;
    const redeemed = ok(
      await run({ kind: 'redeem', caller: alice, seriesId: id, pAmount: WAD, nAmount: WAD, to: alice }),
    );
    expect(redeemed.returns).toEqual([payoutP + payoutN]);
    expect(redeemed.events.at(-1)).toEqual({
      address: market,
      name: 'Redeemed',
      args: { seriesId: id, account: alice, to: alice, pAmount: WAD, nAmount: WAD, payout: payoutP + payoutN },
    });
    const state = observe(host);
    expect(state.series[id]?.locked).toBe(WAD - payoutP - payoutN);
    expect(state.oracleState.credits[bob]).toBe(minBond);
    expect(state.flows[weth]).toEqual({ paidIn: WAD, paidOut: payoutP + payoutN });
  });

  it('decodes an ERC20 revert with its arguments', async () => {
    const balance = observe(host).tokens[weth]?.balances[alice] as bigint;
    expect(await run({ kind: 'transfer', caller: alice, token: weth, to: bob, amount: balance + 1n })).toEqual({
      ok: false,
      error: { name: 'ERC20InsufficientBalance', args: [alice, balance, balance + 1n] },
    });
    expect(await run({ kind: 'transfer', caller: alice, token: weth, to: bob, amount: 1n })).toMatchObject({
      ok: true,
      returns: [true],
    });
  });

  it('an armed CallbackToken makes market transfers revert with ReentrancyGuardReentrantCall', async () => {
    const id = await createSeries(cbk);
    ok(await approveAndSplit(cbk, id, WAD));
    expect(await run({ kind: 'armCallback', caller: bob, token: cbk, armed: true })).toEqual({
      ok: true,
      returns: [],
      events: [],
    });
    const reentrant = { ok: false, error: { name: 'ReentrancyGuardReentrantCall', args: [] } };
    expect(await run({ kind: 'merge', caller: alice, seriesId: id, amount: WAD, to: alice })).toEqual(reentrant);
    expect(await run({ kind: 'split', caller: alice, seriesId: id, amount: WAD, to: alice })).toEqual(reentrant);
    // A transfer not made by the market does not call back.
    ok(await run({ kind: 'transfer', caller: alice, token: cbk, to: bob, amount: 1n }));
    ok(await run({ kind: 'armCallback', caller: bob, token: cbk, armed: false }));
    ok(await run({ kind: 'merge', caller: alice, seriesId: id, amount: WAD, to: alice }));
  });

  it('a fee-on-transfer collateral fails split with CollateralShortfall', async () => {
    const id = await createSeries(fee);
    const amount = 100n * WAD;
    expect(await approveAndSplit(fee, id, amount)).toEqual({
      ok: false,
      error: { name: 'CollateralShortfall', args: [fee, amount, amount - amount / 100n] },
    });
  });

  it('a token that returns no bool reports empty returns and works as collateral', async () => {
    expect(
      await run({ kind: 'approve', caller: alice, token: usdt, spender: market, amount: 10n ** 6n }),
    ).toMatchObject({
      ok: true,
      returns: [],
    });
    expect(await run({ kind: 'transfer', caller: alice, token: usdt, to: bob, amount: 1n })).toMatchObject({
      ok: true,
      returns: [],
    });
    const id = await createSeries(usdt);
    ok(await run({ kind: 'split', caller: alice, seriesId: id, amount: 10n ** 6n, to: alice }));
    expect(observe(host).series[id]?.locked).toBe(10n ** 6n);
  });

  it('reports a call to a missing function as UnknownRevert and warp as an empty success', async () => {
    expect(await run({ kind: 'transfer', caller: alice, token: oracle, to: bob, amount: 1n })).toEqual({
      ok: false,
      error: { name: 'UnknownRevert', args: ['0x'] },
    });
    expect(host.lastGas).toBeDefined();
    expect(await run({ kind: 'warp', seconds: 10n })).toEqual({ ok: true, returns: [], events: [] });
    expect(host.lastGas).toBeUndefined();
    expect(observe(host).timestamp).toBe(host.setup.timestamp + 10n);
  });
});
