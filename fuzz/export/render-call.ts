import type { Action } from '../../reference/action.ts';
import type { SolidityNames } from './solidity-names.ts';
import { uintLiteral } from './solidity-names.ts';

/** The call an action makes, as Solidity: who calls, which address, and the calldata expression. */
export interface SolidityCall {
  caller: string;
  target: string;
  calldata: string;
}

/**
 * The calldata of an action, with the same function and arguments as the harness's encodeAction:
 * token actions use the ERC-20 ABI on whatever address the action names, `mintClaim` / `burnClaim`
 * call ClaimToken's `mint` / `burn` on the claim token, and `armCallback` arms
 * the token with `(market, settle(bytes32(0)))`; `pauseToken` and `blockAccount` call the mocks' admin
 * switches `setPaused` / `setBlocked`, `rebase` and `upgradeToken` RebasingToken's `rebase` and
 * UpgradableToken's `upgradeTo`. Every call is low-level so that a token that
 * returns no data (NoReturnToken) and a revert are both observed, not decoded by Solidity.
 */
export function renderCall(action: Exclude<Action, { kind: 'warp' }>, names: SolidityNames): SolidityCall {
  const a = (v: `0x${string}`) => names.address(v);
  const b = (v: `0x${string}`) => names.bytes32(v);
  const u = (v: bigint) => uintLiteral(v, false);
  const call = (target: string, fn: string, args: string[]): SolidityCall => ({
    caller: a(action.caller),
    target,
    calldata: `abi.encodeCall(${fn}, (${args.join(', ')}))`,
  });
  const market = 'address(market)';
  const oracle = 'address(oracle)';
  switch (action.kind) {
    case 'createSeries':
      return call(market, 'ISplitMarket.createSeries', [
        a(action.collateral),
        a(action.oracle),
        b(action.indexId),
        u(action.strike),
        u(action.expiry),
      ]);
    case 'split':
      return call(market, 'ISplitMarket.split', [b(action.seriesId), u(action.amount), a(action.to)]);
    case 'merge':
      return call(market, 'ISplitMarket.merge', [b(action.seriesId), u(action.amount), a(action.to)]);
    case 'settle':
      return call(market, 'ISplitMarket.settle', [b(action.seriesId)]);
    case 'redeem':
      return call(market, 'ISplitMarket.redeem', [
        b(action.seriesId),
        u(action.pAmount),
        u(action.nAmount),
        a(action.to),
      ]);
    case 'transfer':
      return call(a(action.token), 'IERC20.transfer', [a(action.to), u(action.amount)]);
    case 'approve':
      return call(a(action.token), 'IERC20.approve', [a(action.spender), u(action.amount)]);
    case 'transferFrom':
      return call(a(action.token), 'IERC20.transferFrom', [a(action.from), a(action.to), u(action.amount)]);
    case 'mintClaim':
      return call(a(action.token), 'ClaimToken.mint', [a(action.to), u(action.amount)]);
    case 'burnClaim':
      return call(a(action.token), 'ClaimToken.burn', [a(action.from), u(action.amount)]);
    case 'propose':
      return call(oracle, 'ISlowOracle.propose', [
        b(action.indexId),
        u(action.timestamp),
        u(action.value),
        u(action.bond),
      ]);
    case 'finalize':
      return call(oracle, 'ISlowOracle.finalize', [b(action.indexId), u(action.timestamp)]);
    case 'requestArbitration':
      return call(oracle, 'ISlowOracle.requestArbitration', [b(action.indexId), u(action.timestamp)]);
    case 'arbitrate':
      return call(oracle, 'ISlowOracle.arbitrate', [b(action.indexId), u(action.timestamp), u(action.value)]);
    case 'cancelArbitration':
      return call(oracle, 'ISlowOracle.cancelArbitration', [b(action.indexId), u(action.timestamp)]);
    case 'withdraw':
      return call(oracle, 'ISlowOracle.withdraw', []);
    case 'armCallback':
      return action.armed
        ? call(a(action.token), 'CallbackToken.arm', [market, 'abi.encodeCall(ISplitMarket.settle, (bytes32(0)))'])
        : call(a(action.token), 'CallbackToken.disarm', []);
    case 'pauseToken':
      return call(a(action.token), 'PausableToken.setPaused', [String(action.paused)]);
    case 'blockAccount':
      return call(a(action.token), 'BlockListToken.setBlocked', [a(action.account), String(action.blocked)]);
    case 'rebase':
      return call(a(action.token), 'RebasingToken.rebase', [u(action.factorBps)]);
    case 'upgradeToken':
      return call(a(action.token), 'UpgradableToken.upgradeTo', [u(action.to)]);
  }
}
