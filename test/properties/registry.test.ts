import { describe, expect, it } from 'vitest';
import { checkState, PROPERTIES } from '../../properties/index.ts';
import { baseState, settled } from './fixtures.ts';

describe('registry', () => {
  it('lists every property of docs/design.md §4 once, each with at least one form', () => {
    const ids = PROPERTIES.map((property) => property.id);
    expect(ids).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'O1', 'O2', 'O3', 'O4', 'O5', 'D1']);
    for (const property of PROPERTIES) expect(property.forms.length).toBeGreaterThan(0);
  });

  it('maps each id to the kinds that check it', () => {
    const kinds = Object.fromEntries(PROPERTIES.map((p) => [p.id, p.forms.map((form) => form.kind).join('+')]));
    expect(kinds).toEqual({
      M1: 'state',
      M2: 'state',
      M3: 'function',
      M4: 'function',
      M5: 'transition',
      M6: 'probe',
      M7: 'state+transition',
      M8: 'state+transition',
      O1: 'state+transition',
      O2: 'state+transition',
      O3: 'state+transition',
      O4: 'state+transition',
      O5: 'state+probe',
      D1: 'equivalence',
    });
  });

  it('finds no violation in the fixture worlds, before and after settlement', () => {
    expect(checkState(baseState())).toEqual([]);
    expect(checkState(settled())).toEqual([]);
  });
});
