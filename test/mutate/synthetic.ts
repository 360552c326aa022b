import { loadSolc } from '../../fuzz/compile/solc.ts';
import type { AstNode } from '../../fuzz/mutate/ast.ts';

/**
 * solc's typed AST of one self-contained source (analysis only, no code generation: about a
 * second), so generator tests can run on small synthetic contracts.
 */
export function astOf(file: string, content: string): AstNode {
  const input = {
    language: 'Solidity',
    sources: { [file]: { content } },
    settings: { outputSelection: { '*': { '': ['ast'] } } },
  };
  const output = JSON.parse(loadSolc().compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    sources: Record<string, { ast: AstNode }>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const unit = output.sources[file];
  if (unit === undefined) throw new Error(`no AST for ${file}`);
  return unit.ast;
}

/** A small contract with one site for every operator, and a comment with non-ASCII text before them. */
export const SYNTHETIC = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// Offsets are bytes — this em dash shifts every later offset by two.
contract Synthetic {
    uint256 public total;
    error TooSmall(uint256 amount);

    function step(uint256 a, uint256 b, bool flag) external returns (uint256) {
        if (a < b) revert TooSmall(a);
        require(b != 0, "zero");
        if (flag && a >= 10) total += a * b;
        else total = a - b;
        for (uint256 i; i < 3; ++i) {
            total++;
        }
        if (!flag) total = 0;
        total += (!flag || a == b) ? 1 : 0;
        emit Done(total);
        return a / b;
    }

    event Done(uint256 total);
}
`;
