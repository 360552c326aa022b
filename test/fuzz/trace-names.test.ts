import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENS } from '../../fuzz/evm/world.ts';
import { ACTOR_NAMES, NameBook, STATIC_TRACE_NAMES } from '../../fuzz/trace/names.ts';
import type { Address } from '../../reference/primitives.ts';
import type { WorldSetup } from '../../reference/setup.ts';

/** A setup of the default world's shape; the addresses are placeholders (names do not depend on them). */
function defaultShapedSetup(tokens = DEFAULT_TOKENS): WorldSetup {
  const at = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
  const setupTokens = tokens.map((t, i) => ({
    address: at(0x1000 + i),
    kind: t.kind,
    decimals: t.decimals,
    name: '',
    symbol: '',
  }));
  const actors = ACTOR_NAMES.map((_, i) => at(0x2000 + i));
  return {
    timestamp: 0n,
    market: at(1),
    oracle: {
      address: at(2),
      bondToken: setupTokens[0]?.address ?? at(3),
      minBond: 1n,
      liveness: 1n,
      arbitrationTimeout: 1n,
      arbitrator: at(4),
    },
    tokens: setupTokens,
    actors,
    balances: {},
  };
}

/**
 * The parser and the schema accept the names in STATIC_TRACE_NAMES; this fails when a token added to
 * the default world gets a trace name they would refuse (so no trace of it could be read back).
 */
describe('trace names of the default world', () => {
  it('are all among the names the parser and the schema accept', () => {
    const accepted = new Set<string>([...STATIC_TRACE_NAMES, ...ACTOR_NAMES]);
    const unknown = new NameBook(defaultShapedSetup()).names().filter((n) => !accepted.has(n));
    expect(unknown).toEqual([]);
  });

  it('catches a token whose name is not listed (the check can fail)', () => {
    const extra = [...DEFAULT_TOKENS, { kind: 'plain' as const, decimals: 7 }];
    const accepted = new Set<string>([...STATIC_TRACE_NAMES, ...ACTOR_NAMES]);
    const unknown = new NameBook(defaultShapedSetup(extra)).names().filter((n) => !accepted.has(n));
    expect(unknown).toEqual(['DEC7']);
  });
});
