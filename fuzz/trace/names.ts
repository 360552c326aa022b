import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { ZERO_ADDRESS } from '../../reference/primitives.ts';
import type { TokenKind, WorldSetup } from '../../reference/setup.ts';

/** Names given to actors in order; a world has at most this many. */
export const ACTOR_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
] as const;

/**
 * Every name other than an actor's that a trace may use: the market's parts and the default world's
 * tokens as {@link NameBook} names them. The parser accepts them and the schema's address pattern is
 * built from them (schema.ts), so a token kind added to the world is named in one place.
 */
export const STATIC_TRACE_NAMES: readonly string[] = [
  ...['zero', 'market', 'oracle', 'arbitrator', 'WETH', 'USDC', 'NORET', 'FEE', 'CALLBACK', 'BOND'],
  ...['RFALSE', 'ZEROREV', 'RACE', 'PAUSABLE', 'BLOCKLIST', 'DEC255', 'RAWSYM', 'RAWSYM2', 'RAWSYM3', 'RAWSYM4'],
  ...['REBASING', 'UPGRADABLE', 'U96', 'ZEROAPPROVE', 'SELFFROM', 'MULTI', 'MULTIALT', 'PERMITFB'],
  ...['FLASH', 'NATIVE'],
];

/** Trace names of plain tokens by decimals (others are `DEC<decimals>`). */
const PLAIN_NAMES: Record<number, string> = { 18: 'WETH', 6: 'USDC' };

/** Trace names of the other token kinds; a second token of a kind gets `2`, then `3`, … */
const KIND_NAMES: Record<Exclude<TokenKind, 'plain'>, string> = {
  noReturn: 'NORET',
  feeOnTransfer: 'FEE',
  callback: 'CALLBACK',
  returnsFalse: 'RFALSE',
  zeroRevert: 'ZEROREV',
  approvalRace: 'RACE',
  pausable: 'PAUSABLE',
  blockList: 'BLOCKLIST',
  rawSymbol: 'RAWSYM',
  rebasing: 'REBASING',
  upgradable: 'UPGRADABLE',
  uint96: 'U96',
  zeroApprovalRevert: 'ZEROAPPROVE',
  selfTransferFrom: 'SELFFROM',
  multiEntry: 'MULTI',
  entryPoint: 'MULTIALT',
  permitFallback: 'PERMITFB',
  flashMint: 'FLASH',
  nativeCurrency: 'NATIVE',
};

/**
 * Human names for the addresses and series of one world, both ways: traces are written with names
 * (`alice`, `WETH`, `#0`, `P#0`) and read back to addresses. Series are numbered in the order they
 * were created in the run, so the book grows as a trace executes.
 */
export class NameBook {
  private readonly byName = new Map<string, Address>();
  private readonly byAddress = new Map<Address, string>();
  private readonly seriesIds: Bytes32[] = [];

  constructor(setup: WorldSetup) {
    this.add('zero', ZERO_ADDRESS);
    this.add('market', setup.market);
    this.add('oracle', setup.oracle.address);
    let actorIndex = 0;
    for (const actor of setup.actors) {
      if (actor === setup.oracle.arbitrator) this.add('arbitrator', actor);
      else this.add(ACTOR_NAMES[actorIndex++] ?? `actor${actorIndex}`, actor);
    }
    for (const token of setup.tokens) {
      const base =
        token.address === setup.oracle.bondToken
          ? 'BOND'
          : token.kind === 'plain'
            ? (PLAIN_NAMES[token.decimals] ?? `DEC${token.decimals}`)
            : KIND_NAMES[token.kind];
      let name = base;
      for (let n = 2; this.byName.has(name); n++) name = `${base}${n}`;
      this.add(name, token.address);
    }
  }

  private add(name: string, address: Address): void {
    this.byName.set(name, address);
    if (!this.byAddress.has(address)) this.byAddress.set(address, name);
  }

  /** Records a series created by the run, with its claim tokens, as `#k`, `P#k`, `N#k`. */
  addSeries(seriesId: Bytes32, pToken: Address, nToken: Address): void {
    const k = this.seriesIds.length;
    this.seriesIds.push(seriesId);
    this.add(`P#${k}`, pToken);
    this.add(`N#${k}`, nToken);
  }

  /** The address of a name, or undefined. */
  address(name: string): Address | undefined {
    return this.byName.get(name);
  }

  /** The name of an address, or the address itself when it has none. */
  nameOf(address: Address): string {
    return this.byAddress.get(address) ?? address;
  }

  /** The id of the k-th series created, or undefined. */
  series(k: number): Bytes32 | undefined {
    return this.seriesIds[k];
  }

  /** `#k` for a known series id, or the id itself. */
  seriesName(id: Bytes32): string {
    const k = this.seriesIds.indexOf(id);
    return k === -1 ? id : `#${k}`;
  }

  /** How many series the run has created so far. */
  get seriesCount(): number {
    return this.seriesIds.length;
  }

  /** Every name that resolves to an address (for error messages). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** A copy, so a replay can roll the book back with the world. */
  clone(): NameBook {
    const copy = Object.create(NameBook.prototype) as NameBook;
    Object.assign(copy, {
      byName: new Map(this.byName),
      byAddress: new Map(this.byAddress),
      seriesIds: [...this.seriesIds],
    });
    return copy;
  }
}
