import type { Action } from '../../reference/action.ts';
import type { Address } from '../../reference/primitives.ts';
import { MAX_UINT256 } from '../../reference/primitives.ts';
import { UPGRADABLE_VERSIONS } from '../../reference/tokens/upgradable.ts';
import type { Chooser } from './chooser.ts';
import { edgeAmount } from './edges.ts';
import type { WorldView } from './world-view.ts';

/** Every token an actor may move: collaterals, the bond token and every claim token. */
function tokens(view: WorldView): Address[] {
  return Object.keys(view.state.tokens) as Address[];
}

/** A token some actor holds, and that holder (or any token and actor when nobody holds anything). */
function heldToken(c: Chooser, view: WorldView): { token: Address; holder: Address } {
  const held = tokens(view).flatMap((token) => view.holders(token).map((holder) => ({ token, holder })));
  return held.length > 0 ? c.pick(held) : { token: c.pick(tokens(view)), holder: c.pick(view.actors) };
}

/** One holder of `token`, with the token. */
function pickHeld(c: Chooser, view: WorldView, token: Address): { token: Address; holder: Address } {
  return { token, holder: c.pick(view.holders(token)) };
}

/**
 * transfer between actors, or to the market: stray claims, or a donation, mostly of a collateral
 * some series uses (a donation changes what the market's balance checks see: M2 allows the
 * surplus, and split must still count only what it received).
 */
export function transfer(c: Chooser, view: WorldView, invalid: boolean): Action {
  let { token, holder } = heldToken(c, view);
  const to = c.weighted<Address>([
    [6, c.pick(view.actors)],
    [3, view.state.market],
    [1, invalid ? '0x0000000000000000000000000000000000000000' : view.state.oracle],
  ]);
  if (to === view.state.market && c.chance(2, 3)) {
    const inUse = [...new Set(view.series.map((s) => s.collateral))];
    const donors = inUse.flatMap((t) => view.holders(t).map((h) => ({ token: t, holder: h })));
    if (donors.length > 0) ({ token, holder } = c.pick(donors));
  }
  const amount = invalid ? view.balance(token, holder) + 1n : edgeAmount(c, view.balance(token, holder));
  return { kind: 'transfer', caller: holder, token, to, amount };
}

/** approve another actor (for transferFrom), the market or the oracle. */
export function approve(c: Chooser, view: WorldView, invalid: boolean): Action {
  const caller = c.pick(view.actors);
  const spender = invalid
    ? '0x0000000000000000000000000000000000000000'
    : c.weighted<Address>([
        [4, c.pick(view.actors)],
        [2, view.state.market],
        [1, view.state.oracle],
      ]);
  const amount = c.weighted<bigint>([
    [3, MAX_UINT256],
    [3, edgeAmount(c, view.balance(c.pick(tokens(view)), caller))],
    [1, 0n],
  ]);
  return { kind: 'approve', caller, token: c.pick(tokens(view)), spender, amount };
}

/**
 * transferFrom by a spender with an allowance, up to the allowance (or past it, when invalid);
 * sometimes by a holder from its own account, which a SelfTransferFromToken (DSToken) allows with
 * no allowance and every other token refuses unless the holder approved itself.
 */
export function transferFrom(c: Chooser, view: WorldView, invalid: boolean): Action {
  if (c.chance(1, 6)) {
    const own = view.collaterals.filter((t) => t.kind === 'selfTransferFrom' && view.holders(t.address).length > 0);
    const { token, holder } =
      own.length > 0 && c.chance(2, 3) ? pickHeld(c, view, c.pick(own).address) : heldToken(c, view);
    const amount = invalid ? view.balance(token, holder) + 1n : edgeAmount(c, view.balance(token, holder));
    return { kind: 'transferFrom', caller: holder, token, from: holder, to: c.pick(view.actors), amount };
  }
  const grants = tokens(view).flatMap((token) =>
    Object.entries(view.state.tokens[token]?.allowances ?? {}).flatMap(([owner, spenders]) =>
      Object.entries(spenders)
        .filter(([spender, allowance]) => allowance > 0n && view.actors.includes(spender as Address))
        .map(([spender, allowance]) => ({ token, owner: owner as Address, spender: spender as Address, allowance })),
    ),
  );
  if (grants.length === 0) {
    const { token, holder } = heldToken(c, view);
    // Nobody may spend anyone else's tokens yet: grant an allowance, so a later transferFrom can
    // succeed (and sometimes try the transferFrom anyway, to compare the revert).
    const others = view.actors.filter((a) => a !== holder);
    const spender = c.pick(others.length > 0 ? others : view.actors);
    if (invalid) return { kind: 'transferFrom', caller: spender, token, from: holder, to: holder, amount: 1n };
    return { kind: 'approve', caller: holder, token, spender, amount: edgeAmount(c, view.balance(token, holder)) };
  }
  const g = c.pick(grants);
  const balance = view.balance(g.token, g.owner);
  const cap = g.allowance < balance ? g.allowance : balance;
  const amount = invalid ? g.allowance + 1n : edgeAmount(c, cap);
  const to = c.chance(1, 4) ? view.state.market : c.pick(view.actors);
  return { kind: 'transferFrom', caller: g.spender, token: g.token, from: g.owner, to, amount };
}

/** Arm or disarm a callback-token collateral, so market transfers of it re-enter the market. */
export function armCallback(c: Chooser, view: WorldView): Action {
  const callbacks = view.collaterals.filter((t) => t.kind === 'callback');
  const token = callbacks.length > 0 ? c.pick(callbacks).address : c.pick(view.collaterals).address;
  return { kind: 'armCallback', caller: c.pick(view.actors), token, armed: c.chance(1, 2) };
}

/** Pause or unpause a pausable collateral (its admin's switch), so its series' transfers revert. */
export function pauseToken(c: Chooser, view: WorldView): Action {
  const pausable = view.collaterals.filter((t) => t.kind === 'pausable');
  const token = pausable.length > 0 ? c.pick(pausable).address : c.pick(view.collaterals).address;
  return { kind: 'pauseToken', caller: c.pick(view.actors), token, paused: c.chance(1, 2) };
}

/**
 * Block or unblock an account on a block-list collateral: mostly an actor, often the market itself
 * (then every split, merge and redeem of its series reverts), rarely the oracle.
 */
export function blockAccount(c: Chooser, view: WorldView): Action {
  const lists = view.collaterals.filter((t) => t.kind === 'blockList');
  const token = lists.length > 0 ? c.pick(lists).address : c.pick(view.collaterals).address;
  const account = c.weighted<Address>([
    [3, c.pick(view.actors)],
    [2, view.state.market],
    [1, view.state.oracle],
  ]);
  return { kind: 'blockAccount', caller: c.pick(view.actors), token, account, blocked: c.chance(1, 2) };
}

/**
 * Rebase a rebasing collateral (its admin's or oracle's switch): mostly up (at most +50%: a donation
 * to every holder), sometimes down (at most −50%: the market may then hold less than its series
 * locked, which docs/collateral.md leaves unsupported), rarely a factor on an edge: exactly 10000
 * (no change), 1 (balances ÷ 10000), or 0 and 2^256 − 1 (`InvalidRebase`).
 */
export function rebase(c: Chooser, view: WorldView): Action {
  const rebasing = view.collaterals.filter((t) => t.kind === 'rebasing');
  const token = rebasing.length > 0 ? c.pick(rebasing).address : c.pick(view.collaterals).address;
  const factorBps = c.weighted<() => bigint>([
    [6, () => 10_001n + c.upTo(4_999n)],
    [3, () => 5_000n + c.upTo(4_999n)],
    [1, () => c.pick([10_000n, 1n, 0n, MAX_UINT256])],
  ])();
  return { kind: 'rebase', caller: c.pick(view.actors), token, factorBps };
}

/**
 * Upgrade an upgradable collateral (its proxy admin's switch) to another version: plain, fee on
 * transfer or returns false (tokens/upgradable.ts), the balances kept; rarely to a version that
 * does not exist (`UnknownVersion`).
 */
export function upgradeToken(c: Chooser, view: WorldView): Action {
  const upgradable = view.collaterals.filter((t) => t.kind === 'upgradable');
  const token = upgradable.length > 0 ? c.pick(upgradable).address : c.pick(view.collaterals).address;
  const to = c.weighted<bigint>([
    [9, BigInt(c.below(UPGRADABLE_VERSIONS.length))],
    [1, BigInt(UPGRADABLE_VERSIONS.length)],
  ]);
  return { kind: 'upgradeToken', caller: c.pick(view.actors), token, to };
}

/**
 * Flash-mint a flash-mint collateral and split the minted tokens into a series, mostly one whose
 * collateral it is and mostly merging them back (the supply and every balance end where they
 * began); invalid: the split claims kept, so the repayment finds the token short
 * (`ERC20InsufficientBalance`), or an amount of 0 (`ZeroAmount`) or past what the supply can take
 * (`ERC3156ExceededMaxLoan`). Amounts reach the largest loan the supply allows.
 */
export function flashMint(c: Chooser, view: WorldView, invalid: boolean): Action {
  const flash = view.collaterals.filter((t) => t.kind === 'flashMint');
  const token = flash.length > 0 ? c.pick(flash).address : c.pick(view.collaterals).address;
  const own = view.series.filter((s) => s.collateral === token && !s.settled);
  const series =
    own.length > 0 && c.chance(7, 8) ? c.pick(own) : view.series.length > 0 ? c.pick(view.series) : undefined;
  const seriesId = series?.id ?? `0x${'00'.repeat(32)}`;
  const maxLoan = MAX_UINT256 - (view.state.tokens[token]?.totalSupply ?? 0n);
  const amount = invalid
    ? c.pick([0n, maxLoan + 1n > MAX_UINT256 ? MAX_UINT256 : maxLoan + 1n, 1n + c.upTo(10n ** 24n)])
    : c.weighted<() => bigint>([
        [8, () => 1n + c.upTo(10n ** 24n)],
        [2, () => 1n],
        [1, () => maxLoan],
      ])();
  const mergeBack = !(invalid && c.chance(1, 2));
  return {
    kind: 'flashMint',
    caller: c.pick(view.actors),
    token,
    market: view.state.market,
    seriesId,
    amount,
    mergeBack,
  };
}

/**
 * A plain value transfer of the native currency between actors, so the native currency's ERC-20
 * sees balances change with no Transfer: mostly within what the caller holds, sometimes all of it;
 * invalid: to the market (which takes no ether: an empty revert) or one wei more than the caller
 * holds (`InsufficientBalance`).
 */
export function sendNative(c: Chooser, view: WorldView, invalid: boolean): Action {
  const native = view.collaterals.find((t) => t.kind === 'nativeCurrency')?.address;
  const caller = c.pick(view.actors);
  const held = native === undefined ? 0n : view.balance(native, caller);
  if (invalid) {
    return c.chance(1, 2)
      ? { kind: 'sendNative', caller, to: view.state.market, amount: c.upTo(held) }
      : { kind: 'sendNative', caller, to: c.pick(view.actors), amount: held + 1n };
  }
  const amount = c.weighted<() => bigint>([
    [6, () => c.upTo(held)],
    [1, () => held],
    [1, () => 0n],
  ])();
  return { kind: 'sendNative', caller, to: c.pick(view.actors), amount };
}
