import { type AbiFunction, bytesToHex, encodeFunctionData } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { getArtifact } from '../../fuzz/compile/artifacts.ts';
import { compileContracts } from '../../fuzz/compile/index.ts';
import { call } from '../../fuzz/evm/chain.ts';
import { decodeReturn, encodeCall } from '../../fuzz/evm/codec.ts';
import { ABI_OF, encodeDeclaredCall } from '../../fuzz/evm/encode-action.ts';
import { deployWorld, type EvmHost } from '../../fuzz/evm/index.ts';
import { renderDeclaredCall } from '../../fuzz/export/render-call.ts';
import { SolidityNames } from '../../fuzz/export/solidity-names.ts';
import {
  ACTION_DECLARATIONS,
  type ActionAbiCall,
  type ActionDeclaration,
  type FieldType,
} from '../../reference/actions/declarations.ts';
import type { Address } from '../../reference/primitives.ts';

/**
 * The encoder and the exporter follow each kind's declared ABI call. These tests hold every
 * declaration against the compiled ABI (so a wrong function, argument order or field type fails
 * here, not as a campaign's divergence), and add a kind in a fixture, by its declaration alone,
 * that encodes, runs on the EVM and exports without a line of per-kind code.
 */
const { artifacts } = compileContracts();
const ABI_TYPE: Record<FieldType, string> = {
  address: 'address',
  series: 'bytes32',
  indexId: 'bytes32',
  uint: 'uint256',
  bool: 'bool',
};

/** Why a declaration's ABI call does not fit its fields and the compiled contract; [] when it does. */
function abiProblems(name: string, declaration: ActionDeclaration): string[] {
  const abi = declaration.abi;
  if (abi === undefined) return [];
  const problems: string[] = [];
  const fields = declaration.fields;
  const targetField = typeof abi.target === 'object' ? abi.target.field : undefined;
  if (targetField !== undefined && fields[targetField] !== 'address')
    problems.push(`${name}: target is not an address field`);
  const unused = Object.keys(fields).filter((f) => f !== 'caller' && f !== targetField && !abi.args.includes(f));
  if (unused.length > 0) problems.push(`${name}: fields ${unused.join(', ')} reach no argument`);
  const fn = getArtifact(artifacts, ABI_OF[abi.contract]).abi.find(
    (item): item is AbiFunction => item.type === 'function' && item.name === abi.function,
  );
  if (fn === undefined) return [...problems, `${name}: ${abi.contract} has no ${abi.function}`];
  const want = fn.inputs.map((i) => i.type).join(',');
  const have = abi.args.map((f) => (fields[f] === undefined ? `?${f}` : ABI_TYPE[fields[f]])).join(',');
  if (want !== have) problems.push(`${name}: ${abi.function}(${want}) given (${have})`);
  return problems;
}

describe('declared ABI calls', () => {
  it('fit the compiled contracts: function, argument order and types, every field used', () => {
    const declared = Object.entries(ACTION_DECLARATIONS).filter(([, d]) => 'abi' in d);
    expect(declared.length).toBe(21);
    expect(declared.flatMap(([kind, d]) => abiProblems(kind, d))).toEqual([]);
  });

  it('a wrong declaration is caught (the check can fail)', () => {
    const split = ACTION_DECLARATIONS.split;
    const swapped = { ...split, abi: { ...split.abi, args: ['amount', 'seriesId', 'to'] } };
    expect(abiProblems('split', swapped)).toEqual([
      'split: split(bytes32,uint256,address) given (uint256,bytes32,address)',
    ]);
    const dropped = { ...split, abi: { ...split.abi, args: ['seriesId', 'amount'] } };
    expect(abiProblems('split', dropped)).toContain('split: fields to reach no argument');
  });
});

describe('a kind added by its declaration alone', () => {
  // A read of a token balance: not an action kind of the harness, declared here as one would be.
  const balanceOf = {
    call: 'IERC20.balanceOf(account) on token, called by caller.',
    fields: { caller: 'address', token: 'address', account: 'address' },
    abi: { contract: 'IERC20', function: 'balanceOf', target: { field: 'token' }, args: ['account'] },
  } as const satisfies ActionDeclaration;
  let host: EvmHost;
  let action: { caller: Address; token: Address; account: Address };

  beforeAll(async () => {
    host = await deployWorld(artifacts);
    const [alice, bob] = host.setup.actors as [Address, Address];
    action = { caller: bob, token: host.setup.tokens[0]?.address as Address, account: alice };
  });

  it("encodes to viem's calldata, runs on the EVM, and exports the same call", async () => {
    expect(abiProblems('balanceOf', balanceOf)).toEqual([]);
    const encoded = encodeDeclaredCall(host, balanceOf.abi as ActionAbiCall, action);
    expect(encoded.to).toBe(action.token);
    const data = bytesToHex(encodeCall(encoded.codec, encoded.args));
    const abi = getArtifact(artifacts, 'MockERC20').abi;
    expect(data).toBe(encodeFunctionData({ abi, functionName: 'balanceOf', args: [action.account] }));
    const result = await call(host.chain, {
      from: encoded.caller,
      to: encoded.to,
      data: encodeCall(encoded.codec, encoded.args),
    });
    expect(result.success).toBe(true);
    const [balance] = decodeReturn(encoded.codec, result.returnData);
    expect(typeof balance === 'bigint' && balance > 0n).toBe(true);

    const names = new SolidityNames(host.setup);
    expect(renderDeclaredCall(balanceOf.abi, balanceOf.fields, action, names)).toEqual({
      caller: names.address(action.caller),
      target: names.address(action.token),
      calldata: `abi.encodeCall(IERC20.balanceOf, (${names.address(action.account)}))`,
    });
  });
});
