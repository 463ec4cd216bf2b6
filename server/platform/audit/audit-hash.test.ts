import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, type HashedFields } from './audit-hash.ts';

const row: HashedFields = {
  chain: '6f1c1c9e-4b43-4f55-9a53-0d6f5c1f2a10',
  seq: 7,
  orgId: '6f1c1c9e-4b43-4f55-9a53-0d6f5c1f2a10',
  actorUserId: 'a1a1a1a1-0000-4000-8000-000000000001',
  actorLabel: 'coordinator@a.test',
  action: 'person.create',
  entityType: 'person',
  entityId: 'b2b2b2b2-0000-4000-8000-000000000002',
  details: { fields: ['givenName', 'dateOfBirth'], sensitive: true, nested: { b: 2, a: 1 } },
  ip: '127.0.0.1',
  requestId: 'req-1',
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
};

describe('canonicalJson', () => {
  it('sorts object keys at every depth, so jsonb reordering does not change it', () => {
    const a = canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } });
    const b = canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });

  it('keeps array order, nulls and types; drops undefined like JSON does', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: null, b: undefined })).toBe('{"a":null}');
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson('이서연')).toBe('"이서연"');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('auditHash', () => {
  const base = auditHash('prev', row);

  it('does not depend on the key order of details (jsonb gives them back reordered)', () => {
    const reordered = { ...row, details: { nested: { a: 1, b: 2 }, sensitive: true, fields: ['givenName', 'dateOfBirth'] } };
    expect(auditHash('prev', reordered)).toBe(base);
    // nor on the order the row's own properties come in (a row read back from the database)
    const shuffled = Object.fromEntries(Object.entries(row).reverse()) as unknown as HashedFields;
    expect(auditHash('prev', shuffled)).toBe(base);
  });

  it('changes when any hashed field changes, or the previous hash does', () => {
    expect(auditHash('other', row)).not.toBe(base);
    const changes: Partial<HashedFields>[] = [
      { chain: 'network' },
      { seq: 8 },
      { orgId: null },
      { actorUserId: null },
      { actorLabel: 'cli' },
      { action: 'person.update' },
      { entityType: 'case' },
      { entityId: 'b2b2b2b2-0000-4000-8000-000000000003' },
      { details: { fields: ['givenName'], sensitive: true, nested: { b: 2, a: 1 } } },
      { details: { fields: ['givenName', 'dateOfBirth'], sensitive: false, nested: { b: 2, a: 1 } } },
      { details: { fields: ['dateOfBirth', 'givenName'], sensitive: true, nested: { b: 2, a: 1 } } },
      { ip: '10.0.0.1' },
      { requestId: null },
      { createdAt: new Date('2026-01-02T03:04:05.679Z') },
    ];
    const hashes = changes.map((c) => auditHash('prev', { ...row, ...c }));
    for (const [i, h] of hashes.entries()) expect(h, JSON.stringify(changes[i])).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('is a sha256 hex digest', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
