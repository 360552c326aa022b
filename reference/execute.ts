import type { Action } from './action.ts';
import { ContractRevert } from './errors.ts';
import { createSeries } from './market/create-series.ts';
import { merge } from './market/merge.ts';
import { redeem } from './market/redeem.ts';
import { settle } from './market/settle.ts';
import { split } from './market/split.ts';
import { arbitrate, cancelArbitration, requestArbitration } from './oracle/arbitration.ts';
import { finalize } from './oracle/finalize.ts';
import { propose } from './oracle/propose.ts';
import { withdraw } from './oracle/withdraw.ts';
import type { AbiValue, Outcome } from './outcome.ts';
import type { TokenRecord } from './state.ts';
import { approve, transfer, transferFrom } from './tokens/calls.ts';
import { burnClaim, mintClaim } from './tokens/claim-mint.ts';
import { flashSplit } from './tokens/flash-mint.ts';
import { sendNative } from './tokens/native-currency.ts';
import { rebase } from './tokens/rebasing.ts';
import { upgradeToken } from './tokens/upgradable.ts';
import { Tx } from './tx.ts';
import { validateAction } from './validate.ts';
import type { World } from './world.ts';

/**
 * Runs one action at the world's current timestamp, like one transaction: on success the world moves
 * to the new state and the outcome carries the return values and every log in emission order; on a
 * revert the world is unchanged and the outcome carries the error. Throws ModelInputError for a
 * malformed action and ModelUnsupportedError for a call the model does not simulate.
 *
 * @example
 * const outcome = execute(world, { kind: 'split', caller: alice, seriesId, amount: 10n, to: alice });
 * if (!outcome.ok) console.log(outcome.error.name, outcome.error.args);
 */
export function execute(world: World, action: Action): Outcome {
  validateAction(world, action);
  if (action.kind === 'warp') {
    world.state = { ...world.state, timestamp: world.state.timestamp + action.seconds };
    return { ok: true, returns: [], events: [] };
  }
  const tx = new Tx(world.config, world.state);
  try {
    const returns = run(tx, action);
    world.state = tx.commit();
    return { ok: true, returns, events: tx.events };
  } catch (error) {
    if (error instanceof ContractRevert) return { ok: false, error: error.revert };
    throw error;
  }
}

function run(tx: Tx, action: Exclude<Action, { kind: 'warp' }>): AbiValue[] {
  const a = action;
  switch (a.kind) {
    case 'createSeries':
      return createSeries(tx, a);
    case 'split':
      return split(tx, a.caller, a.seriesId, a.amount, a.to);
    case 'merge':
      return merge(tx, a.caller, a.seriesId, a.amount, a.to);
    case 'settle':
      return settle(tx, a.caller, a.seriesId);
    case 'redeem':
      return redeem(tx, a.caller, a.seriesId, a.pAmount, a.nAmount, a.to);
    case 'transfer':
      return transfer(tx, a.token, a.caller, a.to, a.amount);
    case 'approve':
      return approve(tx, a.token, a.caller, a.spender, a.amount);
    case 'transferFrom':
      return transferFrom(tx, a.token, a.caller, a.from, a.to, a.amount);
    case 'mintClaim':
      return mintClaim(tx, a.caller, a.token, a.to, a.amount);
    case 'burnClaim':
      return burnClaim(tx, a.caller, a.token, a.from, a.amount);
    case 'propose':
      return propose(tx, a.caller, a.indexId, a.timestamp, a.value, a.bond);
    case 'finalize':
      return finalize(tx, a.caller, a.indexId, a.timestamp);
    case 'requestArbitration':
      return requestArbitration(tx, a.caller, a.indexId, a.timestamp);
    case 'arbitrate':
      return arbitrate(tx, a.caller, a.indexId, a.timestamp, a.value);
    case 'cancelArbitration':
      return cancelArbitration(tx, a.caller, a.indexId, a.timestamp);
    case 'withdraw':
      return withdraw(tx, a.caller);
    case 'armCallback':
      // CallbackToken.arm(market, settle(bytes32(0))) / disarm(): callable by anyone, no log.
      (tx.tokens.mut(a.token) as TokenRecord).armed = a.armed;
      return [];
    case 'pauseToken':
      // PausableToken.setPaused(paused): callable by anyone (the mock's stand-in for an admin), no log.
      (tx.tokens.mut(a.token) as TokenRecord).paused = a.paused;
      return [];
    case 'blockAccount': {
      // BlockListToken.setBlocked(account, blocked): callable by anyone, no log.
      const record = tx.tokens.mut(a.token) as TokenRecord;
      const blocked = new Set(record.blocked);
      if (a.blocked) blocked.add(a.account);
      else blocked.delete(a.account);
      record.blocked = blocked;
      return [];
    }
    case 'rebase':
      return rebase(tx, a.token, a.factorBps);
    case 'upgradeToken':
      return upgradeToken(tx, a.token, a.to);
    case 'flashMint':
      return flashSplit(tx, a.token, a.seriesId, a.amount, a.mergeBack);
    case 'sendNative':
      return sendNative(tx, a.caller, a.to, a.amount);
  }
}
