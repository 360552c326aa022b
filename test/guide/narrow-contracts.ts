import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifacts } from '../../fuzz/compile/index.ts';
import { compileContracts } from '../../fuzz/compile/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** `unit`'s source with `find` replaced, refusing a `find` that is not there (the copy would be unbroken). */
function edited(unit: string, find: string, replace: string): string {
  const original = readFileSync(join(ROOT, unit), 'utf8');
  if (!original.includes(find)) throw new Error(`narrow variant: "${find}" does not occur in ${unit}`);
  return original.replace(find, replace);
}

/**
 * A copy of the contracts with a branch reachable only through a relation between two steps: each
 * claim token remembers how many claims an account last received by a transfer from another
 * account, and `merge` keeps one unit too many locked when the caller merges exactly that many (more
 * than one) P claims. The model knows nothing of it, so the first such merge diverges (D1 on the
 * series' locked collateral). Reaching it takes a transfer of P to an actor that also holds N, then
 * a merge by that actor of exactly the amount received: the relation the `relate` mutation copies.
 */
export function mergeWhatWasReceived(): Artifacts {
  const claim = 'contracts/ClaimToken.sol';
  const market = 'contracts/SplitMarket.sol';
  return compileContracts({
    sources: {
      [claim]: edited(
        claim,
        '    uint8 private immutable _decimals;\n',
        `    uint8 private immutable _decimals;

    mapping(address => uint256) public lastReceived;

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from != address(0) && to != address(0) && from != to) lastReceived[to] = value;
    }
`,
      ),
      [market]: edited(
        market,
        '        s.locked -= amount;\n        IERC20(s.collateral).safeTransfer(to, amount);',
        '        s.locked -= (amount > 1 && ClaimToken(s.pToken).lastReceived(msg.sender) == amount) ? amount - 1 : amount;\n        IERC20(s.collateral).safeTransfer(to, amount);',
      ),
    },
  }).artifacts;
}
