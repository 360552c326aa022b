#!/usr/bin/env node
// Runs the native forge binary of npm's @foundry-rs/forge platform package and exits with forge's
// own exit code. npm's wrapper (node_modules/.bin/forge) always exits 0, even when
// `forge fmt --check` or `forge snapshot --check` fails, so scripts that judge by exit code use this.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const arch = process.arch === 'x64' ? 'amd64' : process.arch;
/** The native binary, or npm's wrapper when this platform's package is not installed. */
export const FORGE_BINARY = [
  join(root, 'node_modules', '@foundry-rs', `forge-${process.platform}-${arch}`, 'bin', 'forge'),
]
  .concat(join(root, 'node_modules', '.bin', 'forge'))
  .find((path) => existsSync(path));

if (process.argv[1] === import.meta.filename) {
  if (FORGE_BINARY === undefined) {
    process.stderr.write('forge-native: forge is not installed (run npm ci)\n');
    process.exit(2);
  }
  const result = spawnSync(FORGE_BINARY, process.argv.slice(2), { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
