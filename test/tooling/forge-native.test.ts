import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../fuzz/compile/compile.ts';

// npm test's `forge fmt --check` and `forge snapshot --check` are judged by exit code; npm's forge
// wrapper always exits 0, so bin/forge-native.mjs must pass forge's own exit code through.
const dir = mkdtempSync(join(tmpdir(), 'cliffless-forge-native-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const forgeNative = (args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'forge-native.mjs'), ...args], { encoding: 'utf8' });

it('exits non-zero when forge fmt --check finds a badly formatted file', () => {
  const file = join(dir, 'Bad.sol');
  writeFileSync(file, 'pragma solidity ^0.8.0;\ncontract   Bad{uint a;}\n');
  expect(forgeNative(['fmt', '--check', file]).status).toBe(1);
});

it('exits 0 when the file is formatted', () => {
  const file = join(dir, 'Good.sol');
  writeFileSync(file, 'pragma solidity ^0.8.0;\n\ncontract Good {\n    uint256 a;\n}\n');
  expect(forgeNative(['fmt', '--check', file]).status).toBe(0);
});
