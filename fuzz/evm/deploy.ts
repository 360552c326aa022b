import { encodeDeployData, type Hex, hexToBytes } from 'viem';
import type { Address } from '../../reference/primitives.ts';
import type { ContractArtifact } from '../compile/artifacts.ts';
import { type CallResult, type Chain, call } from './chain.ts';

/** A deployment that did not produce a contract. */
export class DeploymentError extends Error {
  override readonly name = 'DeploymentError';
  constructor(
    readonly contract: string,
    readonly result: CallResult,
  ) {
    super(
      `deploying ${contract} failed: ${result.exception ?? 'no contract created'} (revert data ${result.returnData})`,
    );
  }
}

/**
 * Deploys `artifact` from `deployer` with ABI-encoded constructor `args`; the address is
 * CREATE(deployer, its nonce), so a fixed deployer and order give fixed addresses.
 *
 * @throws {DeploymentError} when the constructor reverts.
 */
export async function deployContract(
  chain: Chain,
  deployer: Address,
  artifact: ContractArtifact,
  args: readonly unknown[] = [],
): Promise<{ address: Address; result: CallResult }> {
  const data = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args } as never) as Hex;
  const result = await call(chain, { from: deployer, to: undefined, data: hexToBytes(data) });
  if (!result.success || result.createdAddress === undefined) throw new DeploymentError(artifact.contractName, result);
  return { address: result.createdAddress, result };
}
