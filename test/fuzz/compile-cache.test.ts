import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContracts, getArtifact } from '../../fuzz/compile/index.ts';

// A throwaway contracts tree, so these tests neither depend on nor disturb contracts/.
const TOKEN = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Counter} from "./lib/Counter.sol";
contract Token is ERC20 {
    constructor() ERC20("T", "T") { _mint(msg.sender, 100); }
}
`;
const COUNTER = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
contract Counter {
    uint256 public count;
    function bump() external { count += 1; }
}
`;

let root: string;
let contractsDir: string;
let cacheDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cliffless-compile-'));
  contractsDir = join(root, 'contracts');
  cacheDir = join(root, 'cache');
  mkdirSync(join(contractsDir, 'lib'), { recursive: true });
  writeFileSync(join(contractsDir, 'Token.sol'), TOKEN);
  writeFileSync(join(contractsDir, 'lib', 'Counter.sol'), COUNTER);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('compileContracts cache', () => {
  it('compiles an alternative contracts root with OpenZeppelin imports, then hits the cache', () => {
    const cold = compileContracts({ contractsDir, cacheDir });
    expect(cold.cached).toBe(false);
    expect(Object.keys(cold.artifacts.contracts)).toEqual(
      expect.arrayContaining([
        'contracts/Token.sol:Token',
        'contracts/lib/Counter.sol:Counter',
        'node_modules/@openzeppelin/contracts/token/ERC20/ERC20.sol:ERC20',
      ]),
    );
    const token = getArtifact(cold.artifacts, 'Token');
    expect(token.bytecode.startsWith('0x60')).toBe(true);
    expect(token.deployedSourceMap.length).toBeGreaterThan(0);
    expect(token.methodIdentifiers['transfer(address,uint256)']).toBe('a9059cbb');
    expect(token.storageLayout.storage.map((s) => s.label)).toContain('_balances');
    expect(cold.artifacts.sources['contracts/Token.sol']?.ast).toBeTypeOf('object');
    expect(cold.artifacts.settings).toMatchObject({
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none' },
    });

    const warm = compileContracts({ contractsDir, cacheDir });
    expect(warm.cached).toBe(true);
    expect(warm.artifacts.key).toBe(cold.artifacts.key);
    expect(warm.artifacts.contracts).toEqual(cold.artifacts.contracts);
    expect(warm.cachePath).toBe(join(cacheDir, `${cold.artifacts.key}.json`));
  });

  it('misses when a source changes on disk or in memory, and the key covers imported files', () => {
    const base = compileContracts({ contractsDir, cacheDir });
    const patched = COUNTER.replace('count += 1', 'count += 2');
    const inMemory = compileContracts({ contractsDir, cacheDir, sources: { 'contracts/lib/Counter.sol': patched } });
    expect(inMemory.cached).toBe(false);
    expect(inMemory.artifacts.key).not.toBe(base.artifacts.key);
    expect(getArtifact(inMemory.artifacts, 'Counter').deployedBytecode).not.toBe(
      getArtifact(base.artifacts, 'Counter').deployedBytecode,
    );
    // The same override again is a hit.
    expect(compileContracts({ contractsDir, cacheDir, sources: { 'contracts/lib/Counter.sol': patched } }).cached).toBe(
      true,
    );

    writeFileSync(join(contractsDir, 'lib', 'Counter.sol'), patched);
    const onDisk = compileContracts({ contractsDir, cacheDir });
    expect(onDisk.cached).toBe(true); // identical input to the in-memory override
    expect(onDisk.artifacts.key).toBe(inMemory.artifacts.key);
    writeFileSync(join(contractsDir, 'lib', 'Counter.sol'), COUNTER);
    expect(compileContracts({ contractsDir, cacheDir }).artifacts.key).toBe(base.artifacts.key);
  });

  it('keeps only the most recently used entries', () => {
    const small = join(root, 'small-cache');
    const variant = (n: number) => ({ 'contracts/lib/Counter.sol': COUNTER.replace('count += 1', `count += ${n}`) });
    const first = compileContracts({ contractsDir, cacheDir: small, cacheEntries: 2, sources: variant(3) });
    compileContracts({ contractsDir, cacheDir: small, cacheEntries: 2, sources: variant(4) });
    expect(compileContracts({ contractsDir, cacheDir: small, cacheEntries: 2, sources: variant(3) }).cached).toBe(true);
    compileContracts({ contractsDir, cacheDir: small, cacheEntries: 2, sources: variant(5) });
    const kept = readdirSync(small).sort();
    expect(kept).toHaveLength(2);
    expect(kept).toContain(`${first.artifacts.key}.json`); // used most recently but one, so kept
  });

  it('adds extra in-memory units that import the contracts tree', () => {
    const extra = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
import {Counter} from "../../contracts/lib/Counter.sol";
contract Probe { function read(Counter c) external view returns (uint256) { return c.count(); } }
`;
    const result = compileContracts({ contractsDir, cacheDir: false, sources: { 'fuzz/evm/Probe.sol': extra } });
    expect(result.cached).toBe(false);
    expect(result.cachePath).toBeUndefined();
    expect(getArtifact(result.artifacts, 'Probe').abi.map((i) => ('name' in i ? i.name : i.type))).toEqual(['read']);
  });
});
