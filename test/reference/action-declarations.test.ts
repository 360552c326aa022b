import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ActionKind } from '../../reference/action.ts';
import { ACTION_DECLARATIONS, type DeclaredFields, type ModelFields } from '../../reference/actions/declarations.ts';

describe('action declarations', () => {
  it('declare exactly the fields of each Action type (checked by tsc)', () => {
    expectTypeOf<DeclaredFields>().toEqualTypeOf<ModelFields>();
    // @ts-expect-error: a field the settle action does not have
    expectTypeOf<DeclaredFields['settle']>().toEqualTypeOf<ModelFields['settle'] | 'extra'>();
  });

  it('declare every action kind once, with a call description and fields', () => {
    const kinds = Object.keys(ACTION_DECLARATIONS) as ActionKind[];
    expect(new Set(kinds).size).toBe(24);
    for (const kind of kinds) {
      expect(ACTION_DECLARATIONS[kind].call.length, kind).toBeGreaterThan(10);
      expect(Object.keys(ACTION_DECLARATIONS[kind].fields).length, kind).toBeGreaterThan(0);
    }
  });
});
