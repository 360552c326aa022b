#!/usr/bin/env node
// The solc command line, as much of it as forge uses (`--version`, `--standard-json`),
// answered by the pinned npm solc-js. forge has no native solc on our machines, so
// foundry.toml points `solc` here; the SMTChecker runs through the same compiler.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);

function loadSolc() {
  return require(require.resolve('solc', { paths: [path.join(__dirname, '..')] }));
}

function fail(message) {
  process.stderr.write(`solc-shim: ${message}\n`);
  process.exit(1);
}

/** Values of every `--flag value` or `--flag=value` occurrence (forge passes some repeatedly). */
function flagValues(name) {
  const values = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === name && i + 1 < args.length) values.push(args[++i]);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  }
  return values.flatMap((v) => v.split(','));
}

if (args.includes('--version')) {
  const version = loadSolc().version().replace('.Emscripten.clang', '');
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${version}.Linux.g++\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  fail(`only --version and --standard-json are supported (got: ${args.join(' ') || 'no arguments'})`);
}

const roots = [
  ...flagValues('--base-path'),
  ...flagValues('--include-path'),
  ...flagValues('--allow-paths'),
  process.cwd(),
];

/** Import callback: resolve a source unit name against the base and include paths, like native solc. */
function findImports(unitName) {
  const candidates = path.isAbsolute(unitName) ? [unitName] : roots.map((root) => path.resolve(root, unitName));
  for (const candidate of candidates) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return { contents: fs.readFileSync(candidate, 'utf8') };
    }
  }
  return { error: `File not found: ${unitName} (searched ${candidates.join(', ')})` };
}

const input = fs.readFileSync(0, 'utf8');
const output = loadSolc().compile(input, { import: findImports });
process.stdout.write(output);
