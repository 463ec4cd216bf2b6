import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { PortalConflictCheck, PortalReferral, PortalReferralDetail, PortalReferralList } from '../../../contracts/legal-network.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { inTx, setTxOrg } from '../../platform/db-context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { cases, dacaRecords } from '../cases/cases.table.ts';
import type { Party } from './conflict-match.ts';
import { findConflicts } from './conflict-match.ts';
import { referrals } from './legal-network.table.ts';
import { DETAIL_STATUSES, personDisplayName, type ProviderRow, type ReferralRow, referralsRepo } from './referrals.repository.ts';

/**
 * The attorney portal's reads: a provider signs in with their own account (no membership in
 * any affiliate) and reaches only the referrals made to them. Anyone else — staff of any
 * affiliate included — gets 404 on every portal route.
 *
 * Referrals live behind their affiliate's wall. The portal finds where a provider's referrals
 * are with one read as the system (ids and org ids only, referralsRepo.homesOf), then reads
 * and writes each one inside its affiliate's transaction as a guest (like a hotline
 * transfer's taker): every read and change is audited there under the provider's name.
 * Before the provider confirms there is no conflict they see the parties' names and nothing else.
 */

export type Home = { id: string; orgId: string; caseId: string };

/** The signed-in user's directory entry; a user who is not a provider gets the same 404 as a missing referral. */
export async function myProvider(ctx: Ctx): Promise<ProviderRow> {
  const me = ctx.actor?.userId;
  if (!me) throw notFound('referral');
  const p = await inTx(ctx, (tx) => referralsRepo.providerOfUser(tx.db, me), { orgId: null });
  if (!p) throw notFound('referral');
  return p;
}

/** The provider acting in an affiliate's records: no permissions of its own, named in that affiliate's audit log. */
export function providerActor(ctx: Ctx, p: ProviderRow, orgId: string): Actor {
  return { ...ctx.actor!, orgId, role: 'provider', permissions: new Set(), label: `${ctx.actor!.label} (provider: ${p.name})` };
}

/**
 * Run `fn` on one of the provider's referrals, locked, inside its affiliate's transaction as
 * the provider. `homes` (all the provider's referrals) comes along for the conflict check,
 * which must be read before the transaction opens (the system read is not part of it).
 */
export async function onReferral<T>(
  ctx: Ctx,
  id: string,
  fn: (args: { tx: Ctx; provider: ProviderRow; referral: ReferralRow; homes: Home[] }) => Promise<T>,
): Promise<T> {
  const provider = await myProvider(ctx);
  const homes = await referralsRepo.homesOf(ctx.deps, provider.id);
  const home = homes.find((h) => h.id === id);
  if (!home) throw notFound('referral');
  const guest = { ...ctx, actor: providerActor(ctx, provider, home.orgId) };
  return inTx(guest, async (tx) => {
    const [referral] = await tx.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, id), eq(referrals.orgId, home.orgId), eq(referrals.providerId, provider.id)))
      .for('update');
    if (!referral) throw notFound('referral');
    return fn({ tx, provider, referral, homes });
  });
}

/** Referral rows of one org → the portal's list entries (the transaction must be set to that org). */
async function portalViews(tx: Ctx, orgId: string, rows: ReferralRow[], orgName: string): Promise<PortalReferral[]> {
  if (!rows.length) return [];
  const caseRows = await tx.db.select().from(cases).where(and(eq(cases.orgId, orgId), inArray(cases.id, rows.map((r) => r.caseId))));
  const caseById = new Map(caseRows.map((c) => [c.id, c]));
  const persons = await referralsRepo.persons(tx.db, orgId, caseRows.map((c) => c.personId));
  return rows.flatMap((r) => {
    const c = caseById.get(r.caseId);
    if (!c) return [];
    const p = persons.get(c.personId);
    return [{
      id: r.id, affiliate: { name: orgName }, caseType: c.type, lang: c.lang, status: r.status, sentAt: r.sentAt.toISOString(),
      consultBy: r.consultBy?.toISOString() ?? null, consultationAt: r.consultationAt?.toISOString() ?? null,
      parties: p ? [{ role: 'client' as const, name: personDisplayName(p) }] : [],
    }];
  });
}

/** The provider's referrals from every affiliate, newest first: names only. Each affiliate's log records that its names were shown. */
export async function listMyReferrals({ ctx }: { ctx: Ctx; input?: undefined }): Promise<PortalReferralList> {
  const provider = await myProvider(ctx);
  const homes = await referralsRepo.homesOf(ctx.deps, provider.id);
  if (!homes.length) return { items: [] };
  return inTx(ctx, async (tx) => {
    const orgNames = await referralsRepo.orgNames(tx.db, homes.map((h) => h.orgId));
    const items: PortalReferral[] = [];
    for (const orgId of new Set(homes.map((h) => h.orgId))) {
      await setTxOrg(tx, orgId);
      const ids = homes.filter((h) => h.orgId === orgId).map((h) => h.id);
      const rows = await tx.db.select().from(referrals).where(and(eq(referrals.orgId, orgId), eq(referrals.providerId, provider.id), inArray(referrals.id, ids)));
      items.push(...(await portalViews(tx, orgId, rows, orgNames.get(orgId) ?? '')));
      await audit({ ...tx, actor: providerActor(ctx, provider, orgId) }, { action: 'referral.portal_list', entityType: 'provider', entityId: provider.id, details: { referrals: ids } });
    }
    items.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    return { items };
  }, { orgId: null });
}

const partyOf = (p: { givenName: string; familyName: string; nameKo: string | null; otherNames: string | null }, birthDate: string | null): Party => ({
  givenName: p.givenName,
  familyName: p.familyName,
  nameKo: p.nameKo,
  otherNames: (p.otherNames ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  birthDate,
});

/**
 * The client of this referral against the clients of the provider's other referrals, from
 * any affiliate (read in each one's wall, names and decrypted dates of birth; each affiliate
 * whose people were compared has it in its log). Returns what may be the same person.
 */
export async function conflictMatches(tx: Ctx, provider: ProviderRow, referral: ReferralRow, homes: Home[]): Promise<z.infer<typeof PortalConflictCheck>['matches']> {
  const keyring = tx.deps.keyring;
  const here = referral.orgId;
  const [c] = await tx.db.select().from(cases).where(and(eq(cases.orgId, here), eq(cases.id, referral.caseId)));
  const client = c && (await referralsRepo.persons(tx.db, here, [c.personId])).get(c.personId);
  if (!client) return [];
  const clientParty = partyOf(client, await keyring.decryptNullable(tx.db, here, client.dateOfBirthEnc));
  // The same case referred again (declined, then sent back) is the same client, not a conflict.
  const others = homes.filter((h) => h.id !== referral.id && h.caseId !== referral.caseId);
  const orgNames = await referralsRepo.orgNames(tx.db, others.map((h) => h.orgId));
  const candidates: (Party & { id: string; name: string; orgId: string; sentAt: Date })[] = [];
  for (const orgId of new Set(others.map((h) => h.orgId))) {
    if (orgId !== here) await setTxOrg(tx, orgId);
    const ids = others.filter((h) => h.orgId === orgId).map((h) => h.id);
    const rows = await tx.db.select({ id: referrals.id, caseId: referrals.caseId, sentAt: referrals.sentAt }).from(referrals).where(and(eq(referrals.orgId, orgId), inArray(referrals.id, ids)));
    const caseRows = rows.length ? await tx.db.select({ id: cases.id, personId: cases.personId }).from(cases).where(and(eq(cases.orgId, orgId), inArray(cases.id, rows.map((r) => r.caseId)))) : [];
    const personOfCase = new Map(caseRows.map((x) => [x.id, x.personId]));
    const persons = await referralsRepo.persons(tx.db, orgId, caseRows.map((x) => x.personId));
    for (const r of rows) {
      const p = persons.get(personOfCase.get(r.caseId) ?? '');
      if (!p) continue;
      candidates.push({ ...partyOf(p, await keyring.decryptNullable(tx.db, orgId, p.dateOfBirthEnc)), id: r.id, name: personDisplayName(p), orgId, sentAt: r.sentAt });
    }
    if (orgId !== here) {
      await audit({ ...tx, actor: { ...tx.actor!, orgId } }, { action: 'referral.conflict_compare', entityType: 'provider', entityId: provider.id, details: { referrals: ids } });
      await setTxOrg(tx, here);
    }
  }
  const byId = new Map(candidates.map((x) => [x.id, x]));
  return findConflicts(clientParty, candidates).flatMap((m) => {
    const x = byId.get(m.id)!;
    return m.level === 'none' ? [] : [{ id: m.id, name: x.name, level: m.level, reasons: m.reasons, affiliate: { name: orgNames.get(x.orgId) ?? '' }, sentAt: x.sentAt.toISOString() }];
  });
}

/**
 * One referral's header, as the list shows it (affiliate, kind of matter, language, status,
 * dates, the parties' names): what the referral page needs in every status, before the
 * conflict check too. Read in the case's affiliate only, so only that affiliate's log records
 * it — opening one referral no longer reads, and logs, the provider's whole list.
 */
export async function getReferralHeader({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PortalReferral> {
  return onReferral(ctx, input.id, async ({ tx, referral }) => {
    const orgId = referral.orgId;
    const [view] = await portalViews(tx, orgId, [referral], (await referralsRepo.orgNames(tx.db, [orgId])).get(orgId) ?? '');
    if (!view) throw notFound('referral');
    await audit(tx, { action: 'referral.portal_header', entityType: 'case', entityId: referral.caseId, details: { referralId: referral.id } });
    return view;
  });
}

/** What the conflict check finds for this referral, to show before the provider answers. */
export async function checkConflicts({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<z.infer<typeof PortalConflictCheck>> {
  return onReferral(ctx, input.id, async ({ tx, provider, referral, homes }) => {
    if (referral.status === 'withdrawn') throw notFound('referral');
    const matches = await conflictMatches(tx, provider, referral, homes);
    await audit(tx, { action: 'referral.conflict_check', entityType: 'case', entityId: referral.caseId, details: { referralId: referral.id, matches: matches.length } });
    return { matches };
  });
}

/**
 * The case as the provider may see it once the conflict check is cleared: type, status,
 * language, the affiliate's summary, the person's contact and DACA dates. Not the
 * affiliate's notes. Every read is audited in the case's affiliate with the provider's name.
 * Before clearance, after a decline or a withdrawal: 404.
 */
export async function getReferralDetails({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PortalReferralDetail> {
  return onReferral(ctx, input.id, async ({ tx, referral }) => {
    if (!(DETAIL_STATUSES as readonly string[]).includes(referral.status)) throw notFound('referral');
    const orgId = referral.orgId;
    const [view] = await portalViews(tx, orgId, [referral], (await referralsRepo.orgNames(tx.db, [orgId])).get(orgId) ?? '');
    if (!view) throw notFound('referral');
    const [c] = await tx.db.select().from(cases).where(and(eq(cases.orgId, orgId), eq(cases.id, referral.caseId)));
    const person = (await referralsRepo.persons(tx.db, orgId, [c.personId])).get(c.personId)!;
    const [daca] = await tx.db.select().from(dacaRecords).where(and(eq(dacaRecords.orgId, orgId), eq(dacaRecords.personId, c.personId)));
    await audit(tx, { action: 'referral.portal_read', entityType: 'case', entityId: c.id, details: { referralId: referral.id } });
    return {
      ...view,
      summary: referral.summary,
      contact: { name: personDisplayName(person), phone: person.phoneE164, email: person.email, preferredLanguage: person.preferredLanguage },
      daca: daca ? { expiresOn: daca.expiresOn, lastApprovedOn: daca.lastApprovedOn, filedOn: daca.filedOn } : null,
      outcome: referral.outcome,
    };
  });
}

export const referralClosed = (status: string) => conflict('referral_closed', { status });
