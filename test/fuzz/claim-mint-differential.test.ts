import { beforeAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../fuzz/runner/campaign.ts';
import { resetEnvironment } from '../../fuzz/runner/environment.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { checkD1 } from '../../properties/index.ts';
import type { Action } from '../../reference/action.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD, ZERO_ADDRESS } from '../../reference/primitives.ts';
import { brokenArtifacts, environment, SEED, shippedArtifacts } from './support.ts';

// mintClaim / burnClaim: ClaimToken's onlyMarket mint and burn called directly. The model and the
// contracts must agree on the outsider's OnlyMarket revert and, with the market as caller (a call
// only a hand-written trace makes), on OpenZeppelin's _mint / _burn to the wei and the log.

const ETH_USD: Bytes32 = '0x4554482f55534400000000000000000000000000000000000000000000000000';

/** Runs `actions` on both sides from the start, checking D1 (outcome and whole state) after each. */
async function lockstep(env: PreparedEnvironment, actions: (created: Created) => Action[]) {
  await resetEnvironment(env);
  const [alice] = env.setup.actors as [Address];
  const weth = env.setup.tokens.find((t) => t.kind === 'plain' && t.decimals === 18)?.address as Address;
  const create: Action = {
    kind: 'createSeries',
    caller: alice,
    collateral: weth,
    oracle: env.setup.oracle.address,
    indexId: ETH_USD,
    strike: 2500n * WAD,
    expiry: env.setup.timestamp + 86_400n,
  };
  const step = async (action: Action) => {
    const model = { outcome: await env.model.execute(action), state: await env.model.observe() };
    const evm = { outcome: await env.evm.execute(action), state: await env.evm.observe() };
    expect(checkD1(model, evm), `${action.kind} by ${'caller' in action ? action.caller : '-'}`).toEqual([]);
    return model.outcome;
  };
  const created = await step(create);
  if (!created.ok) throw new Error('createSeries failed');
  const args = created.events.find((e) => e.name === 'SeriesCreated')?.args ?? {};
  const { seriesId, pToken, nToken } = args as { seriesId: Bytes32; pToken: Address; nToken: Address };
  await step({ kind: 'split', caller: alice, seriesId, amount: 100n, to: alice });
  const results = [];
  for (const action of actions({ p: pToken, n: nToken, market: env.setup.market, actors: env.setup.actors }))
    results.push(await step(action));
  return results;
}

interface Created {
  p: Address;
  n: Address;
  market: Address;
  actors: readonly Address[];
}

describe('mintClaim / burnClaim on the model and the EVM', () => {
  let env: PreparedEnvironment;
  beforeAll(async () => {
    env = await environment(shippedArtifacts());
  });

  it('an outsider gets OnlyMarket(caller) on both sides, whatever the arguments', async () => {
    const outcomes = await lockstep(env, ({ p, n, actors }) =>
      actors.flatMap((caller) => [
        { kind: 'mintClaim', caller, token: p, to: caller, amount: 1n },
        { kind: 'mintClaim', caller, token: n, to: ZERO_ADDRESS, amount: MAX_UINT256 },
        { kind: 'burnClaim', caller, token: n, from: actors[0] as Address, amount: 100n },
        { kind: 'burnClaim', caller, token: p, from: ZERO_ADDRESS, amount: 1n },
      ]),
    );
    expect(outcomes.length).toBe(env.setup.actors.length * 4);
    for (const [i, outcome] of outcomes.entries()) {
      const caller = env.setup.actors[Math.floor(i / 4)];
      expect(outcome).toEqual({ ok: false, error: { name: 'OnlyMarket', args: [caller] } });
    }
  });

  it('the market as caller: _mint and _burn, their OpenZeppelin reverts and Panic(0x11), on both sides', async () => {
    const outcomes = await lockstep(env, ({ p, n, market, actors }) => {
      const [alice, bob] = actors as [Address, Address];
      return [
        { kind: 'mintClaim', caller: market, token: p, to: bob, amount: 7n },
        { kind: 'mintClaim', caller: market, token: p, to: market, amount: 3n },
        { kind: 'burnClaim', caller: market, token: n, from: alice, amount: 40n },
        { kind: 'burnClaim', caller: market, token: p, from: market, amount: 2n },
        { kind: 'mintClaim', caller: market, token: n, to: ZERO_ADDRESS, amount: 1n },
        { kind: 'burnClaim', caller: market, token: n, from: ZERO_ADDRESS, amount: 1n },
        { kind: 'burnClaim', caller: market, token: n, from: alice, amount: 61n },
        { kind: 'mintClaim', caller: market, token: p, to: bob, amount: MAX_UINT256 - 107n },
        { kind: 'mintClaim', caller: market, token: p, to: bob, amount: MAX_UINT256 - 108n },
      ];
    });
    expect(outcomes.map((o) => (o.ok ? `ok ${o.events.map((e) => e.name).join(' ')}` : o.error.name))).toEqual([
      'ok Transfer',
      'ok Transfer',
      'ok Transfer',
      'ok Transfer',
      'ERC20InvalidReceiver',
      'ERC20InvalidSender',
      'ERC20InsufficientBalance',
      'Panic',
      'ok Transfer',
    ]);
  });
});

describe('a ClaimToken whose mint and burn anyone may call', () => {
  it('is caught by a short fixed-seed campaign: D1 at a generated mintClaim or burnClaim', async () => {
    const shipped = await environment(shippedArtifacts());
    const options = { seed: SEED, runs: 10, depth: 100, probesPerStep: 0 };
    const clean = await runCampaign(shipped, options);
    expect(clean.failure?.failure).toBeUndefined();
    // The generator calls both, always as an outsider, so on correct contracts every call reverts.
    for (const kind of ['mintClaim', 'burnClaim'] as const) {
      const row = clean.stats.calls.get(kind);
      expect(row?.calls, `${kind} calls`).toBeGreaterThan(0);
      expect(row?.reverts).toBe(row?.calls);
    }

    const unguarded = await environment(
      brokenArtifacts('contracts/ClaimToken.sol', 'if (msg.sender != market) revert OnlyMarket(msg.sender);', ''),
    );
    const result = await runCampaign(unguarded, options);
    const failure = result.failure;
    expect(failure, 'the campaign must catch the missing guard').toBeDefined();
    if (failure === undefined) return;
    expect(failure.failure.id).toBe('D1');
    expect(['mintClaim', 'burnClaim']).toContain(failure.failure.action.kind);
    // The model reverts OnlyMarket; the unguarded token does something else (mints, burns, or an
    // OpenZeppelin error), so the very first difference is in the outcome.
    expect(failure.failure.message).toMatch(/^model and EVM differ at outcome\./);
    expect(failure.steps.length).toBeLessThanOrEqual(4);
  });
});
