/**
 * The broken market of the invariant tests, derived from the real one: `brokenSplitMarket` applies a
 * fixed list of textual edits to contracts/SplitMarket.sol, each of which must match exactly once,
 * so test/forge/invariant/broken/BrokenSplitMarket.sol is the real market plus a `Bug` switch and
 * can differ from it in nothing else. `npm run broken-market` writes the file; the test
 * test/forge/invariant/broken/broken-market.test.ts fails when the committed file is not what the real source gives.
 */

/** Where the real market is, and where its broken copy is written (both from the project root). */
export const REAL_MARKET = 'contracts/SplitMarket.sol';
export const BROKEN_MARKET = 'test/forge/invariant/broken/BrokenSplitMarket.sol';

/** One edit: the text it replaces (found exactly once in the source) and what replaces it. */
export interface SourceEdit {
  /** What the edit does, for the error when its anchor is missing or ambiguous. */
  readonly why: string;
  readonly find: string;
  readonly replace: string;
}

const BUG_ENUM = `/// @notice The one mistake a BrokenSplitMarket makes.
enum Bug {
    RedeemPaysExtraWei, // redeem sends payout + 1 but books payout: value from nowhere (M8, M2)
    MergeKeepsLocked, // merge forgets \`locked -= amount\` (M1, M2)
    SettleWithoutFinality, // settle ignores the oracle's isFinal flag (M7)
    MergeBurnsRecipient, // merge burns the recipient's claims, not the caller's (M5)
    SplitTrustsAmount // split books \`amount\` without checking what arrived (M2)
}

/// @title BrokenSplitMarket
/// @notice TEST ONLY, deliberately wrong: GENERATED from contracts/SplitMarket.sol by
///         \`npm run broken-market\` (do not edit), the real market with one \`Bug\` switched in, to
///         show the invariant properties catch it. Never shipped: nothing in contracts/ imports it.`;

/**
 * The edits, in order. The first two make the copy a separate contract (its own name and a `Bug`
 * chosen at deployment); each of the others is one bug, active only
 * when the deployed `bug` is that one, so with any other bug the code is the real market's.
 */
export const BROKEN_MARKET_EDITS: readonly SourceEdit[] = [
  {
    why: 'declare the bugs and name the copy',
    find: '/// @title SplitMarket\n/// @notice',
    replace: `${BUG_ENUM}\n///         The real market:`,
  },
  {
    why: 'rename the contract and choose the bug at deployment',
    find: 'contract SplitMarket is ISplitMarket, ReentrancyGuardTransient {\n',
    replace:
      'contract BrokenSplitMarket is ISplitMarket, ReentrancyGuardTransient {\n' +
      '    Bug public immutable bug;\n\n' +
      '    constructor(Bug bug_) {\n        bug = bug_;\n    }\n\n',
  },
  {
    why: 'SplitTrustsAmount: split books `amount` without checking what arrived',
    find: '        if (received < amount) revert CollateralShortfall(address(collateral), amount, received);\n',
    replace:
      '        if (bug != Bug.SplitTrustsAmount && received < amount) {\n' +
      '            revert CollateralShortfall(address(collateral), amount, received);\n' +
      '        }\n',
  },
  {
    why: "MergeBurnsRecipient: merge burns the recipient's claims",
    find:
      '        ClaimToken(s.pToken).burn(msg.sender, amount);\n' +
      '        ClaimToken(s.nToken).burn(msg.sender, amount);\n',
    replace:
      '        address holder = bug == Bug.MergeBurnsRecipient ? to : msg.sender;\n' +
      '        ClaimToken(s.pToken).burn(holder, amount);\n' +
      '        ClaimToken(s.nToken).burn(holder, amount);\n',
  },
  {
    why: 'MergeKeepsLocked: merge forgets to unlock',
    find: '        s.locked -= amount;\n',
    replace: '        if (bug != Bug.MergeKeepsLocked) s.locked -= amount;\n',
  },
  {
    why: "SettleWithoutFinality: settle ignores the oracle's isFinal",
    find: '        if (!isFinal) revert NotFinalized(',
    replace: '        if (bug != Bug.SettleWithoutFinality && !isFinal) revert NotFinalized(',
  },
  {
    why: 'RedeemPaysExtraWei: redeem pays one wei more than it books',
    find: '        if (payout != 0) IERC20(s.collateral).safeTransfer(to, payout);\n',
    replace:
      '        uint256 sent = bug == Bug.RedeemPaysExtraWei ? payout + 1 : payout;\n' +
      '        if (sent != 0) IERC20(s.collateral).safeTransfer(to, sent);\n',
  },
];

/** Relative imports of the real market (`"./x.sol"`) read from the project root in the copy. */
function rootImports(source: string): string {
  return source.replace(/^(import \{[^}]*\} from ")\.\//gm, '$1contracts/');
}

/**
 * The broken copy of `source` (the text of contracts/SplitMarket.sol). Throws, naming the edit,
 * when an edit's anchor is not found exactly once: the real market changed there, and the edit
 * must follow it rather than the copy silently keeping old code.
 */
export function brokenSplitMarket(source: string, edits: readonly SourceEdit[] = BROKEN_MARKET_EDITS): string {
  if (!source.startsWith('// SPDX-License-Identifier: ')) throw new Error(`${REAL_MARKET}: no licence line first`);
  let text = rootImports(source);
  for (const edit of edits) {
    const found = text.split(edit.find).length - 1;
    if (found !== 1) {
      throw new Error(
        `${REAL_MARKET}: the edit "${edit.why}" expects its text once and found it ${found} times; ` +
          'update test/forge/invariant/broken/broken-market.ts to follow the real market',
      );
    }
    text = text.replace(edit.find, () => edit.replace);
  }
  const generated = `// GENERATED by \`npm run broken-market\` from ${REAL_MARKET}: do not edit.`;
  // After the licence line, which the compiler and forge's linter expect first.
  return text.replace(/^(\/\/ SPDX-License-Identifier: [^\n]*\n)/, `$1${generated}\n`);
}
