import { and, count, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
// The conflict keys' rules live with the matcher they must agree with (pure module, no cycle back here).
import { conflictSearchKeys } from '../legal-network/conflict-match.ts';
import { buildSearchKeys } from './name-keys.ts';
import { consentEvents, people } from './people.table.ts';

export type PersonRow = typeof people.$inferSelect;

export const COUNT_CAP = 1000;

export type PersonNames = { givenName: string; familyName?: string | null; nameKo?: string | null; otherNames?: string | null };

/** other_names is one comma-separated field; the matcher reads each name apart (as the portal's partyOf does). */
const splitOtherNames = (s: string | null | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/**
 * Conflict keys of a stored person (legal-network conflictSearchKeys). No dobToken: the
 * date of birth is sealed at rest (date_of_birth_enc, org key), and a keyed date token
 * would need a network-wide secret the keyring does not offer, so stored keys are names
 * only. Consequence: a person known by a family name alone or a given name alone is not
 * found by the pre-filter (matchParty would only raise them with an equal birth date).
 */
export function conflictKeysOf(names: PersonNames): string[] {
  return conflictSearchKeys({ givenName: names.givenName, familyName: names.familyName, nameKo: names.nameKo, otherNames: splitOtherNames(names.otherNames) });
}

/**
 * Both derived name columns, written together wherever names change (create, update,
 * merge). Rows written before conflict_keys existed (or under an older
 * CONFLICT_KEYS_VERSION) get them on their next edit or from backfillConflictKeys.
 */
export function nameKeyColumns(names: PersonNames): { searchKeys: string; conflictKeys: string[] } {
  return { searchKeys: buildSearchKeys(names), conflictKeys: conflictKeysOf(names) };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PeopleFilter {
  /** Alternative readings of the query; a person matches if every word of one reading matches. */
  nameReadings: { prefixes: string[]; exact: string[] }[][];
  phone: { e164: string | null; digits: string } | null;
  language?: string;
  state?: string;
  zip?: string;
}

/** The WHERE for a search: every name word must match some key (see name-keys.ts). */
export function searchCondition(orgId: string, f: PeopleFilter): SQL {
  const parts: (SQL | undefined)[] = [eq(people.orgId, orgId), isNull(people.mergedIntoId)];
  const wordMatches = (w: { prefixes: string[]; exact: string[] }) =>
    or(
      ...w.prefixes.map((p) => sql`${people.searchKeys} like ${`% ${escapeLike(p)}%`}`),
      ...w.exact.map((e) => sql`${people.searchKeys} like ${`% ${escapeLike(e)} %`}`),
    );
  if (f.nameReadings.length) parts.push(or(...f.nameReadings.map((words) => and(...words.map(wordMatches)))));
  if (f.phone) {
    // A number that parses is found by equality (served by the org+phone index); only a
    // fragment that does not parse falls back to a suffix match.
    parts.push(f.phone.e164 ? eq(people.phoneE164, f.phone.e164) : sql`${people.phoneE164} like ${`%${escapeLike(f.phone.digits)}`}`);
  }
  if (f.language) parts.push(eq(people.preferredLanguage, f.language as PersonRow['preferredLanguage']));
  if (f.state) parts.push(eq(people.state, f.state));
  if (f.zip) parts.push(sql`${people.zip} like ${`${escapeLike(f.zip)}%`}`);
  return and(...parts)!;
}

export const peopleRepo = {
  async insert(db: DbOrTx, values: typeof people.$inferInsert) {
    const [row] = await db.insert(people).values(values).returning();
    return row;
  },
  async find(db: DbOrTx, orgId: string, id: string) {
    const [row] = await db.select().from(people).where(and(eq(people.orgId, orgId), eq(people.id, id)));
    return row ?? null;
  },
  /** Optimistic concurrency: updates only if the version is the one the editor saw. */
  async update(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof people.$inferInsert>) {
    const [row] = await db
      .update(people)
      .set({ ...patch, version: sql`${people.version} + 1`, updatedAt: new Date() })
      .where(and(eq(people.orgId, orgId), eq(people.id, id), eq(people.version, version)))
      .returning();
    return row ?? null;
  },
  async search(db: DbOrTx, orgId: string, filter: PeopleFilter, limit: number, offset: number) {
    const where = searchCondition(orgId, filter);
    const items = await db.select().from(people).where(where).orderBy(desc(people.createdAt), desc(people.id)).limit(limit).offset(offset);
    // Count no further than the cap: an exact count over 50,000 "Kim"s costs more than the page.
    const capped = db.select({ one: sql`1` }).from(people).where(where).limit(COUNT_CAP + 1).as('capped');
    const [{ n }] = await db.select({ n: count() }).from(capped);
    return { items, total: Math.min(Number(n), COUNT_CAP), totalCapped: Number(n) > COUNT_CAP };
  },
  async markMerged(db: DbOrTx, orgId: string, duplicateId: string, keepId: string) {
    await db
      .update(people)
      .set({ mergedIntoId: keepId, updatedAt: new Date(), version: sql`${people.version} + 1` })
      .where(and(eq(people.orgId, orgId), eq(people.id, duplicateId)));
  },
  consents(db: DbOrTx, orgId: string, personId: string) {
    return db
      .select()
      .from(consentEvents)
      .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.personId, personId)))
      .orderBy(desc(consentEvents.createdAt), desc(consentEvents.seq));
  },
  /** Consent history follows the person into the record that survives a merge (a new row per event: the ledger is append-only). */
  async copyConsents(db: DbOrTx, orgId: string, fromId: string, toId: string) {
    await db.execute(sql`
      insert into consent_events (org_id, person_id, channel, scope, topic, status, evidence_kind, evidence, recorded_by, created_at)
      select org_id, ${toId}, channel, scope, topic, status, evidence_kind,
             evidence || jsonb_build_object('mergedFrom', ${fromId}::text), recorded_by, created_at
      from consent_events where org_id = ${orgId} and person_id = ${fromId}`);
  },
};
