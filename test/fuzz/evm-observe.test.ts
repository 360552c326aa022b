import { beforeAll, describe, expect, it } from 'vitest';
import { compileContracts } from '../../fuzz/compile/index.ts';
import { deployWorld, type EvmHost, executeAction, observe, observeViaCalls } from '../../fuzz/evm/index.ts';
import { questionKey } from '../../properties/observed-state.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';

const CPI: Bytes32 = '0x4350490000000000000000000000000000000000000000000000000000000000';

let host: EvmHost;
let actors: Address[];

beforeAll(async () => {
  const { artifacts } = compileContracts();
  host = await deployWorld(artifacts, { actorCount: 3 });
  actors = host.setup.actors;
});

async function must(action: Action): Promise<void> {
  const outcome = await executeAction(host, action);
  if (!outcome.ok) throw new Error(`${action.kind} failed: ${outcome.error.name}(${outcome.error.args.join(', ')})`);
}

describe('observe', () => {
  it('after deployment: the setup balances, every observed account with zeros, nothing else', () => {
    const state = observe(host);
    const { market, oracle } = host.setup;
    const observed = [...actors, market, oracle.address];
    expect(state.timestamp).toBe(host.setup.timestamp);
    expect(state.market).toBe(market);
    expect(state.oracle).toBe(oracle.address);
    expect(Object.keys(state.tokens)).toEqual(host.setup.tokens.map((t) => t.address));
    for (const token of host.setup.tokens) {
      const observedToken = state.tokens[token.address];
      // An entry point (a second address of one ledger) shows its ledger's balances.
      const given = host.setup.balances[token.ledger ?? token.address] ?? {};
      expect(Object.keys(observedToken?.balances ?? {})).toEqual(observed);
      for (const account of observed)
        expect(observedToken?.balances[account], `${token.kind} ${account}`).toBe(given[account] ?? 0n);
      // The native currency's token reports a constant supply; every other's is what was minted.
      const minted = Object.values(given).reduce((a, b) => a + b, 0n);
      expect(observedToken?.totalSupply).toBe(token.kind === 'nativeCurrency' ? 10n ** 28n : minted);
      expect(Object.keys(observedToken?.allowances ?? {})).toEqual(observed);
      expect(Object.values(observedToken?.allowances[market] ?? {})).toEqual(observed.map(() => 0n));
    }
    expect(state.series).toEqual({});
    expect(state.oracleState).toEqual({
      bondToken: oracle.bondToken,
      minBond: oracle.minBond,
      liveness: oracle.liveness,
      arbitrationTimeout: oracle.arbitrationTimeout,
      arbitrator: oracle.arbitrator,
      questions: {},
      credits: Object.fromEntries(observed.map((a) => [a, 0n])),
    });
    expect(state.flows).toEqual(
      Object.fromEntries(host.setup.tokens.map((t) => [t.address, { paidIn: 0n, paidOut: 0n }])),
    );
  });

  it('reads from storage exactly what the public views report, through series, questions and arbitration', async () => {
    const [alice, bob, carol] = actors as [Address, Address, Address];
    const { market, oracle } = host.setup;
    const weth = host.setup.tokens[1]?.address as Address;
    const usdc = host.setup.tokens[2]?.address as Address;
    const now = host.setup.timestamp;
    const expiry = now + 1000n;
    for (const [collateral, strike] of [
      [weth, 2000n * WAD],
      [usdc, 3n * WAD],
    ] as const) {
      await must({
        kind: 'createSeries',
        caller: alice,
        collateral,
        oracle: oracle.address,
        indexId: CPI,
        strike,
        expiry,
      });
      await must({ kind: 'approve', caller: alice, token: collateral, spender: market, amount: MAX_UINT256 });
    }
    const [first, second] = Object.keys(observe(host).series) as [Bytes32, Bytes32];
    await must({ kind: 'split', caller: alice, seriesId: first, amount: 7n * WAD, to: bob });
    await must({ kind: 'split', caller: alice, seriesId: second, amount: 5_000_000n, to: alice });
    const pToken = observe(host).series[first]?.pToken as Address;
    await must({ kind: 'approve', caller: bob, token: pToken, spender: carol, amount: 3n });
    await must({ kind: 'transfer', caller: alice, token: weth, to: market, amount: 11n }); // a donation
    await must({ kind: 'warp', seconds: 1000n });
    for (const caller of [bob, carol]) {
      await must({ kind: 'approve', caller, token: oracle.bondToken, spender: oracle.address, amount: MAX_UINT256 });
    }
    await must({ kind: 'propose', caller: bob, indexId: CPI, timestamp: expiry, value: 2100n * WAD, bond: WAD });
    await must({ kind: 'propose', caller: carol, indexId: CPI, timestamp: expiry, value: 1900n * WAD, bond: 2n * WAD });
    await must({ kind: 'requestArbitration', caller: alice, indexId: CPI, timestamp: expiry });
    await must({ kind: 'propose', caller: bob, indexId: CPI, timestamp: now, value: 1n, bond: WAD });

    const direct = observe(host);
    expect(direct).toEqual(await observeViaCalls(host));
    const question = direct.oracleState.questions[questionKey(CPI, expiry)];
    expect(question?.answers).toEqual([
      { answerer: bob, value: 2100n * WAD, bond: WAD },
      { answerer: carol, value: 1900n * WAD, bond: 2n * WAD },
    ]);
    expect(question).toMatchObject({ arbitrationPending: true, arbitrationUsed: true, finalized: false });
    expect(Object.keys(direct.oracleState.questions)).toEqual([questionKey(CPI, expiry), questionKey(CPI, now)]);
    expect(direct.tokens[pToken]?.allowances[bob]?.[carol]).toBe(3n);
    expect(direct.flows[weth]).toEqual({ paidIn: 7n * WAD + 11n, paidOut: 0n });
    expect(direct.tokens[weth]?.balances[market]).toBe(7n * WAD + 11n);

    await must({
      kind: 'arbitrate',
      caller: host.setup.oracle.arbitrator,
      indexId: CPI,
      timestamp: expiry,
      value: 1900n * WAD,
    });
    await must({ kind: 'settle', caller: alice, seriesId: first });
    await must({ kind: 'withdraw', caller: carol });
    const after = observe(host);
    expect(after).toEqual(await observeViaCalls(host));
    expect(after.series[first]).toMatchObject({ settled: true, settlementPrice: 1900n * WAD });
    expect(after.oracleState.credits[carol]).toBe(0n);
  });
});
