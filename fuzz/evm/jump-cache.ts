import { interpreterInternals } from './ethereumjs-internals.ts';

type Analysis = unknown;
interface InterpreterLike {
  _evm: { _opcodeMap: object };
}

let installed = false;

/**
 * Memoises the interpreter's jump-destination analysis per contract code.
 *
 * `@ethereumjs/evm` re-analyses a contract's whole bytecode — every byte, with a bigint per PUSH —
 * each time a frame starts executing it, so a split (six frames over 18 KB of code) redoes the
 * same work every call. The analysis is a pure function of the code bytes and the EVM's opcode
 * table, and its result is only read, so it is cached in a WeakMap keyed by the opcode table and
 * the code array itself (the state hands out the same array for a contract's code every time).
 * Idempotent; affects every EVM in the process alike.
 */
export function installJumpAnalysisCache(): void {
  if (installed) return;
  const prototype = interpreterInternals();
  installed = true;
  const analyse = prototype._getValidJumpDestinations;
  const byTable = new WeakMap<object, WeakMap<Uint8Array, Analysis>>();
  prototype._getValidJumpDestinations = function (this: InterpreterLike, code: Uint8Array): Analysis {
    const table = this._evm._opcodeMap;
    let cache = byTable.get(table);
    if (cache === undefined) {
      cache = new WeakMap();
      byTable.set(table, cache);
    }
    let result = cache.get(code);
    if (result === undefined) {
      result = analyse.call(this, code);
      cache.set(code, result);
    }
    return result;
  };
}
