import { describe, expect, it } from 'vitest';
import { runActions } from '../../fuzz/runner/campaign.ts';
import { Checks } from '../../fuzz/runner/checks.ts';
import { checkD1 } from '../../properties/index.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { WAD } from '../../reference/primitives.ts';
import { brokenArtifacts, environment, shippedArtifacts } from './support.ts';

const CPI: Bytes32 = '0x4350490000000000000000000000000000000000000000000000000000000000';

/** createSeries on WETH (a fractional strike), USDT (6 decimals), the market (no symbol, no decimals), then nested. */
function seriesActions(setup: {
  tokens: { address: Address }[];
  market: Address;
  oracle: { address: Address };
  actors: Address[];
  timestamp: bigint;
}): Action[] {
  const [alice] = setup.actors as [Address];
  const weth = setup.tokens[1]?.address as Address;
  const usdt = setup.tokens[3]?.address as Address;
  const expiry = setup.timestamp + 1000n;
  const create = (collateral: Address, strike: bigint): Action => ({
    kind: 'createSeries',
    caller: alice,
    collateral,
    oracle: setup.oracle.address,
    indexId: CPI,
    strike,
    expiry,
  });
  return [create(weth, 2500n * WAD + WAD / 2n), create(usdt, WAD), create(setup.market, 3n * WAD)];
}

describe('token metadata: name, symbol and decimals of every token, model against EVM', () => {
  it('agrees on setup tokens and on claims of a fractional strike, a 6-decimal collateral, a symbol-less one and a nested claim', async () => {
    const env = await environment(shippedArtifacts());
    const checks = new Checks({ actors: env.setup.actors, probesPerStep: 0 });
    const first = await runActions(env, checks, seriesActions(env.setup));
    expect(first.failure).toBeUndefined();
    const state = await env.evm.observe();
    const [wethSeries, usdtSeries, marketSeries] = Object.values(state.series);
    expect(state.metadata[wethSeries?.pToken as Address]).toEqual({
      name: `cliffless P WETH strike 2500.5 expiry ${env.setup.timestamp + 1000n}`,
      symbol: `P-WETH-2500.5-${env.setup.timestamp + 1000n}`,
      decimals: 18,
    });
    expect(state.metadata[usdtSeries?.nToken as Address]).toMatchObject({ decimals: 6 });
    expect(state.metadata[marketSeries?.pToken as Address]).toMatchObject({ decimals: 18 });
    expect(state.metadata[marketSeries?.pToken as Address]?.symbol).toMatch(/^P-COLL-3-/);

    // A series on a claim (its symbol fits in 32 bytes), then one on that series' claim (it does not).
    const [alice] = env.setup.actors as [Address];
    const nested = (collateral: Address): Action => ({
      kind: 'createSeries',
      caller: alice,
      collateral,
      oracle: env.setup.oracle.address,
      indexId: CPI,
      strike: 5n,
      expiry: env.setup.timestamp + 2000n,
    });
    const usdtP = usdtSeries?.pToken as Address;
    const second = await runActions(env, checks, [...seriesActions(env.setup), nested(usdtP)]);
    expect(second.failure).toBeUndefined();
    const afterNested = await env.evm.observe();
    const claimOfClaim = Object.values(afterNested.series)[3]?.pToken as Address;
    const symbol = afterNested.metadata[usdtP]?.symbol ?? '';
    expect(symbol.length).toBeLessThanOrEqual(32);
    expect(afterNested.metadata[claimOfClaim]?.symbol).toBe(
      `P-${symbol}-0.000000000000000005-${env.setup.timestamp + 2000n}`,
    );
    expect(afterNested.metadata[claimOfClaim]?.decimals).toBe(6);
    const deeper = await runActions(env, checks, [...seriesActions(env.setup), nested(usdtP), nested(claimOfClaim)]);
    expect(deeper.failure).toBeUndefined();
    const last = await env.evm.observe();
    const deepest = Object.values(last.series)[4]?.pToken as Address;
    expect(last.metadata[deepest]?.symbol).toMatch(/^P-COLL-/); // the nested claim's symbol is over 32 bytes
    expect(
      checkD1(
        { outcome: { ok: true, returns: [], events: [] }, state: await env.model.observe() },
        { outcome: { ok: true, returns: [], events: [] }, state: last },
      ),
    ).toEqual([]);
  });

  it('D1 catches a claim token that forgets the collateral decimals', async () => {
    const broken = await environment(brokenArtifacts('contracts/ClaimToken.sol', '_decimals = decimals_;', ''));
    const checks = new Checks({ actors: broken.setup.actors, probesPerStep: 0 });
    const result = await runActions(broken, checks, seriesActions(broken.setup).slice(0, 1));
    expect(result.failure).toMatchObject({ kind: 'divergence', id: 'D1', step: 0 });
    expect(result.failure?.message).toMatch(/metadata\.0x[0-9a-f]{40}\.decimals/);
  });

  it('D1 catches a claim name that prints the strike wrong', async () => {
    const broken = await environment(
      brokenArtifacts('contracts/libraries/ClaimTokenNaming.sol', 'while (digits[end - 1] == "0") --end;', ''),
    );
    const checks = new Checks({ actors: broken.setup.actors, probesPerStep: 0 });
    const result = await runActions(broken, checks, seriesActions(broken.setup).slice(0, 1));
    expect(result.failure).toMatchObject({ kind: 'divergence', id: 'D1', step: 0 });
    expect(result.failure?.message).toMatch(/metadata\.0x[0-9a-f]{40}\.(name|symbol)/);
  });
});
