/**
 * The payout library with OpenZeppelin's `Math.mulDiv` replaced by plain checked Solidity
 * `a * b / c`, for the SMTChecker: mulDiv is 512-bit inline assembly, which the checker cannot see
 * into (it treats the result as unknown), while `a * b / c` is exact integer arithmetic it can
 * reason about. The substitute agrees with mulDiv whenever `a * b < 2^256` and reverts otherwise,
 * so a property proved on it holds for every input with `a * b < 2^256` at each mulDiv call.
 * A variant without mulDiv (plain `a * (x - S) / x`) is already exact arithmetic: it is returned
 * as it is.
 */
export function withExactMulDiv(librarySource: string): string {
  const calls = librarySource.split('Math.mulDiv(').length - 1;
  if (calls === 0) return librarySource;
  const helper = [
    '',
    '    /// @dev Checked floor(a * b / c): mulDiv for a * b < 2^256, a revert above (SMTChecker abstraction).',
    '    function exactMulDiv(uint256 a, uint256 b, uint256 c) private pure returns (uint256) {',
    '        return a * b / c;',
    '    }',
    '',
    '    /// @dev Checked ceil(a * b / c) for Math.Rounding.Ceil and Expand (SMTChecker abstraction).',
    '    function exactMulDiv(uint256 a, uint256 b, uint256 c, Math.Rounding r) private pure returns (uint256) {',
    '        uint256 q = a * b / c;',
    '        return Math.unsignedRoundsUp(r) && q * c != a * b ? q + 1 : q;',
    '    }',
    '}',
  ].join('\n');
  const body = librarySource.replaceAll('Math.mulDiv(', 'exactMulDiv(');
  const end = body.lastIndexOf('}');
  return `${body.slice(0, end).trimEnd()}\n${helper}\n${body.slice(end + 1)}`;
}
