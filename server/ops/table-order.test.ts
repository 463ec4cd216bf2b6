import { describe, expect, it } from 'vitest';
import { orderTables, satisfiesForeignKeys } from './table-order.ts';

describe('orderTables', () => {
  it('puts parents before children, ties by name', () => {
    const fks = [
      { child: 'people', parent: 'organizations' },
      { child: 'people', parent: 'users' },
      { child: 'consent_events', parent: 'people' },
      { child: 'memberships', parent: 'users' },
      { child: 'memberships', parent: 'organizations' },
    ];
    const { order, selfReferencing } = orderTables(['people', 'consent_events', 'users', 'memberships', 'organizations', 'audit_log'], fks);
    expect(order).toEqual(['audit_log', 'organizations', 'users', 'memberships', 'people', 'consent_events']);
    expect(selfReferencing).toEqual([]);
    expect(satisfiesForeignKeys(order, fks)).toBe(true);
    expect(satisfiesForeignKeys([...order].reverse(), fks)).toBe(false);
  });

  it('reports self-references instead of failing on them, and ignores tables it was not given', () => {
    const { order, selfReferencing } = orderTables(['organizations', 'people'], [
      { child: 'organizations', parent: 'organizations' },
      { child: 'people', parent: 'organizations' },
      { child: 'people', parent: 'elsewhere' },
    ]);
    expect(order).toEqual(['organizations', 'people']);
    expect(selfReferencing).toEqual(['organizations']);
  });

  it('refuses a cycle between tables, naming them', () => {
    expect(() => orderTables(['a', 'b', 'c'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/cycle among: a, b/);
  });
});
