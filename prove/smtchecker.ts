import { join } from 'node:path';
import { PROJECT_ROOT } from '../fuzz/compile/compile.ts';
import { REMAPPINGS } from '../fuzz/compile/settings.ts';
import { loadSolc } from '../fuzz/compile/solc.ts';
import { readUnit, type SourceLayout } from '../fuzz/compile/sources.ts';
import { Z3Bridge } from './z3-bridge.ts';

/** solc's model-checking engines: CHC proves for every input and call sequence, BMC is bounded. */
export type Engine = 'chc' | 'bmc';

/** What the checker concluded about one assertion. */
export type Verdict = 'proved' | 'counterexample' | 'unknown';

/** The checker's result for one target (one `assert`), as solc reported it. */
export interface TargetResult {
  engine: Engine;
  verdict: Verdict;
  /** Source unit and 1-based line and column of the assertion. */
  file: string;
  line: number;
  column: number;
  /** The property: the `// comment` after the assert (on its last line) if it has one, else the asserted code. */
  property: string;
  /** solc's whole formatted message: location, and for BMC the counterexample's values. */
  message: string;
}

/** Everything one checker run produced. */
export interface SmtCheckerRun {
  results: TargetResult[];
  /** SMT queries z3 answered, and those cut off by the hard deadline. */
  queries: number;
  overruns: number;
  elapsedMs: number;
  /** solc diagnostics that are not about a target (errors mean the sources did not compile). */
  errors: string[];
}

/** Which sources to check, with which engine and time budget. */
export interface SmtCheckerOptions {
  /** Units compiled from memory, by unit name; they also replace files of the same name. */
  sources: Readonly<Record<string, string>>;
  /** The contracts whose assertions are targets, by unit name; the others are only compiled. */
  contracts: Readonly<Record<string, readonly string[]>>;
  engine: Engine;
  /** Per-query budget z3 is given (solc's `modelChecker.timeout`). */
  timeoutMs: number;
  /** BMC only: how many times each loop is unrolled; paths needing more iterations are not checked (solc's default: 1). */
  bmcLoopIterations?: number;
  /** Imports not in `sources` are read from here. Default: this repository. */
  projectRoot?: string;
}

/** solc-js's compile with both callbacks (fuzz/compile only needs `import`). */
interface SolcWithSmt {
  compile(
    input: string,
    callbacks: {
      import: (unit: string) => { contents: string } | { error: string };
      smtSolver: (query: string) => { contents: string } | { error: string };
    },
  ): string;
}

/** A query that z3 has not answered after its own timeout plus this much is abandoned. */
const GRACE_MS = 30_000;

/**
 * Runs solc's SMTChecker (solc-js, `smtlib2` solver mode) on assertion targets, answering every
 * query with z3-solver in-process, and returns one result per assertion.
 *
 * @example
 * const run = runSmtChecker({ sources: { 'h.sol': text }, contracts: { 'h.sol': ['H'] }, engine: 'chc', timeoutMs: 10_000 });
 */
export function runSmtChecker(options: SmtCheckerOptions): SmtCheckerRun {
  const started = performance.now();
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const layout: SourceLayout = {
    projectRoot,
    contractsDir: join(projectRoot, 'contracts'),
    overrides: options.sources,
    remappings: REMAPPINGS,
  };
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(options.sources).map(([unit, content]) => [unit, { content }])),
    settings: {
      remappings: [...REMAPPINGS],
      evmVersion: 'cancun',
      modelChecker: {
        engine: options.engine,
        contracts: options.contracts,
        solvers: ['smtlib2'],
        targets: ['assert'],
        timeout: options.timeoutMs,
        ...(options.bmcLoopIterations === undefined ? {} : { bmcLoopIterations: options.bmcLoopIterations }),
        showProvedSafe: true,
        showUnproved: true,
      },
      outputSelection: {},
    },
  };
  const z3 = Z3Bridge.start();
  let queries = 0;
  let raw: string;
  try {
    raw = (loadSolc() as unknown as SolcWithSmt).compile(JSON.stringify(input), {
      import: (unit) => {
        const content = readUnit(unit, layout);
        return content === undefined ? { error: `File not found: ${unit}` } : { contents: content };
      },
      smtSolver: (query) => {
        queries++;
        return { contents: z3.solve(query, options.timeoutMs + GRACE_MS) };
      },
    });
  } finally {
    void z3.close();
  }
  const output = JSON.parse(raw) as { errors?: SolcMessage[] };
  const results: TargetResult[] = [];
  const errors: string[] = [];
  for (const message of output.errors ?? []) {
    const result = toResult(message, input.sources);
    if (result !== undefined) results.push(result);
    else if (message.severity === 'error') errors.push(message.formattedMessage ?? message.message);
  }
  results.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { results, queries, overruns: z3.overruns, elapsedMs: performance.now() - started, errors };
}

interface SolcMessage {
  severity: 'error' | 'warning' | 'info';
  message: string;
  formattedMessage?: string;
  sourceLocation?: { file: string; start: number; end: number };
}

const TARGET = /^(CHC|BMC): Assertion violation (happens here|check is safe!|might happen here)/;

const VERDICTS: Record<string, Verdict> = {
  'happens here': 'counterexample',
  'check is safe!': 'proved',
  'might happen here': 'unknown',
};

function toResult(message: SolcMessage, sources: Record<string, { content: string }>): TargetResult | undefined {
  const match = TARGET.exec(message.message);
  const location = message.sourceLocation;
  if (match === null || location === undefined) return undefined;
  const text = sources[location.file]?.content ?? '';
  const before = text.slice(0, location.start);
  const lineStart = before.lastIndexOf('\n') + 1;
  // The label is the comment after the assert's end: forge fmt wraps a long assert over several lines.
  const lineEnd = text.indexOf('\n', location.end);
  const rest = text.slice(location.end, lineEnd === -1 ? undefined : lineEnd);
  const comment = /\/\/\s*(.+?)\s*$/.exec(rest)?.[1];
  return {
    engine: match[1] === 'CHC' ? 'chc' : 'bmc',
    verdict: VERDICTS[match[2] as string] as Verdict,
    file: location.file,
    line: before.split('\n').length,
    column: location.start - lineStart + 1,
    property: comment ?? text.slice(location.start, location.end),
    message: message.formattedMessage ?? message.message,
  };
}
