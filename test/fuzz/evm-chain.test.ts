import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM } from '@ethereumjs/evm';
import { SimpleStateManager } from '@ethereumjs/statemanager';
import { encodeDeployData, hexToBytes } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artifacts, ContractArtifact } from '../../fuzz/compile/index.ts';
import { compileContracts, getArtifact } from '../../fuzz/compile/index.ts';
import {
  buildRegistry,
  type CallResult,
  type Chain,
  call,
  createChain,
  decodeFailure,
  decodeLogs,
  encodeCall,
  functionCodec,
  type JournaledState,
  staticCall,
  warp,
} from '../../fuzz/evm/index.ts';
// The module the EVM runs, reached by file: the package does not export it.
import { Interpreter } from '../../node_modules/@ethereumjs/evm/dist/esm/interpreter.js';
import type { Address } from '../../reference/primitives.ts';

// A tiny contract exercising what the host relies on: storage, logs, custom errors, nested calls
// whose failure is caught, panics, refunds, block time and an endless loop.
const BOX = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
contract Box {
    uint256 public value;
    mapping(uint256 => uint256) public slots;
    event Set(address indexed by, uint256 value);
    error Nope(uint256 value, address by);
    function set(uint256 v) public { value = v; slots[v] = v; emit Set(msg.sender, v); }
    function setAndFail(uint256 v) external { value = v; revert Nope(v, msg.sender); }
    function nested(Box other, uint256 v) external {
        try other.setAndFail(v) {} catch {}
        other.set(v + 1);
        value += 1;
    }
    function clear(uint256 v) external { delete slots[v]; }
    function boom() external pure { assert(false); }
    function spin() external { while (true) { value += 1; } }
    function now_() external view returns (uint256) { return block.timestamp; }
}
`;

const ALICE: Address = '0x0000000000000000000000000000000000ac7001';
let dir: string;
let artifacts: Artifacts;
let box: ContractArtifact;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cliffless-evm-chain-'));
  ({ artifacts } = compileContracts({
    contractsDir: dir,
    cacheDir: join(dir, 'cache'),
    sources: { 'contracts/Box.sol': BOX },
  }));
  box = getArtifact(artifacts, 'Box');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fn = (name: string) => functionCodec(box.abi, name);

async function deployBox(chain: Chain): Promise<Address> {
  const data = hexToBytes(encodeDeployData({ abi: box.abi, bytecode: box.bytecode }));
  const result = await call(chain, { from: ALICE, to: undefined, data });
  expect(result.success).toBe(true);
  return result.createdAddress as Address;
}

/** The same chain over SimpleStateManager, the stock state, as the reference for JournaledState. */
async function simpleChain(timestamp: bigint): Promise<Chain> {
  const chain = await createChain({ timestamp });
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
  const state = new SimpleStateManager({ common });
  const evm = await createEVM({ common, stateManager: state });
  return { ...chain, evm, state: state as unknown as JournaledState, addresses: new Map() };
}

async function script(chain: Chain): Promise<CallResult[]> {
  const a = await deployBox(chain);
  const b = await deployBox(chain);
  const results: CallResult[] = [];
  const run = async (to: Address, name: string, args: unknown[], gasLimit?: bigint) =>
    results.push(
      await call(chain, { from: ALICE, to, data: encodeCall(fn(name), args), ...(gasLimit ? { gasLimit } : {}) }),
    );
  await run(a, 'set', [7n]);
  await run(a, 'setAndFail', [9n]);
  await run(a, 'nested', [b, 5n]);
  await run(b, 'clear', [6n]);
  await run(a, 'boom', []);
  await run(a, 'spin', [], 200_000n);
  await run(a, 'set', [8n]);
  results.push(await staticCall(chain, { from: ALICE, to: a, data: encodeCall(fn('value'), []) }));
  results.push(await staticCall(chain, { from: ALICE, to: b, data: encodeCall(fn('value'), []) }));
  return results;
}

describe('chain', () => {
  it('JournaledState runs calls exactly like SimpleStateManager (results, gas, logs)', async () => {
    const journaled = await script(await createChain({ timestamp: 1000n }));
    const simple = await script(await simpleChain(1000n));
    expect(journaled).toEqual(simple);
    expect(journaled.map((r) => r.success)).toEqual([true, false, true, true, false, false, true, true, true]);
  });

  it('decodes logs, custom errors, panics and out-of-gas', async () => {
    const chain = await createChain({ timestamp: 1000n });
    const registry = buildRegistry([box.abi]);
    const a = await deployBox(chain);
    const ok = await call(chain, { from: ALICE, to: a, data: encodeCall(fn('set'), [3n]) });
    expect(decodeLogs(registry, ok.logs)).toEqual([{ address: a, name: 'Set', args: { by: ALICE, value: 3n } }]);
    const nope = await call(chain, { from: ALICE, to: a, data: encodeCall(fn('setAndFail'), [4n]) });
    expect(decodeFailure(registry, nope.exception ?? '', nope.returnData)).toEqual({ name: 'Nope', args: [4n, ALICE] });
    const boom = await call(chain, { from: ALICE, to: a, data: encodeCall(fn('boom'), []) });
    expect(decodeFailure(registry, boom.exception ?? '', boom.returnData)).toEqual({ name: 'Panic', args: [1n] });
    const spin = await call(chain, { from: ALICE, to: a, data: encodeCall(fn('spin'), []), gasLimit: 100_000n });
    expect(spin.exception).toBe('out of gas');
    expect(decodeFailure(registry, spin.exception ?? '', spin.returnData)).toEqual({ name: 'OutOfGas', args: [] });
    expect(spin.gas.total).toBe(100_000n);
    // Failed calls left no trace.
    const value = await staticCall(chain, { from: ALICE, to: a, data: encodeCall(fn('value'), []) });
    expect(BigInt(value.returnData)).toBe(3n);
  });

  it('reports transaction gas: intrinsic + execution − capped refund', async () => {
    const chain = await createChain({ timestamp: 1000n });
    const a = await deployBox(chain);
    const first = await call(chain, { from: ALICE, to: a, data: encodeCall(fn('set'), [3n]) });
    // Two fresh slots (2 × 22100 cold set) dominate a first write; a rewrite is far cheaper.
    expect(first.gas.total).toBeGreaterThan(21_000n + 44_200n);
    const again = await call(chain, { from: ALICE, to: a, data: encodeCall(fn('set'), [3n]) });
    expect(again.gas.total).toBeLessThan(first.gas.total - 30_000n);
    const data = encodeCall(fn('clear'), [3n]);
    const cleared = await call(chain, { from: ALICE, to: a, data });
    const spent = 21_000n + countCalldata(data) + cleared.gas.execution;
    expect(cleared.gas.refund).toBeGreaterThan(0n);
    expect(cleared.gas.refund).toBeLessThanOrEqual(spent / 5n);
    expect(cleared.gas.total).toBe(spent - cleared.gas.refund);
  });

  it('caches jump analysis in the interpreter the EVM actually runs', async () => {
    const chain = await createChain({ timestamp: 1000n });
    const a = await deployBox(chain);
    const prototype = Interpreter.prototype as unknown as { _getValidJumpDestinations: (code: Uint8Array) => unknown };
    const cached = prototype._getValidJumpDestinations;
    const seen: unknown[] = [];
    prototype._getValidJumpDestinations = function (this: unknown, code: Uint8Array) {
      const result = cached.call(this, code);
      seen.push(result);
      return result;
    };
    try {
      await call(chain, { from: ALICE, to: a, data: encodeCall(fn('set'), [1n]) });
      await call(chain, { from: ALICE, to: a, data: encodeCall(fn('set'), [2n]) });
    } finally {
      prototype._getValidJumpDestinations = cached;
    }
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });

  it('moves block time only with warp', async () => {
    const chain = await createChain({ timestamp: 1000n });
    const a = await deployBox(chain);
    const now = async () =>
      BigInt((await staticCall(chain, { from: ALICE, to: a, data: encodeCall(fn('now_'), []) })).returnData);
    expect(await now()).toBe(1000n);
    warp(chain, 3600n);
    expect(await now()).toBe(4600n);
  });
});

function countCalldata(data: Uint8Array): bigint {
  let gas = 0n;
  for (const byte of data) gas += byte === 0 ? 4n : 16n;
  return gas;
}
