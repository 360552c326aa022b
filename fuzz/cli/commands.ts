import { auditCommand, auditSpec } from './audit-command.ts';
import { corpusCommand, corpusSpec } from './corpus-command.ts';
import { driftCommand, driftSpec } from './drift-command.ts';
import { exportForgeCommand, exportForgeSpec } from './export-forge-command.ts';
import { fuzzCommand, fuzzSpec } from './fuzz-command.ts';
import type { CommandSpec, ParsedArgs } from './kit/args.ts';
import { mergeSummariesCommand, mergeSummariesSpec } from './merge-command.ts';
import { mutateCommand, mutateSpec } from './mutate-command.ts';
import { proveCommand, proveSpec } from './prove-command.ts';
import { replayCommand, replaySpec } from './replay-command.ts';

/** A CLI command: its flags (main parses them and answers --help) and what it runs. */
export interface Command {
  spec: CommandSpec;
  run: (args: ParsedArgs) => Promise<number>;
}

/** Every command, in the order `cliffless --help` lists them. */
export const COMMANDS: readonly Command[] = [
  { spec: fuzzSpec, run: fuzzCommand },
  { spec: replaySpec, run: replayCommand },
  { spec: proveSpec, run: proveCommand },
  { spec: exportForgeSpec, run: exportForgeCommand },
  { spec: mutateSpec, run: mutateCommand },
  { spec: mergeSummariesSpec, run: mergeSummariesCommand },
  { spec: auditSpec, run: auditCommand },
  { spec: driftSpec, run: driftCommand },
  { spec: corpusSpec, run: corpusCommand },
];
