import fc from 'fast-check';
import { type AbiParameter, encodeAbiParameters, getAddress, hexToBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { compileContracts } from '../../fuzz/compile/index.ts';
import { encodeCall, type FunctionCodec } from '../../fuzz/evm/codec.ts';
import { buildCodecs } from '../../fuzz/evm/codecs.ts';

// encodeCall writes the words of all-static calls itself and leaves the rest to viem: it must give
// viem's bytes for every value, and fail where viem fails.

const codecs = Object.values(buildCodecs(compileContracts().artifacts)).filter(
  (c): c is FunctionCodec => typeof c === 'object' && c.inputs.length > 0,
);

function viemEncode(codec: FunctionCodec, args: readonly unknown[]): Uint8Array {
  return hexToBytes(`${codec.selector}${encodeAbiParameters(codec.inputs, args as never).slice(2)}`);
}

const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => `0x${Buffer.from(b).toString('hex')}`);

function argFor(param: AbiParameter): fc.Arbitrary<unknown> {
  if (param.type === 'address') return hex(20);
  if (param.type === 'bytes32') return hex(32);
  if (param.type === 'bool') return fc.boolean();
  if (param.type === 'bytes') return hex(36);
  const bits = Number(param.type.slice(4) || 256);
  return fc.oneof(fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }), fc.constant((1n << BigInt(bits)) - 1n));
}

describe('encodeCall', () => {
  it("gives viem's calldata for every function the host calls, at random and extreme values", () => {
    expect(codecs.length).toBeGreaterThan(15);
    for (const codec of codecs) {
      fc.assert(
        fc.property(fc.tuple(...codec.inputs.map(argFor)), (args) => {
          expect(encodeCall(codec, args)).toEqual(viemEncode(codec, args));
        }),
        { seed: 7, numRuns: 60 },
      );
    }
  });

  it('leaves checksummed addresses, and values viem rejects, to viem', () => {
    const transfer = codecs.find((c) => c.name === 'transfer') as FunctionCodec;
    const to = getAddress('0x00000000000000000000000000000000000a11ce');
    expect(encodeCall(transfer, [to, 5n])).toEqual(viemEncode(transfer, [to, 5n]));
    expect(() => encodeCall(transfer, [to, 2n ** 256n])).toThrow();
    expect(() => encodeCall(transfer, [to, -1n])).toThrow();
    expect(() => encodeCall(transfer, ['0x0a11ce', 1n])).toThrow();
    expect(() => encodeCall(transfer, [to.replace('0x0', '0x1').replace(/a/g, 'A'), 1n])).toThrow();
  });
});
