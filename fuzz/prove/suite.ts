import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../compile/compile.ts';
import { withExactMulDiv } from './exact-mul-div.ts';
import type { Engine } from './smtchecker.ts';

/** The payout library's unit name: the harness imports it, a variant replaces it. */
export const PAYOUT_MATH_UNIT = 'contracts/libraries/PayoutMath.sol';
/** The harness that states M3 and M4 as asserts over the payout library. */
export const PAYOUT_HARNESS_UNIT = 'fuzz/prove/harness/PayoutMathProperties.sol';

/** One checker run: a harness contract, the library as compiled, and an engine. */
export interface ProofJob {
  /** Short name shown in the report, e.g. `payout-math/bmc`. */
  name: string;
  /** What the run establishes when an assert is proved: the library form and the engine's bound. */
  scope: string;
  engine: Engine;
  /** Units compiled from memory (the harness, and the library as this job sees it). */
  sources: Record<string, string>;
  contracts: Record<string, string[]>;
}

/**
 * The proof jobs for the payout library (the real file, or a variant's text):
 * - `payout-math/bmc`: the library exactly as deployed. OpenZeppelin's mulDiv is inline assembly,
 *   which the checker treats as an unknown value, so only what holds whatever mulDiv returns can
 *   be proved (the `x <= S` branch of M4).
 * - `payout-math/exact/bmc` and `/chc`: mulDiv replaced by checked `a * b / c` (see
 *   {@link withExactMulDiv}); a proof there covers every input whose products fit in 256 bits.
 */
export function payoutMathJobs(librarySource?: string, projectRoot: string = PROJECT_ROOT): ProofJob[] {
  const library = librarySource ?? readFileSync(join(projectRoot, PAYOUT_MATH_UNIT), 'utf8');
  const harness = readFileSync(join(projectRoot, PAYOUT_HARNESS_UNIT), 'utf8');
  const contracts = { [PAYOUT_HARNESS_UNIT]: ['PayoutMathProperties'] };
  const exact = { [PAYOUT_HARNESS_UNIT]: harness, [PAYOUT_MATH_UNIT]: withExactMulDiv(library) };
  return [
    {
      name: 'payout-math/bmc',
      scope: 'library as deployed (mulDiv opaque), all uint256 inputs',
      engine: 'bmc',
      sources: { [PAYOUT_HARNESS_UNIT]: harness, [PAYOUT_MATH_UNIT]: library },
      contracts,
    },
    {
      name: 'payout-math/exact/bmc',
      scope: 'mulDiv as exact a*b/c, inputs with products < 2^256',
      engine: 'bmc',
      sources: exact,
      contracts,
    },
    {
      name: 'payout-math/exact/chc',
      scope: 'mulDiv as exact a*b/c, inputs with products < 2^256',
      engine: 'chc',
      sources: exact,
      contracts,
    },
  ];
}
