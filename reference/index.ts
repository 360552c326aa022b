/**
 * The reference model of cliffless: a pure TypeScript, bigint-only twin of SplitMarket, ClaimToken,
 * SlowOracle and the test-mock tokens, written from docs/design.md and the interfaces' NatSpec. It knows
 * nothing of the EVM.
 *
 * @example
 * import { createWorld, execute, observe, restore, snapshot } from './reference/index.ts';
 *
 * const world = createWorld(setup);
 * const saved = snapshot(world);
 * const outcome = execute(world, { kind: 'approve', caller: alice, token: weth, spender: market, amount: 5n });
 * // outcome: { ok: true, returns: [true], events: [{ address: weth, name: 'Approval', args: { … } }] }
 * const state = observe(world); // ObservedState, deep-equal to what the EVM observer reports
 * restore(world, saved); // back to before the approve, in O(1)
 */
export type { Action, ActionKind } from './action.ts';
export { ModelError, ModelInputError, ModelUnsupportedError } from './errors.ts';
export { execute } from './execute.ts';
export { claimTokenAddresses, createAddress, seriesIdOf } from './ids.ts';
export { observe } from './observe.ts';
export type { AbiValue, EventLog, Outcome, RevertError } from './outcome.ts';
export { payoutN, payoutP } from './payout.ts';
export type { Address, Bytes32 } from './primitives.ts';
export { MAX_UINT256, WAD, ZERO_ADDRESS } from './primitives.ts';
export type { OracleSetup, TokenKind, TokenSetup, WorldSetup } from './setup.ts';
export { questionKeyOf } from './state.ts';
export type { Snapshot, World } from './world.ts';
export { createWorld, restore, snapshot } from './world.ts';
