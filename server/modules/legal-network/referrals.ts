import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Referral, ReferralList, ReferralSendInput, ReferralSuggestions } from '../../../contracts/legal-network.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { canMove } from '../cases/case-status.ts';
import { casesRepo } from '../cases/cases.repository.ts';
import { cases } from '../cases/cases.table.ts';
import { enqueueMessages } from '../messaging/index.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { people } from '../people/people.table.ts';
import { providers, referrals } from './legal-network.table.ts';
import { exclusionsOf, isRestrictedStatus, rankProviders } from './referral-ranking.ts';
import { referralNotice } from './referral-texts.ts';
import { LIVE_STATUSES, referralsRepo } from './referrals.repository.ts';

/** Detention: the consultation is due within 48 hours of the referral, or the on-call coordinator is texted (referral-escalation.ts). */
export const DETENTION_CONSULT_HOURS = 48;

/**
 * Who could take this case, best first, and who is left out and why (referral-ranking.ts).
 * The client's state is the person's, or the affiliate's when it serves one state; whether
 * LSC-funded programs are out comes from the case type and the person's recorded status
 * (decrypted here only to decide that, never returned). Audited: the list reveals it.
 */
export async function suggestReferrals({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<ReferralSuggestions> {
  const orgId = requireOrg(ctx);
  const accepted = await referralsRepo.acceptedThisMonth(ctx.deps);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.find(tx.db, orgId, input.caseId);
    const [person] = await tx.db.select({ state: people.state, statusEnc: people.immigrationStatusEnc }).from(people).where(and(eq(people.orgId, orgId), eq(people.id, c.personId)));
    const [org] = await tx.db.select({ statesServed: organizations.statesServed }).from(organizations).where(eq(organizations.id, orgId));
    const state = person?.state ?? (org?.statesServed.length === 1 ? org.statesServed[0] : null);
    const status = await ctx.deps.keyring.decryptNullable(tx.db, orgId, person?.statusEnc);
    const need = { type: c.type, lang: c.lang, state, clientRestricted: isRestrictedStatus(status) };
    // Only entries that practise this kind of matter: the rest of the directory is noise here (GIN index on practice_areas).
    const candidates = await tx.db.select().from(providers).where(sql`${providers.practiceAreas} @> array[${c.type}]::text[]`).orderBy(providers.name).limit(500);
    const ranked = rankProviders(candidates, need, accepted);
    await audit(tx, { action: 'referral.suggest', entityType: 'case', entityId: c.id, details: { candidates: candidates.length } });
    return {
      need,
      items: ranked.map((r) => ({
        provider: {
          id: r.provider.id, kind: r.provider.kind, name: r.provider.name, organizationName: r.provider.organizationName, languages: r.provider.languages, states: r.provider.states,
          courts: r.provider.courts, fundingRestrictions: r.provider.fundingRestrictions, proBonoPerMonth: r.provider.proBonoPerMonth, acceptedThisMonth: accepted.get(r.provider.id) ?? 0,
        },
        excluded: r.excluded, score: r.score, proBonoLeft: r.proBonoLeft, reasons: r.reasons,
      })),
    };
  });
}

/**
 * Refer the case to a provider. A second click (or a second coordinator) gets the live
 * referral back, not a second one (unique index on case and provider). The case moves to
 * `referred` where its workflow allows; detention cases get a consult-by 48 hours out. The
 * provider is emailed in their language with the affiliate, the kind of matter and its
 * language only: the client's name waits behind the portal's conflict check.
 *
 * Refused: an inactive provider, and an LSC-funded one for a DACA or undocumented client
 * (45 CFR 1626). A provider outside the practice area or state is the coordinator's call.
 */
export async function sendReferral({ ctx, input }: { ctx: Ctx; input: ReferralSendInput & { caseId: string } }): Promise<Referral & { created: boolean }> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.caseId);
    const provider = await referralsRepo.provider(tx.db, input.providerId);
    if (!provider) throw notFound('provider');
    const live = async () =>
      (await tx.db.select().from(referrals).where(and(eq(referrals.caseId, c.id), eq(referrals.providerId, provider.id), inArray(referrals.status, [...LIVE_STATUSES]))))[0];
    const existing = await live();
    if (existing) return { ...(await referralsRepo.views(tx.db, [existing]))[0], created: false };

    if (!provider.active) throw invalid('provider_inactive', 'providerId');
    const [person] = await tx.db.select({ statusEnc: people.immigrationStatusEnc }).from(people).where(and(eq(people.orgId, orgId), eq(people.id, c.personId)));
    const status = await ctx.deps.keyring.decryptNullable(tx.db, orgId, person?.statusEnc);
    if (exclusionsOf(provider, { type: c.type, lang: c.lang, state: null, clientRestricted: isRestrictedStatus(status) }).includes('lsc_restricted')) {
      throw invalid('provider_lsc_restricted', 'providerId');
    }

    const me = ctx.actor?.userId ?? null;
    const now = new Date();
    const consultBy = c.type === 'detention' ? new Date(now.getTime() + DETENTION_CONSULT_HOURS * 3_600_000) : null;
    const [row] = await tx.db
      .insert(referrals)
      .values({ orgId, caseId: c.id, providerId: provider.id, summary: input.summary || null, sentBy: me, sentAt: now, consultBy })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // Another transaction won the unique index between our look and our insert: its referral stands.
      const winner = await live();
      if (winner) return { ...(await referralsRepo.views(tx.db, [winner]))[0], created: false };
      throw new AppError('conflict', 409);
    }

    if (c.status !== 'referred' && canMove(c.type, c.status, 'referred')) {
      await tx.db.update(cases).set({ status: 'referred', version: c.version + 1 }).where(eq(cases.id, c.id));
      await casesRepo.event(tx.db, orgId, c.id, 'status', me, { from: c.status, to: 'referred' });
    }
    await casesRepo.event(tx.db, orgId, c.id, 'referral_sent', me, { referralId: row.id, providerId: provider.id, providerName: provider.name, consultBy: consultBy?.toISOString() ?? null });
    await audit(tx, { action: 'referral.send', entityType: 'case', entityId: c.id, details: { referralId: row.id, providerId: provider.id } });

    if (provider.email) {
      const [org] = await tx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
      const notice = referralNotice(provider.lang, { affiliate: org?.name ?? 'Haven', type: c.type, clientLang: c.lang, portalUrl: `${ctx.deps.config.publicUrl}/portal`, detention: c.type === 'detention' });
      await enqueueMessages(ctx.deps, tx.db, {
        orgId,
        createdBy: me,
        messages: [{ channel: 'email', to: provider.email, lang: provider.lang, subject: notice.subject, body: notice.body, kind: 'notification', topic: 'referrals', priority: 'high', dedupeKey: `referral:${row.id}` }],
      });
    }
    return { ...(await referralsRepo.views(tx.db, [row]))[0], created: true };
  });
}

/** The affiliate takes a referral back (the person found help elsewhere, a better fit came up). Again: no change. */
export async function withdrawReferral({ ctx, input }: { ctx: Ctx; input: { caseId: string; referralId: string; reason?: string } }): Promise<Referral> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.caseId);
    const [r] = await tx.db.select().from(referrals).where(and(eq(referrals.orgId, orgId), eq(referrals.caseId, c.id), eq(referrals.id, input.referralId))).for('update');
    if (!r) throw notFound('referral');
    if (r.status === 'withdrawn') return (await referralsRepo.views(tx.db, [r]))[0];
    if (!(LIVE_STATUSES as readonly string[]).includes(r.status)) throw conflict('referral_closed', { status: r.status });
    const [row] = await tx.db.update(referrals).set({ status: 'withdrawn', version: r.version + 1 }).where(eq(referrals.id, r.id)).returning();
    const me = ctx.actor?.userId ?? null;
    await casesRepo.event(tx.db, orgId, c.id, 'referral_withdrawn', me, { referralId: r.id, providerId: r.providerId, from: r.status, reason: input.reason ?? null });
    await audit(tx, { action: 'referral.withdraw', entityType: 'case', entityId: c.id, details: { referralId: r.id, from: r.status } });
    return (await referralsRepo.views(tx.db, [row]))[0];
  });
}

/** A case's referrals, newest first. */
export async function listCaseReferrals({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<ReferralList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.find(tx.db, orgId, input.caseId);
    const rows = await tx.db.select().from(referrals).where(and(eq(referrals.orgId, orgId), eq(referrals.caseId, c.id))).orderBy(desc(referrals.sentAt));
    return { items: await referralsRepo.views(tx.db, rows) };
  });
}
