import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../fuzz/compile/compile.ts';
import { CliflessError } from '../../fuzz/errors.ts';
import { oracleSourceForChecker, requireForRevert } from '../../prove/oracle-source.ts';
import { SLOW_ORACLE_UNIT } from '../../prove/suite.ts';

const ORACLE = readFileSync(join(PROJECT_ROOT, SLOW_ORACLE_UNIT), 'utf8');

describe('oracleSourceForChecker: the oracle as the checker sees it', () => {
  const text = oracleSourceForChecker(ORACLE);

  it('leaves no storage pointer, no custom-error revert statement, and keeps every check', () => {
    expect(text).not.toMatch(/\bstorage\s+\w+\s*=/);
    expect(text).not.toMatch(/\brevert\s+\w+\(/);
    // Each `revert E(` of the original is now a `require(..., E(`.
    const reverts = ORACLE.match(/\brevert \w+\(/g) ?? [];
    expect(reverts.length).toBeGreaterThan(15);
    expect(text.match(/require\(!\(/g)).toHaveLength(reverts.length);
    expect(text).toContain('mapping(bytes32 indexId => mapping(uint256 timestamp => Question)) internal _questions;');
  });

  it('rewrites the two revert forms to require with the same error and arguments', () => {
    expect(requireForRevert('        if (a < b) revert TooLow(a, b);')).toBe(
      '        require(!(a < b), TooLow(a, b));',
    );
    expect(requireForRevert('        if (x) {\n            revert Nope();\n        }')).toBe(
      '        require(!(x), Nope());',
    );
  });

  it('refuses an oracle whose shape it does not know, with exit code 2', () => {
    const odd = ORACLE.replace(
      '        Question storage q = _questions[indexId][timestamp];\n',
      '        Question storage  q = _questions[indexId][timestamp];\n',
    );
    expect(() => oracleSourceForChecker(odd)).toThrow(CliflessError);
    expect(() => requireForRevert('if (a) { doSomething(); revert E(); }')).toThrow(/custom-error revert/);
  });
});
