import { CliflessError } from '../errors.ts';
import { helpText, parseArgs } from './args.ts';
import { COMMANDS } from './commands.ts';

/** Command names are padded to the longest one plus two spaces, so summaries line up. */
const NAME_WIDTH = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;

const USAGE = `cliffless — differential fuzzing of split-claim contracts against their reference model

Usage: cliffless <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.spec.name.padEnd(NAME_WIDTH)}${c.spec.summary}`).join('\n')}

Run \`cliffless <command> --help\` for a command's options.
`;

/**
 * Runs one CLI invocation and returns the exit code: 0 pass, 1 a check failed (a property, a
 * divergence, a counterexample), 2 bad input (flag, trace, contract that does not compile).
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
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
    throw error;
  }
}
