import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * The model must stay an independent second opinion: no EVM library, nothing from the harness.
 * This parses every file under reference/ and checks every module it loads.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const referenceDir = join(root, 'reference');

const FORBIDDEN = [/^viem(\/|$)/, /^@ethereumjs\//, /(^|\/)fuzz(\/|$)/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.[cm]?[jt]s$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every module a source text loads, parsed with the TypeScript compiler (so words in strings and
 * comments are not mistaken for imports): import/export declarations, `import x = require()`,
 * dynamic `import()` and `require()` calls. `typeOnly` is true for `import type` / `export type`.
 */
function importsOf(text: string): { specifier: string; typeOnly: boolean }[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref)) found.push({ specifier: ref.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      const [arg] = node.arguments;
      if (loads && arg !== undefined && ts.isStringLiteralLike(arg))
        found.push({ specifier: arg.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Why `specifier`, imported by `file`, breaks the boundary; undefined when it is allowed. */
function violation(file: string, specifier: string, typeOnly: boolean): string | undefined {
  if (FORBIDDEN.some((re) => re.test(specifier))) return `forbidden module ${specifier}`;
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    if (target.startsWith(referenceDir)) return undefined;
    const observed = join(root, 'properties', 'observed-state.ts');
    if (target === observed && typeOnly) return undefined;
    return `imports ${relative(root, target)} from outside reference/ (only \`import type\` of observed-state.ts is allowed)`;
  }
  if (specifier.startsWith('@noble/hashes/')) return undefined;
  return `imports the package ${specifier}, which the model does not need`;
}

describe('reference/ import boundary', () => {
  const files = sourceFiles(referenceDir);

  test('finds the model sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  test('no file under reference/ imports viem, @ethereumjs, fuzz/ or anything outside the allowed set', () => {
    const problems = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .map(({ specifier, typeOnly }) => violation(file, specifier, typeOnly))
        .filter((why): why is string => why !== undefined)
        .map((why) => `${relative(root, file)}: ${why}`),
    );
    expect(problems).toEqual([]);
  });

  test('the scanner catches every import form it is meant to catch', () => {
    const file = join(referenceDir, 'x.ts');
    const samples = [
      "import { keccak256 } from 'viem';",
      "import type { Hex } from 'viem/utils';",
      "export { VM } from '@ethereumjs/vm';",
      "import '../fuzz/evm/host.ts';",
      "const m = await import('../fuzz/runner.ts');",
      "const v = require('viem');",
      "import { questionKey } from '../properties/observed-state.ts';",
      "import { x } from '../properties/m1-pairs.ts';",
      "import fc from 'fast-check';",
      "import x = require('@ethereumjs/util');",
    ];
    for (const sample of samples) {
      const found = importsOf(sample);
      expect(found, sample).toHaveLength(1);
      const [only] = found;
      expect(violation(file, only?.specifier ?? '', only?.typeOnly ?? false), sample).toBeDefined();
    }
    const allowed = [
      "import type { ObservedState } from '../properties/observed-state.ts';",
      "import { keccak_256 } from '@noble/hashes/sha3.js';",
      "import { Tx } from './tx.ts';",
      "const FIELDS = { transferFrom: ['from', 'to'] }; // import x from 'viem' in a comment",
    ];
    expect(importsOf(allowed[3] as string)).toEqual([]);
    for (const sample of allowed) {
      for (const { specifier, typeOnly } of importsOf(sample)) {
        expect(violation(file, specifier, typeOnly), sample).toBeUndefined();
      }
    }
  });
});
