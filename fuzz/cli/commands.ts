import type { CommandSpec } from './args.ts';
import { exportForgeCommand, exportForgeSpec } from './export-forge-command.ts';
import { fuzzCommand, fuzzSpec } from './fuzz-command.ts';
import { proveCommand, proveSpec } from './prove-command.ts';
import { replayCommand, replaySpec } from './replay-command.ts';

/** A CLI command: its flags (for parsing and --help) and what it runs. */
export interface Command {
  spec: CommandSpec;
  run: (argv: string[]) => Promise<number>;
}

/** Every command, in the order `cliffless --help` lists them. */
export const COMMANDS: readonly Command[] = [
  { spec: fuzzSpec, run: fuzzCommand },
  { spec: replaySpec, run: replayCommand },
  { spec: proveSpec, run: proveCommand },
  { spec: exportForgeSpec, run: exportForgeCommand },
];
