import type { Abi, AbiEvent, AbiParameter } from 'viem';
import type { Artifacts } from '../compile/index.ts';

type AbiError = Extract<Abi[number], { type: 'error' }>;

/** `Name(type,type)`: the canonical signature solc hashes for selectors and event topics. */
export function signatureOf(item: { name: string; inputs: readonly AbiParameter[] }): string {
  return `${item.name}(${item.inputs.map(canonicalType).join(',')})`;
}

function canonicalType(param: AbiParameter): string {
  if (!param.type.startsWith('tuple')) return param.type;
  const components = 'components' in param ? (param.components as readonly AbiParameter[]) : [];
  return `(${components.map(canonicalType).join(',')})${param.type.slice('tuple'.length)}`;
}

/**
 * Finds the ABI entries of the errors and events a model outcome names, across every compiled
 * contract (the market, the oracle, the claim and mock tokens, OpenZeppelin's errors), and which
 * interface declares an error so the generated test can write `ISplitMarket.ZeroAmount.selector`.
 */
export class AbiLookup {
  private readonly errors = new Map<string, { error: AbiError; declaredIn: string[] }>();
  private readonly events: AbiEvent[] = [];

  constructor(artifacts: Artifacts) {
    for (const contract of Object.values(artifacts.contracts)) {
      for (const item of contract.abi) {
        if (item.type === 'error') {
          const key = `${item.name}/${item.inputs.length}`;
          const known = this.errors.get(key) ?? { error: item, declaredIn: [] };
          known.declaredIn.push(contract.contractName);
          this.errors.set(key, known);
        } else if (item.type === 'event' && !this.events.some((e) => signatureOf(e) === signatureOf(item))) {
          this.events.push(item);
        }
      }
    }
  }

  /** The error with this name and argument count, and the contracts whose ABI has it. */
  error(name: string, argCount: number): { error: AbiError; declaredIn: string[] } | undefined {
    return this.errors.get(`${name}/${argCount}`);
  }

  /** The event with this name whose parameter names are exactly `argNames`. */
  event(name: string, argNames: readonly string[]): AbiEvent | undefined {
    return this.events.find(
      (e) =>
        e.name === name &&
        e.inputs.length === argNames.length &&
        e.inputs.every((input) => input.name !== undefined && argNames.includes(input.name)),
    );
  }
}
