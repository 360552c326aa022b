import fc from 'fast-check';
import { type AbiParameter, decodeAbiParameters, encodeAbiParameters, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildRegistry, decodeRevert } from '../../fuzz/evm/index.ts';
import { normalizeValues } from '../../fuzz/evm/normalize.ts';
import { decodeParams } from '../../fuzz/evm/words.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? 0x636c6966 : Number(process.env.FUZZ_SEED);

const int = (bits: number, signed: boolean) =>
  signed
    ? fc.bigInt(-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n)
    : fc.bigInt(0n, (1n << BigInt(bits)) - 1n);
const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => `0x${Buffer.from(b).toString('hex')}`);

/** A static ABI type and a value of it. */
const typed: fc.Arbitrary<[AbiParameter, unknown]> = fc.oneof(
  fc
    .constantFrom(8, 48, 64, 256)
    .chain((bits) => int(bits, false).map((v) => [{ type: `uint${bits}` }, v] as [AbiParameter, unknown])),
  fc
    .constantFrom(8, 64, 256)
    .chain((bits) => int(bits, true).map((v) => [{ type: `int${bits}` }, v] as [AbiParameter, unknown])),
  hex(20).map((v) => [{ type: 'address' }, v] as [AbiParameter, unknown]),
  fc.boolean().map((v) => [{ type: 'bool' }, v] as [AbiParameter, unknown]),
  fc.constantFrom(1, 4, 32).chain((n) => hex(n).map((v) => [{ type: `bytes${n}` }, v] as [AbiParameter, unknown])),
);

describe('word decoding (Differential against viem)', () => {
  it('decodes every static type exactly as viem then normalisation does', () => {
    fc.assert(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 6 }), (pairs) => {
        const params = pairs.map(([p]) => p);
        const data = encodeAbiParameters(params, pairs.map(([, v]) => v) as never);
        const viem = normalizeValues(params, decodeAbiParameters(params, data) as readonly unknown[]);
        expect(decodeParams(params, data)).toEqual(viem);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('falls back to viem for dynamic types, and reports unknown or malformed reverts raw', () => {
    const params: AbiParameter[] = [{ type: 'string' }, { type: 'uint256' }];
    expect(decodeParams(params, encodeAbiParameters(params, ['hé', 7n]))).toEqual(['hé', 7n]);
    const registry = buildRegistry([
      [
        {
          type: 'error',
          name: 'Oops',
          inputs: [
            { name: 'who', type: 'address' },
            { name: 'n', type: 'int8' },
          ],
        },
      ],
    ]);
    const selector = toFunctionSelector('Oops(address,int8)');
    const who = '0x00000000000000000000000000000000000000ab';
    const body = encodeAbiParameters([{ type: 'address' }, { type: 'int8' }], [who, -3]).slice(2);
    expect(decodeRevert(registry, `${selector}${body}`)).toEqual({ name: 'Oops', args: [who, -3n] });
    expect(decodeRevert(registry, `${selector}00`)).toEqual({ name: 'UnknownRevert', args: [`${selector}00`] });
    expect(decodeRevert(registry, '0xdeadbeef')).toEqual({ name: 'UnknownRevert', args: ['0xdeadbeef'] });
    const panic = `0x4e487b71${encodeAbiParameters([{ type: 'uint256' }], [0x11n]).slice(2)}` as const;
    expect(decodeRevert(registry, panic)).toEqual({ name: 'Panic', args: [0x11n] });
  });
});
