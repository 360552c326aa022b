import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileError, compileContracts } from '../../fuzz/compile/index.ts';

let contractsDir: string;

beforeAll(() => {
  contractsDir = mkdtempSync(join(tmpdir(), 'cliffless-compile-errors-'));
});

afterAll(() => rmSync(contractsDir, { recursive: true, force: true }));

function compileError(sources: Record<string, string>): CompileError {
  try {
    compileContracts({ contractsDir, cacheDir: false, sources });
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error('expected a CompileError');
}

describe('compile errors', () => {
  it('reports a syntax error with file, line and column', () => {
    const broken = [
      '// SPDX-License-Identifier: MIT',
      'pragma solidity 0.8.37;',
      'contract Broken {',
      '    function f() external pure returns (uint256) {',
      '        return 1 +;',
      '    }',
      '}',
    ].join('\n');
    const error = compileError({ 'contracts/Broken.sol': broken });
    expect(error.name).toBe('CompileError');
    expect(error.message).toContain('contracts/Broken.sol:5:19');
    expect(error.message).toContain('ParserError');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'contracts/Broken.sol',
      line: 5,
      column: 19,
    });
  });

  it('reports a type error and a missing import at their lines', () => {
    const typeError = compileError({
      'contracts/Typed.sol':
        'pragma solidity 0.8.37;\ncontract Typed {\n  function f() external { uint8 x = "no"; }\n}\n',
    });
    expect(typeError.diagnostics[0]).toMatchObject({ type: 'TypeError', file: 'contracts/Typed.sol', line: 3 });
    expect(typeError.message).toContain('contracts/Typed.sol:3:');

    const missing = compileError({
      'contracts/Importer.sol': 'pragma solidity 0.8.37;\n\nimport {Nope} from "./Nope.sol";\ncontract Importer {}\n',
    });
    expect(missing.diagnostics[0]).toMatchObject({ file: 'contracts/Importer.sol', line: 3 });
    expect(missing.message).toContain('Nope.sol');
  });
});
