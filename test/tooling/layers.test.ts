import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { folderCycles, folderOf, LAYERS, layerViolations, relativeImports, type SourceFile } from './layers.ts';

/**
 * The harness's folders form layers (reference < properties, drift < fuzz core < tools < CLI kit <
 * CLI and bench); see test/tooling/layers.ts for the ranks. This parses every import under the
 * layered folders and fails on one that goes up a layer, across to a sibling not listed, or round a
 * cycle of folders.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LAYERED = ['reference', 'properties', 'drift', 'prove', 'fuzz', 'bench'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.[cm]?[jt]s$/.test(entry.name) ? [path] : [];
  });
}

const files: SourceFile[] = LAYERED.filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

describe('layering', () => {
  test('finds the sources of every layered folder', () => {
    const folders = new Set(files.map((f) => f.path.split('/')[0]));
    for (const dir of ['reference', 'properties', 'prove', 'fuzz', 'bench']) expect(folders).toContain(dir);
    expect(files.length).toBeGreaterThan(200);
  });

  test('no import goes up a layer or across to a sibling the layering does not list', () => {
    expect(layerViolations(files)).toEqual([]);
  });

  test('no cycle between folders', () => {
    expect(folderCycles(files)).toEqual([]);
  });

  test('every folder that holds sources has a place in the layering', () => {
    const unplaced = new Set(files.map((f) => folderOf(f.path)).filter((folder) => LAYERS[folder] === undefined));
    expect([...unplaced]).toEqual([]);
  });
});

describe('the layering checker can fail', () => {
  const base: SourceFile[] = [
    {
      path: 'reference/model.ts',
      text: "export const x = 1;\nimport type { O } from '../properties/observed-state.ts';",
    },
    { path: 'fuzz/runner/campaign.ts', text: "import { x } from '../../reference/model.ts';" },
  ];

  test('a clean tree passes', () => {
    expect(layerViolations(base)).toEqual([]);
    expect(folderCycles(base)).toEqual([]);
  });

  test.each([
    [
      'a tool importing the CLI',
      'fuzz/audit/sides.ts',
      "import { compileForCli } from '../cli/compile-step.ts';",
      'up',
    ],
    ['the model importing the fuzzer', 'reference/market.ts', "import { host } from '../fuzz/evm/host.ts';", 'up'],
    ['the core importing a tool', 'fuzz/trace/build.ts', "const m = await import('../coverage/lcov.ts');", 'up'],
    ['evm importing the runner', 'fuzz/evm/side.ts', "export type { Side } from '../runner/side.ts';", 'up'],
    ['one tool importing another', 'fuzz/mutate/kill.ts', "import { audit } from '../audit/audit.ts';", 'across'],
    ['bench importing a command file', 'bench/scale.ts', "import { x } from '../fuzz/cli/summary.ts';", 'across'],
    ['prove importing the CLI', 'prove/suite.ts', "import { main } from '../fuzz/cli/main.ts';", 'up'],
    ['drift importing properties', 'drift/sim.ts', "import { P } from '../properties/index.ts';", 'across'],
    ['the kit importing a command', 'fuzz/cli/kit/args.ts', "import { run } from '../fuzz-command.ts';", 'up'],
    ['the table renderer importing the runner', 'fuzz/table.ts', "import { s } from './runner/summary.ts';", 'up'],
    ['an unknown folder', 'fuzz/newtool/x.ts', "import { r } from '../runner/campaign.ts';", 'no place'],
  ])('catches %s', (_name, path, text, kind) => {
    const problems = layerViolations([...base, { path, text }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(path);
    expect(problems[0]).toContain(kind);
  });

  test('catches a cycle between folders even when each edge is listed', () => {
    const cyclic: SourceFile[] = [
      { path: 'fuzz/trace/a.ts', text: "import { b } from '../generate/b.ts';" },
      { path: 'fuzz/generate/b.ts', text: "import { a } from '../trace/a.ts';" },
    ];
    expect(folderCycles(cyclic)).toEqual([['fuzz/generate', 'fuzz/trace']]);
  });

  test('reads every import form, not words in strings or comments', () => {
    const text = [
      "import { a } from './a.ts';",
      "export { b } from '../b.ts';",
      "const c = await import('./c.ts');",
      "const d = require('./d.cjs');",
      "import fc from 'fast-check';",
      "const s = \"import { x } from '../cli/main.ts'\"; // import '../cli/args.ts'",
    ].join('\n');
    expect(relativeImports(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.cjs']);
  });
});
