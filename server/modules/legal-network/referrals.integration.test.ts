import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { hashPassword } from '../auth/index.ts';
import { caseEvents, cases } from '../cases/index.ts';
import { addSenders, userId } from '../hotline/conversations.test-helpers.ts';
import { hotlineResponders, hotlineShiftOverrides } from '../hotline/index.ts';
import { outboundMessages } from '../messaging/index.ts';
import { orgRepo } from '../organizations/index.ts';
import { escalateOverdueReferrals } from './referral-escalation.ts';
import { providers, referrals } from './legal-network.table.ts';

/**
 * Referrals through the real app: suggestions (language, capacity, LSC), sending once, the
 * provider's minimal email, the portal's conflict check across affiliates, details only after
 * it, every step on the case's timeline, the walls (other providers, other affiliates, staff),
 * and the detention 48-hour escalation.
 */
let t: TestApp;
const db = () => t.deps.database.db;
const DOB = '1999-04-12';
let coordA: Client;
let coordB: Client;
let grace: Client;
let graceId: string;
let otherPortal: Client;
let lscId: string;
let inactiveId: string;
let caseId: string;
let referralId: string;
let previousB: string;
let previousA: string;

async function portalUser(email: string, name: string) {
  const user = await orgRepo.insertUser(db(), { email, displayName: name, language: 'ko', passwordHash: await hashPassword(TEST_PASSWORD) });
  return user.id;
}

async function addProvider(values: Partial<typeof providers.$inferInsert> & { name: string }) {
  const [p] = await db()
    .insert(providers)
    .values({ orgId: t.orgs.net, kind: 'attorney', languages: ['en'], practiceAreas: ['daca_renewal', 'detention'], states: ['VA'], proBonoPerMonth: 2, ...values })
    .returning();
  return p.id;
}

async function personAndCase(c: Client, person: Record<string, unknown>, type: string) {
  const p = await c.post('/api/v1/people', { preferredLanguage: 'ko', state: 'VA', ...person });
  expect(p.statusCode, p.body).toBe(201);
  const kase = await c.post('/api/v1/cases', { personId: p.json().id, type });
  expect(kase.statusCode, kase.body).toBe(201);
  return kase.json().id as string;
}

const timeline = async (id: string) => (await db().select().from(caseEvents).where(eq(caseEvents.caseId, id))).map((e) => e.kind);

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  coordA = await t.as('coordinator', 'a');
  coordB = await t.as('coordinator', 'b');
  const graceUser = await portalUser('grace@kimlaw.test', 'Grace Kim');
  await portalUser('other@law.test', 'Other Attorney');
  graceId = await addProvider({ name: 'Grace Kim', organizationName: 'Kim Immigration Law', languages: ['ko', 'en'], proBonoPerMonth: 3, courts: ['Arlington Immigration Court'], email: 'grace@kimlaw.test', lang: 'ko', userId: graceUser });
  await addProvider({ name: 'Sam Smith', languages: ['en', 'es'], proBonoPerMonth: 10, states: ['VA', 'MD', 'DC'], email: 'sam@smith.test' });
  lscId = await addProvider({ name: 'Virginia Legal Aid', languages: ['ko', 'en'], proBonoPerMonth: 50, fundingRestrictions: ['lsc'] });
  await addProvider({ name: 'Illinois Counsel', languages: ['ko'], states: ['IL'] });
  inactiveId = await addProvider({ name: 'Retired Attorney', languages: ['ko'], active: false });
  await addProvider({ name: 'Other Attorney', userId: (await orgRepo.findUserByEmail(db(), 'other@law.test'))!.id });
  grace = await t.signIn('grace@kimlaw.test');
  otherPortal = await t.signIn('other@law.test');

  // Grace's earlier referrals: the same person at affiliate B (same birth date), and a different Minji at A.
  const caseB = await personAndCase(coordB, { givenName: '민지', familyName: '이', dateOfBirth: DOB, immigrationStatus: 'DACA' }, 'daca_renewal');
  previousB = (await coordB.post(`/api/v1/cases/${caseB}/referrals`, { providerId: graceId })).json().id;
  const caseYi = await personAndCase(coordA, { givenName: 'Min-ji', familyName: 'Yi', dateOfBirth: '2001-09-30' }, 'daca_renewal');
  previousA = (await coordA.post(`/api/v1/cases/${caseYi}/referrals`, { providerId: graceId })).json().id;

  caseId = await personAndCase(coordA, { givenName: 'Minji', familyName: 'Lee', nameKo: '이민지', dateOfBirth: DOB, immigrationStatus: 'DACA', phone: '(703) 555-0142' }, 'daca_renewal');
  expect((await coordA.put(`/api/v1/cases/${caseId}/daca`, { expiresOn: '2027-03-01', lastApprovedOn: '2025-03-01' })).statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('suggestions and sending', () => {
  it('ranks the Korean-speaking VA attorney first and leaves out the LSC-funded program for a DACA client', async () => {
    const res = await coordA.get(`/api/v1/cases/${caseId}/referrals/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.need).toEqual({ type: 'daca_renewal', lang: 'ko', state: 'VA', clientRestricted: true });
    const eligible = body.items.filter((i: { excluded: boolean }) => !i.excluded);
    expect(eligible[0].provider.name).toBe('Grace Kim');
    expect(eligible[0].reasons).toContain('speaks_language');
    const byName = new Map(body.items.map((i: { provider: { name: string } }) => [i.provider.name, i]));
    expect(byName.get('Virginia Legal Aid')).toMatchObject({ excluded: true, reasons: ['lsc_restricted'] });
    expect(byName.get('Illinois Counsel')).toMatchObject({ excluded: true, reasons: ['state_not_served'] });
    expect(byName.get('Retired Attorney')).toMatchObject({ excluded: true, reasons: ['inactive'] });
    expect(eligible.map((i: { provider: { name: string } }) => i.provider.name)).toEqual(['Grace Kim', 'Sam Smith', 'Other Attorney']);
  });

  it('refuses an LSC-funded provider for a DACA client and an inactive one, with clear codes', async () => {
    const lsc = await coordA.post(`/api/v1/cases/${caseId}/referrals`, { providerId: lscId });
    expect(lsc.statusCode).toBe(400);
    expect(lsc.json().error).toMatchObject({ code: 'provider_lsc_restricted', field: 'providerId' });
    expect(lsc.json().error.message).toContain('45 CFR 1626');
    const inactive = await coordA.post(`/api/v1/cases/${caseId}/referrals`, { providerId: inactiveId });
    expect(inactive.json().error.code).toBe('provider_inactive');
    expect(await db().select().from(referrals).where(eq(referrals.caseId, caseId))).toHaveLength(0);
  });

  it('sends once on a double click, moves the case to referred and emails the provider without the client', async () => {
    const body = { providerId: graceId, summary: 'DACA renewal; EAD expires March 2027. Prefers Korean.' };
    const [a, b] = await Promise.all([coordA.post(`/api/v1/cases/${caseId}/referrals`, body), coordA.post(`/api/v1/cases/${caseId}/referrals`, body)]);
    expect([a.statusCode, b.statusCode], a.body + b.body).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect([a.json().created, b.json().created].sort()).toEqual([false, true]);
    referralId = a.json().id;
    expect(await db().select().from(referrals).where(eq(referrals.caseId, caseId))).toHaveLength(1);
    expect(a.json()).toMatchObject({ status: 'sent', consultBy: null, provider: { name: 'Grace Kim' } });
    const [c] = await db().select().from(cases).where(eq(cases.id, caseId));
    expect(c.status).toBe('referred');

    const mail = await db().select().from(outboundMessages).where(and(eq(outboundMessages.toAddress, 'grace@kimlaw.test'), eq(outboundMessages.dedupeKey, `referral:${referralId}`)));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: 'email', lang: 'ko', kind: 'notification' });
    expect(mail[0].body).toContain('Affiliate A');
    expect(mail[0].body).toContain('DACA 갱신');
    expect(mail[0].body).toContain('한국어');
    for (const secret of ['Minji', '이민지', 'Lee', '0142', 'EAD', DOB]) expect(`${mail[0].subject} ${mail[0].body}`).not.toContain(secret);

    const list = (await coordA.get(`/api/v1/cases/${caseId}/referrals`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([referralId]);
  });
});

describe('the attorney portal', () => {
  it('lists names only, and hides the details until the conflict check is cleared', async () => {
    const res = await grace.get('/api/v1/portal/referrals');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { id: string }) => i.id).sort()).toEqual([referralId, previousA, previousB].sort());
    const mine = items.find((i: { id: string }) => i.id === referralId);
    expect(mine).toEqual({
      id: referralId, affiliate: { name: 'Affiliate A' }, caseType: 'daca_renewal', lang: 'ko', status: 'sent', sentAt: expect.any(String),
      consultBy: null, consultationAt: null, parties: [{ role: 'client', name: '이민지 · Minji Lee' }],
    });
    expect(res.body).not.toContain('0142');
    expect(res.body).not.toContain('EAD');
    const details = await grace.get(`/api/v1/portal/referrals/${referralId}`);
    expect(details.statusCode).toBe(404);
    expect(details.body).not.toContain('Minji');
  });

  it("shows the same person at another affiliate as a strong match, not a namesake born on another day", async () => {
    const res = await grace.get(`/api/v1/portal/referrals/${referralId}/conflicts`);
    expect(res.statusCode, res.body).toBe(200);
    const { matches } = res.json();
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: previousB, level: 'strong', name: '민지 이', affiliate: { name: 'Affiliate B' } });
    expect(matches[0].reasons).toContain('dob_same');
    expect(matches.map((m: { id: string }) => m.id)).not.toContain(previousA);
    // B's log records that its person was compared, under the provider's name.
    const [logged] = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.b), eq(auditLog.action, 'referral.conflict_compare')));
    expect(logged.actorLabel).toContain('Grace Kim');
  });

  it('needs every match acknowledged to clear; then the details are there and every read is audited in the case’s affiliate', async () => {
    const unacked = await grace.post(`/api/v1/portal/referrals/${referralId}/conflict`, { noConflict: true });
    expect(unacked.statusCode).toBe(409);
    expect(unacked.json().error.code).toBe('conflict_matches_unacknowledged');
    expect((await grace.get(`/api/v1/portal/referrals/${referralId}`)).statusCode).toBe(404);

    const cleared = await grace.post(`/api/v1/portal/referrals/${referralId}/conflict`, { noConflict: true, acknowledged: [previousB] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().status).toBe('conflict_cleared');

    const details = await grace.get(`/api/v1/portal/referrals/${referralId}`);
    expect(details.statusCode, details.body).toBe(200);
    expect(details.json()).toMatchObject({
      status: 'conflict_cleared',
      summary: 'DACA renewal; EAD expires March 2027. Prefers Korean.',
      contact: { name: '이민지 · Minji Lee', phone: '+17035550142', preferredLanguage: 'ko' },
      daca: { expiresOn: '2027-03-01', lastApprovedOn: '2025-03-01' },
    });
    expect(details.json()).not.toHaveProperty('notes');
    const reads = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'referral.portal_read'), eq(auditLog.entityId, caseId)));
    expect(reads).toHaveLength(1);
    expect(reads[0].actorLabel).toBe('grace@kimlaw.test (provider: Grace Kim)');
  });

  it('accepts once (a second accept is a 409 and writes nothing), schedules, records the outcome; the timeline shows each step', async () => {
    const first = await grace.post(`/api/v1/portal/referrals/${referralId}/accept`);
    expect(first.statusCode, first.body).toBe(200);
    const second = await grace.post(`/api/v1/portal/referrals/${referralId}/accept`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('referral_already_answered');
    expect((await timeline(caseId)).filter((k) => k === 'referral_accepted')).toHaveLength(1);

    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const scheduled = await grace.post(`/api/v1/portal/referrals/${referralId}/consultation`, { at });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'consultation_scheduled', consultationAt: at });
    const done = await grace.post(`/api/v1/portal/referrals/${referralId}/outcome`, { outcome: 'retained', note: 'Retained for the renewal; packet due in two weeks.' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    expect((await grace.post(`/api/v1/portal/referrals/${referralId}/outcome`, { outcome: 'other' })).json().error.code).toBe('referral_closed');

    const kase = (await coordA.get(`/api/v1/cases/${caseId}`)).json();
    const kinds = kase.timeline.map((e: { kind: string }) => e.kind);
    // The status change and the referral are one transaction (one timestamp): either order.
    expect([...kinds.slice(0, 2), ...kinds.slice(2, 4).sort(), ...kinds.slice(4)]).toEqual([
      'opened', 'daca_dates', 'referral_sent', 'status', 'referral_conflict_cleared', 'referral_accepted', 'referral_consultation_scheduled', 'referral_completed',
    ]);
    expect(kase.timeline.find((e: { kind: string }) => e.kind === 'referral_accepted').actor.name).toBe('Grace Kim');
    expect(kase.notes.map((n: { body: string }) => n.body)).toContain('Retained for the renewal; packet due in two weeks.');
    const suggestions = (await coordA.get(`/api/v1/cases/${caseId}/referrals/suggestions`)).json();
    expect(suggestions.items.find((i: { provider: { id: string } }) => i.provider.id === graceId)).toMatchObject({ provider: { acceptedThisMonth: 1 }, proBonoLeft: 2 });
    const [row] = await db().select().from(referrals).where(eq(referrals.id, referralId));
    expect(row).toMatchObject({ status: 'completed', outcome: 'retained' });
    expect(row.respondedAt).not.toBeNull();
  });

  it('declares a conflict: the referral is declined with reason conflict', async () => {
    const res = await grace.post(`/api/v1/portal/referrals/${previousA}/conflict`, { noConflict: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('declined');
    const [row] = await db().select().from(referrals).where(eq(referrals.id, previousA));
    expect(row.declineReason).toBe('conflict');
  });
});

describe('walls', () => {
  it('another provider, and staff who are not providers, get 404 on the portal', async () => {
    expect((await otherPortal.get(`/api/v1/portal/referrals/${referralId}`)).statusCode).toBe(404);
    expect((await otherPortal.get(`/api/v1/portal/referrals/${previousB}/conflicts`)).statusCode).toBe(404);
    expect((await otherPortal.post(`/api/v1/portal/referrals/${previousB}/accept`)).statusCode).toBe(404);
    expect((await otherPortal.get('/api/v1/portal/referrals')).json()).toEqual({ items: [] });
    for (const staff of [coordA, await t.as('affiliate_admin', 'a')]) {
      expect((await staff.get('/api/v1/portal/referrals')).statusCode).toBe(404);
      expect((await staff.get(`/api/v1/portal/referrals/${referralId}`)).statusCode).toBe(404);
    }
    const [row] = await db().select().from(referrals).where(eq(referrals.id, previousB));
    expect(row.status).toBe('sent');
  });

  it("a staff member of another affiliate cannot see or touch affiliate A's referrals", async () => {
    const list = await coordB.get(`/api/v1/cases/${caseId}/referrals`);
    expect(list.statusCode).toBe(404);
    expect((await coordB.get(`/api/v1/cases/${caseId}/referrals/suggestions`)).statusCode).toBe(404);
    expect((await coordB.post(`/api/v1/cases/${caseId}/referrals/${referralId}/withdraw`, {})).statusCode).toBe(404);
    expect((await coordB.post(`/api/v1/cases/${caseId}/referrals`, { providerId: graceId })).statusCode).toBe(404);
    expect(list.body).not.toContain(referralId);
  });

  it('a withdrawn referral closes the portal details; withdrawing twice changes nothing', async () => {
    const res = await coordB.post(`/api/v1/cases/${(await db().select().from(referrals).where(eq(referrals.id, previousB)))[0].caseId}/referrals/${previousB}/withdraw`, { reason: 'resolved' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    const again = await coordB.post(`/api/v1/cases/${res.json().caseId}/referrals/${previousB}/withdraw`, {});
    expect(again.json().status).toBe('withdrawn');
    expect((await grace.post(`/api/v1/portal/referrals/${previousB}/accept`)).json().error.code).toBe('referral_closed');
    expect((await grace.get(`/api/v1/portal/referrals/${previousB}`)).statusCode).toBe(404);
  });
});

describe('detention: the 48-hour rule', () => {
  it('escalates a referral past its consult-by once, texting the on-call coordinator', async () => {
    const detention = await personAndCase(coordA, { givenName: 'Jiho', familyName: 'Park' }, 'detention');
    const sent = await coordA.post(`/api/v1/cases/${detention}/referrals`, { providerId: graceId });
    expect(sent.statusCode, sent.body).toBe(201);
    const consultBy = new Date(sent.json().consultBy).getTime();
    expect(Math.abs(consultBy - (Date.now() + 48 * 3_600_000))).toBeLessThan(60_000);
    const id = sent.json().id;

    // Not yet due: nothing happens.
    expect(await escalateOverdueReferrals(t.deps, new Date(Date.now() + 47 * 3_600_000))).toEqual({ escalated: 0 });
    const later = new Date(Date.now() + 49 * 3_600_000);
    // Nobody on call then: not stamped (tried again next sweep), and the timeline says so once.
    expect(await escalateOverdueReferrals(t.deps, later)).toEqual({ escalated: 0 });
    expect(await escalateOverdueReferrals(t.deps, later)).toEqual({ escalated: 0 });
    expect((await timeline(detention)).filter((k) => k === 'referral_escalation_undelivered')).toHaveLength(1);

    const coordinator = await userId(t, 'coordinator', 'a');
    await db().insert(hotlineResponders).values({ orgId: t.orgs.a, userId: coordinator, languages: ['ko'], phoneE164: '+13125550777' });
    await db().insert(hotlineShiftOverrides).values({ orgId: t.orgs.a, userId: coordinator, kind: 'on', role: 'coordinator', startsAt: new Date(later.getTime() - 3_600_000), endsAt: new Date(later.getTime() + 3_600_000) });
    const [first, second] = [await escalateOverdueReferrals(t.deps, later), await escalateOverdueReferrals(t.deps, later)];
    expect([first, second]).toEqual([{ escalated: 1 }, { escalated: 0 }]);

    const texts = await db().select().from(outboundMessages).where(and(eq(outboundMessages.toAddress, '+13125550777'), eq(outboundMessages.kind, 'staff_alert')));
    expect(texts).toHaveLength(1);
    expect(texts[0].body).toContain('DETENTION');
    expect(texts[0].body).toContain(`/cases/${detention}`);
    expect(texts[0].body).not.toContain('Jiho');
    expect((await timeline(detention)).filter((k) => k === 'referral_escalated')).toHaveLength(1);
    const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
    expect(row.escalatedAt?.getTime()).toBe(later.getTime());
  });
});
