import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The slice of solc-js the compiler uses. */
export interface Solc {
  version(): string;
  compile(input: string, callbacks?: { import: (path: string) => { contents: string } | { error: string } }): string;
}

let loaded: Solc | undefined;

/** The pinned solc-js (the one forge runs through bin/solc), loaded on first use: it takes seconds. */
export function loadSolc(): Solc {
  loaded ??= require('solc') as Solc;
  return loaded;
}

/**
 * The installed solc-js package version, read without loading the compiler so that a cache hit
 * stays cheap. solc-js ships exactly one soljson per package version, so this names the compiler.
 */
export function solcPackageVersion(): string {
  const manifest = require.resolve('solc/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
