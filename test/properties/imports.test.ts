import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * properties/ knows states, not how they were observed: it may load its own files and the
 * reference model's pure types and helpers, and nothing else (no EVM library, nothing from fuzz/,
 * no package at all).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const propertiesDir = join(root, 'properties');
const referenceDir = join(root, 'reference');

/** Every module specifier a source text loads (declarations, re-exports, dynamic import, require). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref)) found.push(ref.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      const [arg] = node.arguments;
      if (loads && arg !== undefined && ts.isStringLiteralLike(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true));
  return found;
}

function problem(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return `${relative(root, file)} imports the package ${specifier}`;
  const target = resolve(dirname(file), specifier);
  if (target.startsWith(`${propertiesDir}/`) || target.startsWith(`${referenceDir}/`)) return undefined;
  return `${relative(root, file)} imports ${relative(root, target)}, outside properties/ and reference/`;
}

describe('properties/ import boundary', () => {
  const files = readdirSync(propertiesDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(propertiesDir, name));

  it('loads only its own files and the reference model', () => {
    expect(files.length).toBeGreaterThan(15);
    const problems = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .map((specifier) => problem(file, specifier))
        .filter((why): why is string => why !== undefined),
    );
    expect(problems).toEqual([]);
  });

  it('the scanner catches the forms it is meant to catch', () => {
    const file = join(propertiesDir, 'x.ts');
    for (const sample of [
      "import { createPublicClient } from 'viem';",
      "export { VM } from '@ethereumjs/vm';",
      "import { Checks } from '../fuzz/runner/checks.ts';",
      "const m = await import('../fuzz/evm/index.ts');",
    ]) {
      const found = specifiers(sample);
      expect(found, sample).toHaveLength(1);
      expect(problem(file, found[0] as string), sample).toBeDefined();
    }
    expect(problem(file, '../reference/payout.ts')).toBeUndefined();
    expect(problem(file, './m1-pairs.ts')).toBeUndefined();
  });
});
