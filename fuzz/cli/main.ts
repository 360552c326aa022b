import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../compile/index.ts';
import { CliflessError } from '../errors.ts';
import { COMMANDS } from './commands.ts';
import { helpText, parseArgs } from './kit/args.ts';
import { textRow } from './kit/table.ts';

/** Command names are padded to the longest one plus two spaces, so summaries line up. */
const NAME_WIDTH = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;

const USAGE = `cliffless — differential fuzzing of split-claim contracts against their reference model

Usage: cliffless <command> [options]

Commands:
${COMMANDS.map((c) => `  ${textRow([{ width: NAME_WIDTH }], [c.spec.name, c.spec.summary])}`).join('\n')}

Run \`cliffless <command> --help\` for a command's options, \`cliffless --version\` for the version.
Exit codes: 0 pass, 1 failure found, 2 bad input, 3 internal error, +4 an output could not be
written (printed instead), 130 interrupted; see docs/errors.md.
`;

/** Exit code of an internal error: a bug of cliffless itself, never a verdict on the contracts. */
export const EXIT_INTERNAL = 3;

/** This cliffless's version, from package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Runs one CLI invocation and returns the exit code (docs/errors.md): 0 pass, 1 a check failed (a
 * property, a divergence, a counterexample), 2 bad input (flag, file, contracts that do not
 * compile), 3 an internal error of cliffless, 4 added when an output could not be written after
 * the work (its content was printed instead), 130 stopped by Ctrl-C.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    if (rest.length > 0) {
      process.stderr.write(`cliffless: --version takes no arguments, got ${rest.join(' ')}\n`);
      return 2;
    }
    process.stdout.write(`cliffless ${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command === undefined) {
    process.stderr.write(`cliffless: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    // Parsing is strict (unknown flags, bad values: exit 2) and --help is answered here, once for
    // every command, so no command can forget either.
    const args = parseArgs(command.spec, rest);
    if (args.help) {
      process.stdout.write(helpText(command.spec));
      return 0;
    }
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliflessError) {
      process.stderr.write(`cliffless ${name}: ${error.describe()}\n`);
      return error.exitCode;
    }
    // Anything else is a bug of the tool: say so, with the stack, and exit 3, never 1 (a verdict).
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `cliffless ${name}: internal error (a bug in cliffless, not a finding about your contracts or input):\n${detail}\n` +
        'Please report it with the command line above.\n',
    );
    return EXIT_INTERNAL;
  }
}
