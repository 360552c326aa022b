import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileContracts } from '../../fuzz/compile/index.ts';
import type { PreparedEnvironment } from '../../fuzz/runner/prepare.ts';
import { replayTrace } from '../../fuzz/runner/replay.ts';
import { parseTrace } from '../../fuzz/trace/parse.ts';
import { environment } from './support.ts';

// Each weird-ERC20 mock broken in memory (never in contracts/): the scenario trace that shows its
// kind, replayed on the broken copy, must stop with D1 at the step where the mock leaves the
// behaviour the model has from the kind's description. One compile serves them all.

const root = join(import.meta.dirname, '..', '..');
const BROKEN: [unit: string, find: string, replace: string][] = [
  // The market's fallback for a collateral without decimals() (a contract that is no token).
  [
    'contracts/SplitMarket.sol',
    'uint8 private constant DEFAULT_DECIMALS = 18;',
    'uint8 private constant DEFAULT_DECIMALS = 6;',
  ],
  // Pause ignored.
  ['contracts/test-mocks/PausableToken.sol', 'if (paused) revert TokenPaused();', ''],
  // A short balance reverts (OpenZeppelin) instead of returning false (ReturnsFalseToken and the
  // upgradable token's version 2 share these rules).
  [
    'contracts/test-mocks/ReturnsFalseRules.sol',
    'return to != address(0) && balanceOf(msg.sender) < value;',
    'return false;',
  ],
  // Zero transfers allowed (the first occurrence is transfer's check).
  ['contracts/test-mocks/ZeroRevertToken.sol', 'if (value == 0) revert ZeroValueTransfer();', ''],
  // A blocked sender reported as the receiver.
  [
    'contracts/test-mocks/BlockListToken.sol',
    'if (blocked[from]) revert AccountBlocked(from);',
    'if (blocked[from]) revert AccountBlocked(to);',
  ],
  // A rebase that moves the index the wrong way (balances shrink where they should grow).
  [
    'contracts/test-mocks/RebasingToken.sol',
    'uint256 next = sharesPerToken * 10_000 / factorBps;',
    'uint256 next = sharesPerToken * factorBps / 10_000;',
  ],
  // The fee-on-transfer rules (the upgradable token's version 1, and FeeOnTransferToken) forget to
  // burn the fee from the sender.
  ['contracts/test-mocks/FeeOnTransferRules.sol', 'if (fee > 0) move(from, address(0), fee);', ''],
  // Amounts checked against 128 bits instead of 96.
  [
    'contracts/test-mocks/Uint96Token.sol',
    'if (value > type(uint96).max) revert AmountExceedsUint96(value);',
    'if (value > type(uint128).max) revert AmountExceedsUint96(value);',
  ],
  // Zero approvals allowed.
  ['contracts/test-mocks/ZeroApprovalRevertToken.sol', 'if (value == 0) revert ZeroValueApproval();', ''],
  // The source's own transferFrom asks for an allowance after all.
  ['contracts/test-mocks/SelfTransferFromToken.sol', 'if (from == msg.sender) {', 'if (from == address(0)) {'],
  // The entry point's transferFrom spends the owner's allowance to itself instead of the caller's.
  [
    'contracts/test-mocks/TokenEntryPoint.sol',
    'return ledger.transferFromVia(msg.sender, from, to, value);',
    'return ledger.transferFromVia(from, from, to, value);',
  ],
  // The flash loan's callback keeps the split instead of merging it back.
  ['contracts/test-mocks/FlashMintToken.sol', 'if (mergeBack) market.merge(seriesId, amount, address(this));', ''],
  // The native currency's transfer forgets to check the value sent with it.
  ['contracts/test-mocks/NativeCurrencyToken.sol', 'if (msg.value != value) return false;', ''],
];

const CASES: [trace: string, step: number, why: string][] = [
  ['pausable-collateral.json', 3, 'the split after pauseToken succeeds on the broken copy'],
  ['returns-false-collateral.json', 2, 'the short transfer reverts instead of returning false'],
  ['zero-revert-collateral.json', 2, 'the zero transfer succeeds'],
  ['blocklist-collateral.json', 4, 'the merge out of the blocked market names its receiver, alice'],
  ['rebasing-collateral-up.json', 2, 'the rebase up shrinks every balance'],
  ['upgradable-collateral.json', 4, 'the merge after the upgrade to the fee version leaves the fee with the market'],
  ['uint96-collateral.json', 2, 'the split of 2^96 fails on the balance, not on the amount'],
  ['zero-approval-revert-collateral.json', 0, "alice's approve(0) succeeds"],
  ['self-transferfrom-collateral.json', 0, "alice's transferFrom of her own tokens needs an allowance"],
  [
    'multi-entry-collateral.json',
    3,
    "carol's transferFrom through the second address asks for alice's allowance to alice",
  ],
  ['flash-mint-collateral.json', 3, 'the flash mint that merges back cannot be repaid'],
  ['native-currency-collateral.json', 4, 'the transfer sent without its value tries to send 5 wei it does not hold'],
  ['no-token-collateral.json', 0, 'claims of the market as collateral get 6 decimals, not 18'],
];

let broken: PreparedEnvironment;
beforeAll(async () => {
  const sources: Record<string, string> = {};
  for (const [unit, find, replace] of BROKEN) {
    const original = readFileSync(join(root, unit), 'utf8');
    if (!original.includes(find)) throw new Error(`broken variant: "${find}" does not occur in ${unit}`);
    sources[unit] = original.replace(find, replace);
  }
  broken = await environment(compileContracts({ sources }).artifacts);
}, 240_000);

describe('D1 catches a weird-ERC20 mock that leaves its kind', () => {
  it.each(CASES)('%s stops at step %i: %s', async (file, step) => {
    const path = join(root, 'test', 'traces', file);
    const result = await replayTrace(broken, parseTrace(readFileSync(path, 'utf8'), file), file, { probesPerStep: 0 });
    expect(result.failure?.step, result.failure?.message).toBe(step);
    expect(result.failure?.id).toBe('D1');
  });
});
