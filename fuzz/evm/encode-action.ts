import type { Action } from '../../reference/action.ts';
import type { Address } from '../../reference/primitives.ts';
import type { FunctionCodec } from './codec.ts';
import type { EvmHost } from './host.ts';

/** The call an action makes: target, function and positional arguments. */
export interface EncodedAction {
  caller: Address;
  to: Address;
  codec: FunctionCodec;
  args: readonly unknown[];
}

/** Every action except `warp`, which makes no call. */
export type CallAction = Exclude<Action, { kind: 'warp' }>;

/**
 * Maps an action to its call. Token actions go to `action.token` with the ERC-20 ABI whatever is
 * there (a claim token, a collateral, or anything else the generator names); `mintClaim` and
 * `burnClaim` call ClaimToken's `mint` / `burn` on `action.token`; `armCallback` calls
 * `arm(market, abi.encodeCall(settle, (bytes32(0))))` or `disarm()` on the token; `pauseToken` calls
 * PausableToken's `setPaused(paused)`, `blockAccount` BlockListToken's `setBlocked(account, blocked)`,
 * `rebase` RebasingToken's `rebase(factorBps)`, `upgradeToken` UpgradableToken's `upgradeTo(to)`.
 */
export function encodeAction(host: EvmHost, action: CallAction): EncodedAction {
  const { codecs } = host;
  const market = host.setup.market;
  const oracle = host.setup.oracle.address;
  const caller = action.caller;
  switch (action.kind) {
    case 'createSeries': {
      const { collateral, oracle: seriesOracle, indexId, strike, expiry } = action;
      return {
        caller,
        to: market,
        codec: codecs.createSeries,
        args: [collateral, seriesOracle, indexId, strike, expiry],
      };
    }
    case 'split':
      return { caller, to: market, codec: codecs.split, args: [action.seriesId, action.amount, action.to] };
    case 'merge':
      return { caller, to: market, codec: codecs.merge, args: [action.seriesId, action.amount, action.to] };
    case 'settle':
      return { caller, to: market, codec: codecs.settle, args: [action.seriesId] };
    case 'redeem': {
      const { seriesId, pAmount, nAmount, to } = action;
      return { caller, to: market, codec: codecs.redeem, args: [seriesId, pAmount, nAmount, to] };
    }
    case 'transfer':
      return { caller, to: action.token, codec: codecs.transfer, args: [action.to, action.amount] };
    case 'approve':
      return { caller, to: action.token, codec: codecs.approve, args: [action.spender, action.amount] };
    case 'transferFrom':
      return { caller, to: action.token, codec: codecs.transferFrom, args: [action.from, action.to, action.amount] };
    case 'mintClaim':
      return { caller, to: action.token, codec: codecs.claimMint, args: [action.to, action.amount] };
    case 'burnClaim':
      return { caller, to: action.token, codec: codecs.claimBurn, args: [action.from, action.amount] };
    case 'propose': {
      const { indexId, timestamp, value, bond } = action;
      return { caller, to: oracle, codec: codecs.propose, args: [indexId, timestamp, value, bond] };
    }
    case 'finalize':
      return { caller, to: oracle, codec: codecs.finalize, args: [action.indexId, action.timestamp] };
    case 'requestArbitration':
      return { caller, to: oracle, codec: codecs.requestArbitration, args: [action.indexId, action.timestamp] };
    case 'arbitrate':
      return { caller, to: oracle, codec: codecs.arbitrate, args: [action.indexId, action.timestamp, action.value] };
    case 'cancelArbitration':
      return { caller, to: oracle, codec: codecs.cancelArbitration, args: [action.indexId, action.timestamp] };
    case 'withdraw':
      return { caller, to: oracle, codec: codecs.withdraw, args: [] };
    case 'armCallback':
      return action.armed
        ? { caller, to: action.token, codec: codecs.arm, args: [market, codecs.settleZeroCalldata] }
        : { caller, to: action.token, codec: codecs.disarm, args: [] };
    case 'pauseToken':
      return { caller, to: action.token, codec: codecs.setPaused, args: [action.paused] };
    case 'blockAccount':
      return { caller, to: action.token, codec: codecs.setBlocked, args: [action.account, action.blocked] };
    case 'rebase':
      return { caller, to: action.token, codec: codecs.rebase, args: [action.factorBps] };
    case 'upgradeToken':
      return { caller, to: action.token, codec: codecs.upgradeTo, args: [action.to] };
  }
}
