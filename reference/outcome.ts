import type { Address } from './primitives.ts';

/** A decoded argument value: uints as bigint, addresses and bytes32 as lowercase hex, bools. */
export type AbiValue = bigint | string | boolean;

/**
 * One emitted log, decoded. `args` are keyed by the Solidity parameter names of the event.
 * `address` is the emitting contract; logs appear in emission order.
 */
export interface EventLog {
  address: Address;
  name: string;
  args: Record<string, AbiValue>;
}

/**
 * A revert, decoded. `name` is the Solidity custom error's name (`Panic` with the code for a
 * panic, `Error` with the message for a string reason); `args` are positional.
 */
export interface RevertError {
  name: string;
  args: AbiValue[];
}

/** What an action did: success with its return values and logs, or a revert. */
export type Outcome = { ok: true; returns: AbiValue[]; events: EventLog[] } | { ok: false; error: RevertError };
