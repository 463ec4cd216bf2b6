import { and, asc, count, eq, gte, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { CaseType } from '../../../contracts/cases.ts';
import type { Provider, ProviderListQuery } from '../../../contracts/legal-network.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { providers, referrals } from './legal-network.table.ts';

export type ProviderRow = typeof providers.$inferSelect;

/** Referrals that took one of the provider's monthly pro bono slots. */
const TAKEN: (typeof referrals.$inferSelect.status)[] = ['accepted', 'consultation_scheduled', 'completed'];

/** LIKE's own wildcards typed by a user are letters, not patterns. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The import's and the create's notion of "the same entry": name and email, any case, spaces
 * trimmed, Hangul in one Unicode form (a name pasted from macOS arrives decomposed).
 */
export const sameEntryKey = (name: string, email: string | null | undefined) =>
  `${name.normalize('NFC').trim().toLowerCase()}\u0000${(email ?? '').trim().toLowerCase()}`;

/** The directory's reads and writes. Reads see every org's entries (RLS providers_read); writes only the keeper's. */
export const providersRepo = {
  async list(db: DbOrTx, f: ProviderListQuery): Promise<{ rows: ProviderRow[]; total: number }> {
    const conds: (SQL | undefined)[] = [
      eq(providers.active, f.active),
      f.kind ? eq(providers.kind, f.kind) : undefined,
      // arrays as text[] literals: the same SQL on PGlite and PostgreSQL (DESIGN §5)
      f.language ? sql`${providers.languages} @> array[${f.language}]::text[]` : undefined,
      f.practiceArea ? sql`${providers.practiceAreas} @> array[${f.practiceArea}]::text[]` : undefined,
      f.state ? sql`${providers.states} @> array[${f.state}]::text[]` : undefined,
    ];
    if (f.q) {
      const pattern = `%${likeEscape(f.q.normalize('NFC'))}%`;
      conds.push(or(ilike(providers.name, pattern), ilike(providers.organizationName, pattern)));
    }
    const where = and(...conds);
    const rows = await db.select().from(providers).where(where).orderBy(asc(providers.name), asc(providers.id)).limit(f.limit).offset(f.offset);
    const [{ n }] = await db.select({ n: count() }).from(providers).where(where);
    return { rows, total: n };
  },

  /** Any org's entry (the directory is the network's); a missing one is a 404. */
  async find(db: DbOrTx, id: string): Promise<ProviderRow> {
    const [row] = await db.select().from(providers).where(eq(providers.id, id));
    if (!row) throw notFound('provider');
    return row;
  },

  /** The keeper's own entry, locked for the change; another org's entry is a 404, as if it were not there (DESIGN §3 rule 2). */
  async lockOwn(db: DbOrTx, orgId: string, id: string): Promise<ProviderRow> {
    const [row] = await db.select().from(providers).where(and(eq(providers.orgId, orgId), eq(providers.id, id))).for('update');
    if (!row) throw notFound('provider');
    return row;
  },

  async insert(db: DbOrTx, values: (typeof providers.$inferInsert)[]): Promise<ProviderRow[]> {
    if (!values.length) return [];
    return db.insert(providers).values(values).returning();
  },

  /** The change and the next version, in one statement. */
  async update(db: DbOrTx, id: string, patch: Partial<typeof providers.$inferInsert>, version: number): Promise<ProviderRow> {
    const [row] = await db
      .update(providers)
      .set({ ...patch, version: version + 1, updatedAt: new Date() })
      .where(eq(providers.id, id))
      .returning();
    return row;
  },

  /** Every active entry of the network, for the HSDS export. */
  activeAll(db: DbOrTx): Promise<ProviderRow[]> {
    return db.select().from(providers).where(eq(providers.active, true)).orderBy(asc(providers.name), asc(providers.id));
  },

  /** The org's entries as sameEntryKey → id, for duplicate checks. */
  async entryKeys(db: DbOrTx, orgId: string, exceptId?: string): Promise<Map<string, string>> {
    const rows = await db
      .select({ id: providers.id, name: providers.name, email: providers.email })
      .from(providers)
      .where(and(eq(providers.orgId, orgId), exceptId ? ne(providers.id, exceptId) : undefined));
    return new Map(rows.map((r) => [sameEntryKey(r.name, r.email), r.id]));
  },

  /**
   * One writer of an org's directory at a time, until the transaction ends: the duplicate check
   * and the insert of a create or an import then see the same rows (no unique constraint can say
   * "same name and email, any case").
   */
  async lockOrgDirectory(db: DbOrTx, orgId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`providers:${orgId}`}))`);
  },

  /**
   * Pro bono referrals each provider took this calendar month (UTC), across the network: a
   * capacity figure, counts only. Pass the process's own connection (outside RLS) for the
   * network-wide figure; inside an org's transaction RLS limits it to that org's referrals.
   */
  async acceptedThisMonth(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await db
      .select({ providerId: referrals.providerId, n: count() })
      .from(referrals)
      .where(and(inArray(referrals.providerId, ids), inArray(referrals.status, TAKEN), gte(referrals.respondedAt, sql`date_trunc('month', now())`)))
      .groupBy(referrals.providerId);
    return new Map(rows.map((r) => [r.providerId, r.n]));
  },
};

export function providerView(row: ProviderRow, acceptedThisMonth = 0): Provider {
  return {
    id: row.id,
    orgId: row.orgId,
    kind: row.kind,
    name: row.name,
    organizationName: row.organizationName,
    languages: row.languages,
    practiceAreas: row.practiceAreas as CaseType[],
    states: row.states,
    courts: row.courts,
    fundingRestrictions: row.fundingRestrictions as Provider['fundingRestrictions'],
    proBonoPerMonth: row.proBonoPerMonth,
    email: row.email,
    phone: row.phone,
    contactPreference: row.contactPreference,
    website: row.website,
    active: row.active,
    lang: row.lang,
    acceptedThisMonth,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
