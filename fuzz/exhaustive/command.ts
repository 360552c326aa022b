import type { ParsedArgs } from '../cli/kit/args.ts';
import { rerunLine, shownPath } from '../cli/kit/rerun.ts';
import { EXIT_INTERRUPTED, interruptOnSigint } from '../cli/kit/sigint.ts';
import type { Artifacts } from '../compile/index.ts';
import { UsageError } from '../errors.ts';
import { claimOutput, EXIT_OUTPUT_LOST } from '../io/output.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { describeFailure } from '../runner/render.ts';
import { buildTrace } from '../trace/build.ts';
import { deliverTraceFile } from '../trace/io.ts';
import { NameBook } from '../trace/names.ts';
import { bookAfter } from '../trace/track-series.ts';
import { PRELUDES, type PreludeName } from './prelude.ts';
import { type ExhaustiveResult, runExhaustive } from './search.ts';

/** Depth when `--exhaustive` is given without `--depth`. */
export const DEFAULT_EXHAUSTIVE_DEPTH = 3;

/** The flags that change what a search runs: its rerun hint repeats every one given. */
const SEARCH_FLAGS = ['exhaustive', 'depth', 'prelude', 'probes', 'probe-every', 'time', 'contracts'];

/** The world the search runs in: two actors and the arbitrator, unlimited approvals. */
export const EXHAUSTIVE_WORLD = { actors: 2, approvals: true } as const;

/**
 * `cliffless fuzz --exhaustive`: the bounded-exhaustive search (see search.ts and domain.ts), with
 * the fuzz command's parsed flags. Exit 0 when every sequence passed (or the time budget stopped
 * the search first: then the summary says it is incomplete), 1 with a written trace on a failure.
 */
export async function exhaustiveCommand(
  flags: ParsedArgs['flags'],
  compile: (contracts: string | undefined) => Artifacts,
): Promise<number> {
  // The flags that mean nothing to a search (--runs, --workers...) the parser refuses with it.
  const prelude = (flags.prelude as string | undefined) ?? 'created';
  if (!PRELUDES.includes(prelude as PreludeName))
    throw new UsageError(`--prelude must be one of ${PRELUDES.join(', ')}, got "${prelude}"`, 'fuzz');
  const depth = (flags.depth as number | undefined) ?? DEFAULT_EXHAUSTIVE_DEPTH;
  const probesPerStep = (flags.probes as number | undefined) ?? 1;
  const probeEvery = (flags['probe-every'] as number | undefined) ?? 1;
  const out = claimOutput('out', (flags.out as string | undefined) ?? 'traces', { kind: 'folder' });
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const artifacts = compile(flags.contracts as string | undefined);
  const env = await prepareEnvironment(artifacts, EXHAUSTIVE_WORLD);
  log(
    `exhaustive search: depth ${depth} after the '${prelude}' prelude, 2 actors, ` +
      `${probesPerStep} probe(s) every ${probeEvery} step(s)`,
  );
  let lastLog = Date.now();
  const stop = interruptOnSigint(log);
  let result: ExhaustiveResult;
  try {
    result = await runExhaustive(env, {
      depth,
      prelude: prelude as PreludeName,
      probesPerStep,
      probeEvery,
      ...(flags.time === undefined ? {} : { timeSeconds: flags.time as number }),
      signal: stop.signal,
      onProgress: (c) => {
        if (Date.now() - lastLog < 10_000) return;
        lastLog = Date.now();
        log(`  ${c.nodes} steps, ${c.sequences} sequences, ${c.distinctStates} distinct states`);
      },
    });
  } finally {
    stop.dispose();
  }
  process.stdout.write(`${formatExhaustive(result, stop.signal.aborted)}\n`);
  if (stop.signal.aborted && result.failure === undefined) {
    process.stdout.write(
      `interrupted by Ctrl-C before the search completed: no failure found so far\nrerun with: ${rerunLine('fuzz', { positionals: [], flags }, SEARCH_FLAGS)}\n`,
    );
    return EXIT_INTERRUPTED;
  }
  if (result.failure === undefined) {
    process.stdout.write(
      result.complete
        ? 'no failure found\n'
        : 'stopped by the time budget before the search completed: no failure found\n',
    );
    return 0;
  }
  const start = new NameBook(env.setup);
  const trace = buildTrace({
    world: EXHAUSTIVE_WORLD,
    book: start,
    steps: result.failure.steps,
    failure: result.failure.failure,
    title: `exhaustive search, depth ${depth}, '${prelude}' prelude (${result.preludeLength} actions)`,
  });
  const book = bookAfter(start, result.failure.steps.slice(0, -1));
  process.stdout.write(
    `\nFAILURE after ${result.failure.steps.length} actions (prelude ${result.preludeLength})\n` +
      `${describeFailure(result.failure.failure, book)}\n\n`,
  );
  const delivered = deliverTraceFile(out, `exhaustive-d${depth}`, trace);
  if (delivered.written === undefined) {
    process.stdout.write('the trace above was not written: save it to a file to replay it\n');
    return 1 | EXIT_OUTPUT_LOST;
  }
  const shown = shownPath(delivered.written);
  const replayFlags = { contracts: flags.contracts, probes: probesPerStep };
  process.stdout.write(
    `trace written to ${shown}\nreplay with: ${rerunLine('replay', { positionals: [shown], flags: replayFlags }, ['contracts', 'probes'])}\n` +
      `rerun the search with: ${rerunLine('fuzz', { positionals: [], flags }, SEARCH_FLAGS)}\n`,
  );
  return 1;
}

/** The summary of a search, one figure a line. */
export function formatExhaustive(r: ExhaustiveResult, interrupted = false): string {
  const incomplete = `INCOMPLETE (${interrupted ? 'Ctrl-C' : 'time budget'})`;
  return [
    `exhaustive search ${r.complete ? 'complete' : r.failure !== undefined ? 'stopped at the first failure' : incomplete}: depth ${r.depth} after the '${r.prelude}' prelude (${r.preludeLength} actions)`,
    `  steps executed and checked: ${r.nodes}`,
    `  sequences executed:         ${r.sequences} (${r.reverted} ending in a revert, ${r.pruned} at a state already explored as deep)`,
    `  distinct states:            ${r.distinctStates}`,
    `  time:                       ${r.seconds.toFixed(1)} s`,
  ].join('\n');
}
