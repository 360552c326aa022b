import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeAbiParameters, getContractAddress, keccak256 } from 'viem';
import { describe, expect, test } from 'vitest';
import { claimTokenAddresses, createAddress, seriesIdOf } from '../../reference/ids.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, WAD } from '../../reference/primitives.ts';
import { bigEndian, encodeRlp } from '../../reference/rlp.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => bytesToHex(b);

describe('RLP (Yellow Paper appendix B vectors)', () => {
  test('byte strings', () => {
    expect(hex(encodeRlp(utf8('dog')))).toBe('83646f67');
    expect(hex(encodeRlp(new Uint8Array()))).toBe('80');
    expect(hex(encodeRlp(Uint8Array.of(0x0f)))).toBe('0f');
    expect(hex(encodeRlp(Uint8Array.of(0x80)))).toBe('8180');
    const lorem = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit';
    expect(hex(encodeRlp(utf8(lorem)))).toBe(`b838${hex(utf8(lorem))}`);
  });
  test('lists', () => {
    expect(hex(encodeRlp([utf8('cat'), utf8('dog')]))).toBe('c88363617483646f67');
    expect(hex(encodeRlp([]))).toBe('c0');
    expect(hex(encodeRlp([[], [[]], [[], [[]]]]))).toBe('c7c0c1c0c3c0c1c0');
  });
  test('integers', () => {
    expect(hex(encodeRlp(bigEndian(0n)))).toBe('80');
    expect(hex(encodeRlp(bigEndian(15n)))).toBe('0f');
    expect(hex(encodeRlp(bigEndian(1024n)))).toBe('820400');
    expect(() => bigEndian(-1n)).toThrow(RangeError);
  });
});

describe('CREATE addresses, Differential against viem', () => {
  const deployers: Address[] = [
    '0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0',
    '0x0000000000000000000000000000000000001000',
    '0xffffffffffffffffffffffffffffffffffffffff',
  ];
  test.each(deployers)('deployer %s, nonces 0, 1, 2, 127, 128, 255, 256, 2^32, 2^64 − 1', (from) => {
    for (const nonce of [0n, 1n, 2n, 127n, 128n, 255n, 256n, 1n << 32n, (1n << 64n) - 1n]) {
      expect(createAddress(from, nonce), `nonce ${nonce}`).toBe(getContractAddress({ from, nonce }).toLowerCase());
    }
  });
  test('a known vector: 0x6ac7…dbf0 at nonce 0 and 1', () => {
    expect(createAddress('0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0', 0n)).toBe(
      '0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d',
    );
    expect(createAddress('0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0', 1n)).toBe(
      '0x343c43a37d37dff08ae8c4a11544c718abb4fcf8',
    );
  });
  test('series k has P at nonce 1 + 2k and N at 2 + 2k', () => {
    const market: Address = '0x0000000000000000000000000000000000001000';
    for (const k of [0, 1, 5, 100]) {
      const { pToken, nToken } = claimTokenAddresses(market, k);
      expect(pToken).toBe(getContractAddress({ from: market, nonce: BigInt(1 + 2 * k) }).toLowerCase());
      expect(nToken).toBe(getContractAddress({ from: market, nonce: BigInt(2 + 2 * k) }).toLowerCase());
    }
  });
});

describe('seriesIdOf, Differential against viem', () => {
  const cases: [Address, Address, Bytes32, bigint, bigint][] = [
    [
      '0x0000000000000000000000000000000000003001',
      '0x0000000000000000000000000000000000002000',
      `0x${'11'.repeat(32)}`,
      2_000n * WAD,
      1_604_800n,
    ],
    [
      '0xffffffffffffffffffffffffffffffffffffffff',
      '0x0000000000000000000000000000000000000001',
      `0x${'00'.repeat(32)}`,
      1n,
      0n,
    ],
    [
      '0xabcdefabcdefabcdefabcdefabcdefabcdefabcd',
      '0x1234567890123456789012345678901234567890',
      `0x${'ff'.repeat(32)}`,
      MAX_UINT256,
      MAX_UINT256,
    ],
  ];
  test.each(cases)('%s / %s / %s / %s / %s', (collateral, oracle, indexId, strike, expiry) => {
    const expected = keccak256(
      encodeAbiParameters(
        [{ type: 'address' }, { type: 'address' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'uint256' }],
        [collateral, oracle, indexId, strike, expiry],
      ),
    );
    expect(seriesIdOf(collateral, oracle, indexId, strike, expiry)).toBe(expected);
  });
});
