import type { AbiValue, RevertError } from './outcome.ts';

/**
 * Base of every error the model throws. Reverts are not errors of the model: `execute` turns them
 * into `{ ok: false }` outcomes. What escapes `execute` or `createWorld` is a misuse of the API.
 */
export class ModelError extends Error {
  /** The one-line summary, without details. */
  readonly shortMessage: string;
  /** What was wrong and where (a field, an address), for the person reading the failure. */
  readonly details: string;

  constructor(shortMessage: string, details: string) {
    super(`${shortMessage}\n${details}`);
    this.name = 'ModelError';
    this.shortMessage = shortMessage;
    this.details = details;
  }
}

/** A malformed setup or action: an unknown kind, a bad address, an amount outside uint256, … */
export class ModelInputError extends ModelError {
  constructor(shortMessage: string, details: string) {
    super(shortMessage, details);
    this.name = 'ModelInputError';
  }
}

/**
 * A well-formed call that the model deliberately does not simulate because the EVM would run code
 * the model has no twin of (for example a series whose collateral is the market itself, which the
 * EVM reverts with empty data). Generators should not produce these.
 */
export class ModelUnsupportedError extends ModelError {
  constructor(shortMessage: string, details: string) {
    super(shortMessage, details);
    this.name = 'ModelUnsupportedError';
  }
}

/**
 * A contract revert while the model runs an action. Internal control flow: `execute` catches it and
 * reports `revert` as the outcome. `name` is the Solidity error's name, as the style guide asks.
 */
export class ContractRevert extends Error {
  readonly revert: RevertError;

  constructor(name: string, args: AbiValue[]) {
    // Reverts are ordinary control flow here (most fuzzed actions revert): skip the stack trace,
    // which would cost more than the whole action.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${name}(${args.map(String).join(', ')})`);
    Error.stackTraceLimit = limit;
    this.name = name;
    this.revert = { name, args };
  }
}

/** Solidity's panic code for arithmetic overflow or underflow in checked arithmetic. */
export const PANIC_OVERFLOW = 0x11n;

/** Reverts with the Solidity custom error `name(args…)`. */
export function revert(name: string, ...args: AbiValue[]): never {
  throw new ContractRevert(name, args);
}
