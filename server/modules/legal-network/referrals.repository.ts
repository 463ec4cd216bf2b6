import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Referral, ReferralStatus } from '../../../contracts/legal-network.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { casesRepo } from '../cases/cases.repository.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { people } from '../people/people.table.ts';
import { providers, REFERRAL_STATUSES, referrals } from './legal-network.table.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;

// The contract's enum and the table's list are one list written twice: fail the build if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesAgree: Same<(typeof REFERRAL_STATUSES)[number], ReferralStatus> = true;
void statusesAgree;

/** A referral still in play: the unique index (one per case and provider) covers exactly these. */
export const LIVE_STATUSES = ['sent', 'conflict_cleared', 'accepted', 'consultation_scheduled'] as const satisfies readonly ReferralStatus[];
/** Statuses in which the provider has taken the matter on (their pro bono capacity is used). */
export const TAKEN_STATUSES = ['accepted', 'consultation_scheduled', 'completed'] as const satisfies readonly ReferralStatus[];
/** The provider may see the details: the conflict check is cleared and nobody withdrew or declined. */
export const DETAIL_STATUSES = ['conflict_cleared', 'accepted', 'consultation_scheduled', 'completed'] as const satisfies readonly ReferralStatus[];

export const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** "이민지 · Minji Lee": the same display as the case list. */
export const personDisplayName = (p: { nameKo: string | null; givenName: string; familyName: string }) =>
  [p.nameKo, [p.givenName, p.familyName].filter(Boolean).join(' ')].filter(Boolean).join(' · ');

export const referralsRepo = {
  /**
   * Matters each provider accepted this calendar month (UTC), across the whole network: a
   * provider's pro bono capacity is theirs, not one affiliate's. Read as the system (referrals
   * are behind each affiliate's wall) and only as counts, outside any request transaction.
   */
  async acceptedThisMonth(deps: Deps, now = new Date()): Promise<Map<string, number>> {
    const rows = await deps.database.db
      .select({ providerId: referrals.providerId, n: sql<number>`count(*)::int` })
      .from(referrals)
      .where(and(inArray(referrals.status, [...TAKEN_STATUSES]), gte(referrals.respondedAt, monthStart(now))))
      .groupBy(referrals.providerId);
    return new Map(rows.map((r) => [r.providerId, Number(r.n)]));
  },

  /**
   * Where a provider's referrals live (id, affiliate, case), newest first: the portal's only
   * read as the system. Everything else is read inside the owning affiliate's wall.
   */
  async homesOf(deps: Deps, providerId: string) {
    return deps.database.db
      .select({ id: referrals.id, orgId: referrals.orgId, caseId: referrals.caseId })
      .from(referrals)
      .where(eq(referrals.providerId, providerId))
      .orderBy(desc(referrals.sentAt))
      .limit(1000);
  },

  async provider(db: DbOrTx, id: string): Promise<ProviderRow | undefined> {
    return (await db.select().from(providers).where(eq(providers.id, id)))[0];
  },

  async providerOfUser(db: DbOrTx, userId: string): Promise<ProviderRow | undefined> {
    return (await db.select().from(providers).where(eq(providers.userId, userId)))[0];
  },

  async orgNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...new Set(ids)]));
    return new Map(rows.map((o) => [o.id, o.name]));
  },

  /** People of one org by id (the caller's transaction must be set to that org). */
  async persons(db: DbOrTx, orgId: string, ids: string[]) {
    if (!ids.length) return new Map<string, typeof people.$inferSelect>();
    const rows = await db.select().from(people).where(and(eq(people.orgId, orgId), inArray(people.id, [...new Set(ids)])));
    return new Map(rows.map((p) => [p.id, p]));
  },

  /** Rows → the affiliate's view, with provider and sender names. */
  async views(db: DbOrTx, rows: ReferralRow[]): Promise<Referral[]> {
    if (!rows.length) return [];
    const provs = await db.select().from(providers).where(inArray(providers.id, [...new Set(rows.map((r) => r.providerId))]));
    const byId = new Map(provs.map((p) => [p.id, p]));
    const names = await casesRepo.userNames(db, rows.map((r) => r.sentBy));
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return rows.map((r) => {
      const p = byId.get(r.providerId);
      return {
        id: r.id, caseId: r.caseId,
        provider: { id: r.providerId, name: p?.name ?? '', organizationName: p?.organizationName ?? null, kind: p?.kind ?? 'other' },
        status: r.status, summary: r.summary,
        sentBy: r.sentBy ? { userId: r.sentBy, name: names.get(r.sentBy) ?? '' } : null,
        sentAt: r.sentAt.toISOString(), conflictClearedAt: iso(r.conflictClearedAt), respondedAt: iso(r.respondedAt), declineReason: r.declineReason,
        consultationAt: iso(r.consultationAt), outcome: r.outcome, completedAt: iso(r.completedAt), consultBy: iso(r.consultBy), escalatedAt: iso(r.escalatedAt),
      };
    });
  },
};
