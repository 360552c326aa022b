import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../drift');

/** Every relative import of every file under drift/, as written. */
function relativeImports(): { file: string; target: string }[] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => ({
        file,
        target: m[1] as string,
      })),
    );
}

describe('drift/ layering', () => {
  it('imports only its own files and reference/ (no fuzz/, no EVM library)', () => {
    const imports = relativeImports();
    expect(imports.some((i) => i.target.startsWith('../reference/'))).toBe(true);
    const outside = imports.filter((i) => !i.target.startsWith('./') && !i.target.startsWith('../reference/'));
    expect(outside).toEqual([]);
    for (const file of readdirSync(ROOT).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/from '(viem|@ethereumjs\/[^']+)'/);
    }
  });
});
