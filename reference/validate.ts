import type { Action, ActionKind } from './action.ts';
import { ACTION_DECLARATIONS, type FieldType } from './actions/declarations.ts';
import { hasCode } from './code.ts';
import { ModelInputError } from './errors.ts';
import { isAddress, isBytes32, isUint256 } from './hex.ts';
import type { Address } from './primitives.ts';
import type { World } from './world.ts';

interface FieldTypes {
  address: string[];
  bytes32: string[];
  uint: string[];
  bool: string[];
}

/** What the model takes for each trace field type: series and index ids are both bytes32. */
const MODEL_TYPE: Record<FieldType, keyof FieldTypes> = {
  address: 'address',
  series: 'bytes32',
  indexId: 'bytes32',
  uint: 'uint',
  bool: 'bool',
};

/**
 * The fields of every action kind grouped by the model's type, derived from the declarations (the
 * table is also the list of known kinds). Checked address, bytes32, uint, bool, each in field order.
 */
const FIELDS: Record<ActionKind, FieldTypes> = Object.fromEntries(
  Object.entries(ACTION_DECLARATIONS).map(([kind, { fields }]) => {
    const types: FieldTypes = { address: [], bytes32: [], uint: [], bool: [] };
    for (const [name, type] of Object.entries(fields)) types[MODEL_TYPE[type]].push(name);
    return [kind, types];
  }),
) as Record<ActionKind, FieldTypes>;

/**
 * Throws ModelInputError unless `action` is one the harness could send as a transaction: a known
 * kind, every field well typed (lowercase hex, uint256 bigints), a caller without code (transactions
 * come from accounts; the market may call a claim token's mint and burn), a token that is an ERC-20
 * of the world, a callback token for armCallback, a pausable token for pauseToken, a block-list
 * token for blockAccount, a rebasing token for rebase, an upgradable token for upgradeToken, a flash-mint token and the world's market for flashMint, a claim token for mintClaim and burnClaim, and a
 * warp that keeps the timestamp within uint256.
 */
export function validateAction(world: World, action: Action): void {
  const kind = (action as { kind?: unknown }).kind;
  const types = typeof kind === 'string' && Object.hasOwn(FIELDS, kind) ? FIELDS[kind as ActionKind] : undefined;
  if (types === undefined) bad(action, 'kind', `is not an action kind (${Object.keys(FIELDS).join(', ')})`);
  const fields = action as unknown as Record<string, unknown>;
  for (const name of types.address) if (!isAddress(fields[name])) bad(action, name, 'must be a lowercase address');
  for (const name of types.bytes32) if (!isBytes32(fields[name])) bad(action, name, 'must be a lowercase bytes32');
  for (const name of types.uint) if (!isUint256(fields[name])) bad(action, name, 'must be a uint256 bigint');
  for (const name of types.bool) if (typeof fields[name] !== 'boolean') bad(action, name, 'must be a boolean');

  const { config, state } = world;
  if ('caller' in action && hasCode(config, state.tokens, action.caller) && !marketCallsClaim(world, action)) {
    bad(action, 'caller', 'has code: transactions come from accounts without code');
  }
  if ('token' in action) {
    const token = state.tokens.get(action.token as Address);
    if (token === undefined) bad(action, 'token', 'is not an ERC-20 of the world');
    if (action.kind === 'armCallback' && token.kind !== 'callback') bad(action, 'token', 'is not a callback token');
    if (action.kind === 'pauseToken' && token.kind !== 'pausable') bad(action, 'token', 'is not a pausable token');
    if (action.kind === 'blockAccount' && token.kind !== 'blockList') bad(action, 'token', 'is not a block-list token');
    if (action.kind === 'rebase' && token.kind !== 'rebasing') bad(action, 'token', 'is not a rebasing token');
    if (action.kind === 'upgradeToken' && token.kind !== 'upgradable')
      bad(action, 'token', 'is not an upgradable token');
    if (action.kind === 'flashMint' && token.kind !== 'flashMint') bad(action, 'token', 'is not a flash-mint token');
    if ((action.kind === 'mintClaim' || action.kind === 'burnClaim') && token.kind !== 'claim') {
      bad(action, 'token', "is not a series' claim token (P#k or N#k)");
    }
  }
  // The token's callback calls `market`; the model describes no contract but the world's market there.
  if (action.kind === 'flashMint' && action.market !== config.market) bad(action, 'market', 'is not the market');
  if (action.kind === 'warp' && !isUint256(state.timestamp + action.seconds)) {
    bad(action, 'seconds', 'moves the timestamp past uint256');
  }
}

/**
 * The market calling a claim token's mint or burn, as it does inside split, merge and redeem: the one
 * call from a contract the model can describe on its own (the EVM runs it with the market as caller).
 */
function marketCallsClaim(world: World, action: Action): boolean {
  return (action.kind === 'mintClaim' || action.kind === 'burnClaim') && action.caller === world.config.market;
}

function bad(action: Action, field: string, what: string): never {
  const kind = String((action as { kind?: unknown }).kind);
  throw new ModelInputError('Invalid action.', `${kind}.${field} ${what}.`);
}
