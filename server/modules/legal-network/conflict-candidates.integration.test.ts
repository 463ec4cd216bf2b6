import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDbKind } from '../../../test/harness.ts';
import { queryRows } from '../../db/rows.ts';
import { systemCtx } from '../../deps.ts';
import { createPerson } from '../people/create-person.ts';
import { updatePerson } from '../people/update-person.ts';
import { backfillConflictKeys, candidateQuery, conflictCandidates, partyConflictKeys } from './conflict-candidates.ts';

let t: TestApp;
const id: Record<string, string> = {};
const FILLER = 3000;

beforeAll(async () => {
  t = await startTestApp();
  const a = systemCtx(t.deps, t.orgs.a);
  const b = systemCtx(t.deps, t.orgs.b);
  const add = async (key: string, ctx: typeof a, input: Parameters<typeof createPerson>[0]['input']) => {
    id[key] = (await createPerson({ ctx, input })).id;
  };
  await add('lee', a, { givenName: 'Seoyeon', familyName: 'Lee', preferredLanguage: 'ko', dateOfBirth: '1990-01-01' });
  await add('yi', a, { givenName: 'Seo-Yeon', familyName: 'Yi', preferredLanguage: 'ko', dateOfBirth: '1990-01-01' });
  await add('rhee', b, { givenName: 'Seoyeon', familyName: 'Rhee', preferredLanguage: 'en' });
  await add('hangul', b, { givenName: '서연', familyName: '이', nameKo: '이서연', preferredLanguage: 'ko', dateOfBirth: '1990-01-01' });
  await add('namesake', a, { givenName: 'Seoyeon', familyName: 'Lee', preferredLanguage: 'ko', dateOfBirth: '1985-05-05' });
  await add('minji', a, { givenName: 'Minji', familyName: 'Lee', preferredLanguage: 'ko', dateOfBirth: '1990-01-01' });
  await add('kim', a, { givenName: 'Seoyeon', familyName: 'Kim', preferredLanguage: 'ko', dateOfBirth: '1990-01-01' });
  await add('later', a, { givenName: 'Seoyeon', familyName: 'Park', preferredLanguage: 'ko' });
  // Many others, among them many Lees, written straight to the table as rows from before
  // conflict_keys existed (no keys), for backfillConflictKeys to key.
  await t.deps.database.query(
    `insert into people (org_id, given_name, family_name, preferred_language)
     select case when g % 2 = 0 then $1::uuid else $2::uuid end, 'Filler' || g, (array['Lee', 'Kim', 'Park', 'García', 'Smith'])[g % 5 + 1], 'en'
     from generate_series(1, ${FILLER}) g`,
    [t.orgs.a, t.orgs.b],
  );
});
afterAll(() => t?.close());

const seoyeonLee = { givenName: 'Seoyeon', familyName: 'Lee', birthDate: '1990-01-01' };
const levels = (r: Awaited<ReturnType<typeof conflictCandidates>>) => Object.fromEntries(r.matches.map((m) => [Object.entries(id).find(([, v]) => v === m.id)?.[0] ?? m.id, m.level]));

describe('conflict candidates', () => {
  it('writes conflict keys on create, and backfills rows that have none', async () => {
    const db = t.deps.database.db;
    const [lee] = await queryRows<{ conflict_keys: string[] }>(db, sql`select conflict_keys from people where id = ${id.lee}`);
    expect(lee.conflict_keys).toEqual(expect.arrayContaining(partyConflictKeys({ givenName: 'Seoyeon', familyName: 'Lee' })));
    expect(await backfillConflictKeys(db, 700)).toBe(FILLER);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from people where conflict_keys = '{}'::text[]`);
    expect(n).toBe(0);
    expect(await backfillConflictKeys(db, 700)).toBe(0);
  });

  it('finds Lee, Yi, Rhee and 이 with the same given name among many others; another birth date is no match', async () => {
    const r = await conflictCandidates(t.deps.database.db, seoyeonLee, { networkWide: true, keyring: t.deps.keyring });
    expect(levels(r)).toEqual({ lee: 'strong', yi: 'strong', hangul: 'strong', rhee: 'possible' });
    // The namesake shares the keys (read by the pre-filter) and is ruled out by the date.
    expect(r.candidates).toBe(5);
    expect(r.truncated).toBe(false);
    // Without a date the namesake stays possible.
    const noDob = await conflictCandidates(t.deps.database.db, { givenName: '서연', familyName: '이' }, { networkWide: true, keyring: t.deps.keyring });
    expect(levels(noDob)).toEqual({ lee: 'possible', yi: 'possible', hangul: 'possible', rhee: 'possible', namesake: 'possible' });
  });

  it('keeps to the affiliates asked for', async () => {
    const r = await conflictCandidates(t.deps.database.db, seoyeonLee, { orgIds: [t.orgs.a], keyring: t.deps.keyring });
    expect(levels(r)).toEqual({ lee: 'strong', yi: 'strong' });
    expect((await conflictCandidates(t.deps.database.db, seoyeonLee, { orgIds: [], keyring: t.deps.keyring })).matches).toEqual([]);
  });

  it('rebuilds the keys when a name is edited', async () => {
    const ctx = systemCtx(t.deps, t.orgs.a);
    const before = await conflictCandidates(t.deps.database.db, { givenName: 'Seoyeon', familyName: 'Rhee' }, { orgIds: [t.orgs.a], keyring: t.deps.keyring });
    expect(before.matches.map((m) => m.id)).not.toContain(id.later);
    await updatePerson({ ctx, input: { id: id.later, version: 1, familyName: 'Lee' } });
    const after = await conflictCandidates(t.deps.database.db, { givenName: 'Seoyeon', familyName: 'Rhee' }, { orgIds: [t.orgs.a], keyring: t.deps.keyring });
    expect(after.matches.map((m) => m.id)).toContain(id.later);
  });

  it('pre-filters with the GIN index', async () => {
    const db = t.deps.database.db;
    // VACUUM also flushes the GIN pending list the backfill filled (the planner prices scanning it).
    await t.deps.database.exec('vacuum analyze people');
    const plan = await queryRows<Record<string, string>>(db, sql`explain ${candidateQuery(partyConflictKeys(seoyeonLee), { networkWide: true })}`);
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    // PGlite's planner (PostgreSQL 18, a few thousand rows) may still prefer a scan; PostgreSQL must use the index.
    if (testDbKind === 'postgres' || text.includes('people_conflict_keys_idx')) expect(text).toContain('people_conflict_keys_idx');
  });
});
