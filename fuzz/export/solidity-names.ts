import { getAddress } from 'viem';
import type { AbiValue } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { MAX_UINT256, ZERO_ADDRESS } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';
import { ARTIFACT_OF } from '../evm/world.ts';
import { NameBook } from '../trace/names.ts';
import { formatIndexId } from '../trace/values.ts';

/** One token of the world as the generated test declares it. */
export interface SolidityToken {
  variable: string;
  contract: (typeof ARTIFACT_OF)[keyof typeof ARTIFACT_OF];
  label: string;
  /** The world's `name()` and `symbol()` (a collateral's symbol names its claim tokens). */
  name: string;
  symbol: string;
  /** RawSymbolToken only: the raw `symbol()` return data its constructor takes. */
  symbolData?: `0x${string}`;
  /** TokenEntryPoint only: the variable of the MultiEntryToken that deploys it. */
  ledger?: string;
  decimals: number;
  address: Address;
}

/** One actor (or the arbitrator) as a constant of the generated test. */
export interface SolidityActor {
  constant: string;
  address: Address;
}

/**
 * Maps the model's values to Solidity expressions of the generated test. Contract addresses differ
 * between the harness's world and forge's (forge deploys from the test contract), so tokens, the
 * oracle and the market are variables, and series ids and claim tokens are read back from the
 * market as the test runs (`seriesIds[k]`, `pTokens[k]`, `nTokens[k]`). Actors keep their
 * addresses as constants: they are plain accounts that forge can prank.
 */
export class SolidityNames {
  readonly tokens: SolidityToken[];
  readonly actors: SolidityActor[];
  private readonly addresses = new Map<Address, string>();
  private readonly series: Bytes32[] = [];
  /** ASCII index ids used so far, as `bytes32 internal constant` declarations (no cast to lint). */
  readonly indexConstants = new Map<string, string>();

  constructor(setup: WorldSetup) {
    const book = new NameBook(setup);
    this.tokens = setup.tokens.map((t) => {
      const label = book.nameOf(t.address);
      return {
        ...(t.ledger === undefined ? {} : { ledger: book.nameOf(t.ledger).toLowerCase() }),
        variable: label.toLowerCase(),
        contract: ARTIFACT_OF[t.kind],
        label,
        name: t.name,
        symbol: t.symbol,
        ...(t.symbolData === undefined ? {} : { symbolData: t.symbolData }),
        decimals: t.decimals,
        address: t.address,
      };
    });
    this.actors = setup.actors.map((a) => ({ constant: book.nameOf(a).toUpperCase(), address: a }));
    this.addresses.set(ZERO_ADDRESS, 'address(0)');
    for (const actor of this.actors) this.addresses.set(actor.address, actor.constant);
    for (const token of this.tokens) this.addresses.set(token.address, `address(${token.variable})`);
    this.addresses.set(setup.oracle.address, 'address(oracle)');
    this.addresses.set(setup.market, 'address(market)');
  }

  /** Records the k-th series the model created, so its id and claim tokens map to read-back values. */
  addSeries(seriesId: Bytes32, pToken: Address, nToken: Address): number {
    const k = this.series.length;
    this.series.push(seriesId);
    this.addresses.set(pToken, `pTokens[${k}]`);
    this.addresses.set(nToken, `nTokens[${k}]`);
    return k;
  }

  /** An address: a name of the world, or a checksummed literal for any other account. */
  address(value: Address): string {
    return this.addresses.get(value.toLowerCase() as Address) ?? getAddress(value);
  }

  /** A 32-byte word: a series read back from the market, an ASCII index name, or a hex literal. */
  bytes32(value: Bytes32): string {
    const k = this.series.indexOf(value.toLowerCase() as Bytes32);
    if (k !== -1) return `seriesIds[${k}]`;
    const name = formatIndexId(value);
    if (name !== value && /^[\x20-\x7e]+$/.test(name)) return this.indexConstant(name);
    return `bytes32(${value.toLowerCase()})`;
  }

  private indexConstant(name: string): string {
    const known = this.indexConstants.get(name);
    if (known !== undefined) return known;
    const base = `INDEX_${name
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')}`;
    let constant = base;
    const taken = new Set(this.indexConstants.values());
    for (let n = 2; taken.has(constant); n++) constant = `${base}_${n}`;
    this.indexConstants.set(name, constant);
    return constant;
  }

  /** A decoded value; `typed` wraps integer literals so `abi.encode` gives them 32 bytes. */
  value(value: AbiValue, typed = true, type = 'uint256'): string {
    if (typeof value === 'bigint') return uintLiteral(value, typed, type);
    if (typeof value === 'boolean') return String(value);
    if (/^0x[0-9a-fA-F]{40}$/.test(value)) return this.address(value as Address);
    if (/^0x[0-9a-fA-F]{64}$/.test(value)) return this.bytes32(value as Bytes32);
    return typed ? `string(${stringLiteral(value)})` : stringLiteral(value);
  }
}

/** An unsigned integer literal: `type(uint256).max`, or decimal (wrapped in its type when `typed`). */
export function uintLiteral(value: bigint, typed: boolean, type = 'uint256'): string {
  if (value === MAX_UINT256 && type === 'uint256') return 'type(uint256).max';
  const digits = value.toString();
  return typed ? `${type}(${digits})` : digits;
}

/** A Solidity string literal (ASCII; anything else as a unicode literal). */
export function stringLiteral(text: string): string {
  const escaped = [...text]
    .map((c) => {
      if (c === '"' || c === '\\') return `\\${c}`;
      const code = c.codePointAt(0) as number;
      if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
      return c;
    })
    .join('');
  return [...text].every((c) => (c.codePointAt(0) as number) < 0x80) ? `"${escaped}"` : `unicode"${escaped}"`;
}
