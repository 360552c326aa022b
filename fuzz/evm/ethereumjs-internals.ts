import { readFileSync } from 'node:fs';
import type { EVM } from '@ethereumjs/evm';
// The interpreter is not exported by @ethereumjs/evm's entry point; this file path is the same
// module the package loads (dist/esm), so patching its prototype patches the EVM in use.
import { Interpreter } from '../../node_modules/@ethereumjs/evm/dist/esm/interpreter.js';
import { CliflessError } from '../errors.ts';

/**
 * The one place that reaches into @ethereumjs/evm's private members. Two speed-ups depend on them:
 * the jump-analysis cache (fuzz/evm/jump-cache.ts) wraps `Interpreter#_getValidJumpDestinations`
 * and reads `this._evm._opcodeMap`; the coverage recorder (fuzz/coverage/recorder.ts) swaps the
 * JUMPDEST and JUMPI entries' `opHandler` in `EVM#_opcodeMap` and wraps `EVM#runInterpreter`.
 * None of these is public API, so an upgrade may rename them: every accessor checks that what it
 * touches exists and fails with a message naming the installed version instead of misbehaving.
 */

const JUMPI = 0x57;
const JUMPDEST = 0x5b;

/** The slice of the interpreter's run state an opcode handler sees. */
export interface RunState {
  programCounter: number;
  code: Uint8Array;
  stack: { peek(n: number): bigint[] };
}
/** An opcode handler as the EVM's opcode table holds it. */
export type OpHandler = (runState: RunState, common: unknown) => void;
/** One entry of the EVM's opcode table. */
export interface OpcodeEntry {
  opHandler: OpHandler;
}
/** The private members of an EVM instance that the coverage recorder hooks. */
export interface EvmInternals {
  _opcodeMap: OpcodeEntry[];
  runInterpreter(message: { code?: unknown }, opts?: { pc?: number }): Promise<unknown>;
}
/** The private members of the interpreter that the jump-analysis cache wraps. */
export interface InterpreterInternals {
  _getValidJumpDestinations(this: { _evm: { _opcodeMap: object } }, code: Uint8Array): unknown;
}

function readVersion(url: URL): string {
  try {
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The version of @ethereumjs/evm installed in node_modules. */
export function installedEthereumjsVersion(): string {
  return readVersion(new URL('../../node_modules/@ethereumjs/evm/package.json', import.meta.url));
}

function pinnedVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    return pkg.dependencies?.['@ethereumjs/evm'] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Throws unless every check holds: `checks` maps a member's description to whether it is there.
 * The message names the installed @ethereumjs/evm version and what is missing.
 */
export function requireInternals(
  checks: Readonly<Record<string, boolean>>,
  version: string = installedEthereumjsVersion(),
): void {
  const missing = Object.entries(checks)
    .filter(([, present]) => !present)
    .map(([member]) => member);
  if (missing.length === 0) return;
  throw new CliflessError(`@ethereumjs/evm ${version} lacks private members cliffless patches: ${missing.join(', ')}`, {
    details: `cliffless is built against @ethereumjs/evm ${pinnedVersion()} (package.json pins it); run \`npm ci\` to install that version, or port fuzz/evm/ethereumjs-internals.ts to ${version}.`,
  });
}

const isFunction = (value: unknown): boolean => typeof value === 'function';

/** The interpreter's prototype, checked to have the members the jump-analysis cache wraps. */
export function interpreterInternals(
  prototype: object = Interpreter.prototype,
  version?: string,
): InterpreterInternals {
  requireInternals(
    {
      'Interpreter#_getValidJumpDestinations': isFunction(
        (prototype as Partial<InterpreterInternals>)._getValidJumpDestinations,
      ),
    },
    version,
  );
  return prototype as InterpreterInternals;
}

/** An EVM's private members, checked to be those the coverage recorder and the cache use. */
export function evmInternals(evm: EVM | object, version?: string): EvmInternals {
  const candidate = evm as Partial<EvmInternals>;
  const table = candidate._opcodeMap;
  const hasHandler = (op: number): boolean =>
    table !== null && typeof table === 'object' && isFunction((table as Partial<OpcodeEntry>[])[op]?.opHandler);
  requireInternals(
    {
      'EVM#_opcodeMap[JUMPDEST].opHandler': hasHandler(JUMPDEST),
      'EVM#_opcodeMap[JUMPI].opHandler': hasHandler(JUMPI),
      'EVM#runInterpreter': isFunction(candidate.runInterpreter),
    },
    version,
  );
  return evm as EvmInternals;
}

/**
 * Checks at start-up (each new chain) that this @ethereumjs/evm has every private member the
 * harness touches, so a mismatched install fails at once with a clear message.
 */
export function checkEthereumjsInternals(evm: EVM): void {
  interpreterInternals();
  evmInternals(evm);
}
