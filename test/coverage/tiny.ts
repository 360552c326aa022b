import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFunctionData, hexToBytes } from 'viem';
import type { Artifacts } from '../../fuzz/compile/index.ts';
import { compileContracts, getArtifact } from '../../fuzz/compile/index.ts';
import { deployContract } from '../../fuzz/evm/deploy.ts';
import { type Chain, call, createChain } from '../../fuzz/evm/index.ts';

/**
 * A contract small enough to know every line: `add` branches on `x > 10`, `never` is never
 * called by the tests. Line numbers below are asserted exactly, so keep the text as it is.
 */
export const TINY_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract Tiny {
    uint256 public total;

    function add(uint256 x) external {
        if (x > 10) {
            total += x;
        } else {
            total += 1;
        }
    }

    function never() external {
        total = 0;
    }
}
`;

/** Compiles a contracts folder holding only Tiny.sol (cached like every compilation). */
export function compileTiny(): Artifacts {
  const dir = mkdtempSync(join(tmpdir(), 'cliffless-coverage-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Tiny.sol'), TINY_SOURCE);
  return compileContracts({ contractsDir: dir }).artifacts;
}

export const DEPLOYER = '0x000000000000000000000000000000000000de91';

/** Deploys Tiny on a fresh chain; `attach` runs before the deployment (a recorder). */
export async function deployTiny(
  artifacts: Artifacts,
  attach?: (chain: Chain) => void,
): Promise<{ chain: Chain; add: (x: bigint) => Promise<void> }> {
  const chain = await createChain({ timestamp: 1_700_000_000n });
  attach?.(chain);
  const artifact = getArtifact(artifacts, 'Tiny');
  const { address } = await deployContract(chain, DEPLOYER, artifact);
  const add = async (x: bigint) => {
    const data = encodeFunctionData({ abi: artifact.abi, functionName: 'add', args: [x] } as never);
    const result = await call(chain, { from: DEPLOYER, to: address, data: hexToBytes(data) });
    if (!result.success) throw new Error(`add(${x}) failed: ${result.exception}`);
  };
  return { chain, add };
}
