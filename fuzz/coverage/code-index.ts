import { hexToBytes } from 'viem';
import type { Artifacts } from '../compile/artifacts.ts';
import type { CodeKind } from './program.ts';

/** Which compiled contract a piece of code is, and whether it is that contract's runtime or creation code. */
export interface CodeIdentity {
  /** `source:Name`, the key of `Artifacts.contracts`. */
  contract: string;
  kind: CodeKind;
  /** Length of the artifact's code: pcs at or past it are not the contract's instructions. */
  length: number;
}

interface Known {
  identity: CodeIdentity;
  bytes: Uint8Array;
  /** Byte ranges written at deployment (immutables), skipped when comparing runtime code. */
  holes: { start: number; length: number }[];
}

/**
 * Recognises executed code as a compiled contract by its bytes: runtime code equals the artifact's
 * deployed bytecode outside the immutables' slots (so every ClaimToken, whatever its market and
 * decimals, is ClaimToken); creation code starts with the artifact's creation bytecode (the
 * constructor arguments follow).
 */
export class CodeIndex {
  private readonly runtime = new Map<number, Known[]>();
  private readonly creation: Known[] = [];

  constructor(artifacts: Artifacts) {
    for (const [contract, artifact] of Object.entries(artifacts.contracts).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const deployed = hexToBytes(artifact.deployedBytecode);
      if (deployed.length === 0) continue;
      const holes = Object.values(artifact.immutableReferences).flat();
      const known: Known = { identity: { contract, kind: 'runtime', length: deployed.length }, bytes: deployed, holes };
      this.runtime.set(deployed.length, [...(this.runtime.get(deployed.length) ?? []), known]);
      const creation = hexToBytes(artifact.bytecode);
      this.creation.push({
        identity: { contract, kind: 'creation', length: creation.length },
        bytes: creation,
        holes: [],
      });
    }
    // Longest first: a creation code that is a prefix of another's must not win.
    this.creation.sort((a, b) => b.bytes.length - a.bytes.length);
  }

  /** The contract `code` belongs to, or undefined for code no artifact produced. */
  identify(code: Uint8Array): CodeIdentity | undefined {
    for (const known of this.runtime.get(code.length) ?? []) if (matches(code, known)) return known.identity;
    for (const known of this.creation)
      if (code.length >= known.bytes.length && matches(code, known)) return known.identity;
    return undefined;
  }
}

function matches(code: Uint8Array, known: Known): boolean {
  let hole = 0;
  const holes = [...known.holes].sort((a, b) => a.start - b.start);
  for (let i = 0; i < known.bytes.length; i++) {
    const current = holes[hole];
    if (current !== undefined && i >= current.start) {
      if (i < current.start + current.length) continue;
      hole++;
    }
    if (code[i] !== known.bytes[i]) return false;
  }
  return true;
}
