/**
 * Bulk load for the search benchmark: generated people straight into the people table,
 * with search keys from the app's own builder (name-keys.ts), in multi-row `unnest`
 * batches. Nothing is encrypted (no sensitive fields are filled).
 */
import type { Database } from '../../server/db/client.ts';
import { buildSearchKeys } from '../../server/modules/people/name-keys.ts';
import type { GeneratedPerson } from './generate-people.ts';

export const BATCH = 5_000;

export interface Columns {
  given: string[];
  family: string[];
  ko: (string | null)[];
  other: (string | null)[];
  keys: string[];
  phone: (string | null)[];
  email: (string | null)[];
  lang: string[];
  zip: string[];
  state: string[];
  created: string[];
}

export function toColumns(people: GeneratedPerson[]): Columns {
  const c: Columns = { given: [], family: [], ko: [], other: [], keys: [], phone: [], email: [], lang: [], zip: [], state: [], created: [] };
  for (const p of people) {
    c.given.push(p.givenName);
    c.family.push(p.familyName);
    c.ko.push(p.nameKo);
    c.other.push(p.otherNames);
    c.keys.push(buildSearchKeys(p));
    c.phone.push(p.phoneE164);
    c.email.push(p.email);
    c.lang.push(p.preferredLanguage);
    c.zip.push(p.zip);
    c.state.push(p.state);
    c.created.push(p.createdAt.toISOString());
  }
  return c;
}

const insertSql = (table: string) => `
  insert into ${table} (org_id, given_name, family_name, name_ko, other_names, search_keys, phone_e164, email, preferred_language, zip, state, created_at, updated_at)
  select $1::uuid, g, f, k, o, s, ph, em, l, z, st, c, c
  from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])
    as t(g, f, k, o, s, ph, em, l, z, st, c)`;

/** Insert every row in batches; returns the wall time in ms. */
export async function loadColumns(database: Database, table: string, orgId: string, c: Columns): Promise<number> {
  const sqlText = insertSql(table);
  const t0 = performance.now();
  for (let i = 0; i < c.given.length; i += BATCH) {
    const s = (xs: unknown[]) => xs.slice(i, i + BATCH);
    await database.query(sqlText, [orgId, s(c.given), s(c.family), s(c.ko), s(c.other), s(c.keys), s(c.phone), s(c.email), s(c.lang), s(c.zip), s(c.state), s(c.created)]);
  }
  return performance.now() - t0;
}
