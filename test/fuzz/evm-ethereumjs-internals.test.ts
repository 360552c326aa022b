import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CliflessError } from '../../fuzz/errors.ts';
import { createChain } from '../../fuzz/evm/chain.ts';
import { evmInternals, installedEthereumjsVersion, interpreterInternals } from '../../fuzz/evm/ethereumjs-internals.ts';

/**
 * The ethereumjs patches check at start-up that the private members they touch exist; an
 * @ethereumjs/evm without them fails with a message naming its version, not with a wrong result.
 */
describe('ethereumjs internals', () => {
  it('reads the installed version, the one package.json pins', () => {
    const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies[
      '@ethereumjs/evm'
    ];
    expect(installedEthereumjsVersion()).toBe(pinned);
  });

  it('accepts the installed EVM and interpreter (a chain starts)', async () => {
    const chain = await createChain({ timestamp: 1n });
    expect(() => evmInternals(chain.evm)).not.toThrow();
    expect(() => interpreterInternals()).not.toThrow();
  });

  it('names the version and each missing member when an EVM lacks them', async () => {
    const chain = await createChain({ timestamp: 1n });
    // An EVM whose opcode table was renamed and whose runInterpreter is gone, as an upgrade might do.
    const renamed = {
      ...chain.evm,
      _opcodeMap: undefined,
      opcodeMap: chain.evm['_opcodeMap' as keyof typeof chain.evm],
    };
    Object.setPrototypeOf(renamed, null);
    let thrown: unknown;
    try {
      evmInternals(renamed, '11.0.0');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliflessError);
    const error = thrown as CliflessError;
    expect(error.message).toBe(
      '@ethereumjs/evm 11.0.0 lacks private members cliffless patches: EVM#_opcodeMap[JUMPDEST].opHandler, EVM#_opcodeMap[JUMPI].opHandler, EVM#runInterpreter',
    );
    expect(error.details).toContain('built against @ethereumjs/evm 10.1.3');
    expect(error.exitCode).toBe(2);
  });

  it('names the version when the interpreter lacks the jump analysis', () => {
    expect(() => interpreterInternals({ getValidJumpDestinations() {} }, '11.0.0')).toThrow(
      '@ethereumjs/evm 11.0.0 lacks private members cliffless patches: Interpreter#_getValidJumpDestinations',
    );
  });
});
