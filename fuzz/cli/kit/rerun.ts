import { isAbsolute, relative } from 'node:path';
import { quote } from 'shell-quote';
import type { ParsedArgs } from './args.ts';

/**
 * The command line that runs `command` again as it ran: its positionals and every flag in `kept`
 * that was given (the flags that change what runs, never those that only say where output goes),
 * shell-quoted so that a folder with a space or a quote in its name pastes back intact. Durations
 * are parsed to seconds, so they come back as `<n>s`.
 *
 * @example
 * rerunLine('fuzz', { flags: { seed: 7, contracts: 'my contracts' }, positionals: [] }, ['seed', 'contracts'])
 * // "npx cliffless fuzz --seed 7 --contracts 'my contracts'"
 */
export function rerunLine(
  command: string,
  args: Pick<ParsedArgs, 'flags' | 'positionals'>,
  kept: readonly string[],
  durations: readonly string[] = ['time', 'time-per-mutant', 'timeout'],
  overrides: Readonly<ParsedArgs['flags']> = {},
): string {
  const words = ['npx', 'cliffless', command, ...args.positionals];
  for (const name of kept) {
    const value = name in overrides ? overrides[name] : args.flags[name];
    if (value === undefined || value === false) continue;
    if (value === true) words.push(`--${name}`);
    // A repeatable flag is repeated as it was given, one value each time.
    else
      for (const one of Array.isArray(value) ? value : [value])
        words.push(`--${name}`, durations.includes(name) ? `${one}s` : String(one));
  }
  return quote(words);
}

/** A path as a hint shows it: relative to the working folder when inside it, else absolute. */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
