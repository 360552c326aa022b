import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fuzz/compile/compile.ts';
import { withExactMulDiv } from './exact-mul-div.ts';
import { oracleSourceForChecker } from './oracle-source.ts';
import type { Engine } from './smtchecker.ts';

/** The payout library's unit name: the harness imports it, a variant replaces it. */
export const PAYOUT_MATH_UNIT = 'contracts/libraries/PayoutMath.sol';
/** The harness that states M3 and M4 as asserts over the payout library. */
export const PAYOUT_HARNESS_UNIT = 'prove/harness/PayoutMathProperties.sol';

/** The oracle's unit name: the harness inherits it, a variant replaces it. */
export const SLOW_ORACLE_UNIT = 'contracts/SlowOracle.sol';
/** The harness that states O1, O2, O3 and the arbitration rules as asserts around the oracle's functions. */
export const ORACLE_HARNESS_UNIT = 'prove/harness/SlowOracleProperties.sol';

/** OpenZeppelin units the oracle checks compile as plain-Solidity stand-ins (see each file's header). */
const OZ_STANDINS: Record<string, string> = {
  'node_modules/@openzeppelin/contracts/utils/math/Math.sol': 'Math.sol',
  'node_modules/@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol': 'SafeERC20.sol',
  'node_modules/@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol': 'ReentrancyGuardTransient.sol',
};

/** The suites `cliffless prove --suite` selects from. */
export const SUITES = ['payout-math', 'slow-oracle'] as const;
export type Suite = (typeof SUITES)[number];

/** BMC unrolls the oracle's one loop (the bond credits in _finalize) this often: proofs about finalize and arbitrate cover questions with at most this many answers. */
export const ORACLE_LOOP_BOUND = 3;

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
  /** BMC only: loop unrolling (see {@link ORACLE_LOOP_BOUND}); solc's default 1 when absent. */
  bmcLoopIterations?: number;
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

/**
 * The proof jobs for the oracle (the real file, or a variant's text), on the view of its source
 * that {@link oracleSourceForChecker} builds and with OpenZeppelin's Math, SafeERC20 and transient
 * reentrancy guard replaced by the plain-Solidity stand-ins in prove/harness/oz-standins:
 * - `slow-oracle/bmc`: each wrapper of the harness from an arbitrary storage state; loops unrolled
 *   {@link ORACLE_LOOP_BOUND} times.
 * - `slow-oracle/chc`: the same asserts over every reachable state and call sequence (unbounded),
 *   but z3 answers none of its queries within minutes: it is there for `--engine chc|all`.
 */
export function slowOracleJobs(oracleSource?: string, projectRoot: string = PROJECT_ROOT): ProofJob[] {
  const oracle = oracleSource ?? readFileSync(join(projectRoot, SLOW_ORACLE_UNIT), 'utf8');
  const sources: Record<string, string> = {
    [ORACLE_HARNESS_UNIT]: readFileSync(join(projectRoot, ORACLE_HARNESS_UNIT), 'utf8'),
    [SLOW_ORACLE_UNIT]: oracleSourceForChecker(oracle),
  };
  for (const [unit, file] of Object.entries(OZ_STANDINS)) {
    sources[unit] = readFileSync(join(projectRoot, 'prove/harness/oz-standins', file), 'utf8');
  }
  const contracts = { [ORACLE_HARNESS_UNIT]: ['SlowOracleProperties'] };
  return [
    {
      name: 'slow-oracle/bmc',
      scope: `oracle's own code, any storage state, loops unrolled ${ORACLE_LOOP_BOUND}x`,
      engine: 'bmc',
      sources,
      contracts,
      bmcLoopIterations: ORACLE_LOOP_BOUND,
    },
    {
      name: 'slow-oracle/chc',
      scope: "oracle's own code, every reachable state, unbounded",
      engine: 'chc',
      sources,
      contracts,
    },
  ];
}
