import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { hashPassword } from '../auth/index.ts';
import { addSenders } from '../hotline/conversations.test-helpers.ts';
import { orgRepo } from '../organizations/index.ts';
import { providers } from './legal-network.table.ts';

/**
 * The portal's one-referral header (`GET /api/v1/portal/referrals/:id/header`): the same
 * entry the list gives, names only before the conflict check, in every status; read and
 * audited in the case's affiliate alone (the list logs a read in every referring affiliate);
 * 404 for anyone the referral was not sent to.
 */
let t: TestApp;
const db = () => t.deps.database.db;
let coordA: Client;
let coordB: Client;
let hana: Client;
let otherPortal: Client;
let hanaId: string;
let fromA: string;
let fromB: string;

async function portalProvider(email: string, name: string) {
  const user = await orgRepo.insertUser(db(), { email, displayName: name, language: 'ko', passwordHash: await hashPassword(TEST_PASSWORD) });
  const [p] = await db()
    .insert(providers)
    .values({ orgId: t.orgs.net, kind: 'attorney', name, languages: ['ko', 'en'], practiceAreas: ['daca_renewal', 'tps'], states: ['VA', 'IL', 'NY'], proBonoPerMonth: 5, email, userId: user.id })
    .returning();
  return p.id;
}

async function referral(c: Client, person: Record<string, unknown>, type: string, providerId: string) {
  const p = await c.post('/api/v1/people', { preferredLanguage: 'ko', ...person });
  expect(p.statusCode, p.body).toBe(201);
  const kase = await c.post('/api/v1/cases', { personId: p.json().id, type });
  expect(kase.statusCode, kase.body).toBe(201);
  const sent = await c.post(`/api/v1/cases/${kase.json().id}/referrals`, { providerId, summary: 'Needs help with the I-765 photos' });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json().id as string;
}

const auditsOf = (action: string, orgId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.orgId, orgId)));

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  coordA = await t.as('coordinator', 'a');
  coordB = await t.as('coordinator', 'b');
  hanaId = await portalProvider('hana@parklaw.test', 'Hana Park');
  await portalProvider('someone@else.test', 'Someone Else');
  hana = await t.signIn('hana@parklaw.test');
  otherPortal = await t.signIn('someone@else.test');
  fromA = await referral(coordA, { givenName: 'Seojun', familyName: 'Choi', nameKo: '최서준', phone: '(312) 555-0811', dateOfBirth: '1998-02-03' }, 'daca_renewal', hanaId);
  fromB = await referral(coordB, { givenName: 'Yuna', familyName: 'Jung', phone: '(212) 555-0812' }, 'tps', hanaId);
});
afterAll(() => t?.close());

describe('one referral in the portal', () => {
  it('is the list entry for that referral: names only before the conflict check', async () => {
    const list = (await hana.get('/api/v1/portal/referrals')).json().items;
    for (const id of [fromA, fromB]) {
      const res = await hana.get(`/api/v1/portal/referrals/${id}/header`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(list.find((i: { id: string }) => i.id === id));
    }
    const a = await hana.get(`/api/v1/portal/referrals/${fromA}/header`);
    expect(a.json()).toMatchObject({ status: 'sent', caseType: 'daca_renewal', affiliate: { name: 'Affiliate A' }, parties: [{ role: 'client', name: '최서준 · Seojun Choi' }] });
    for (const hidden of ['0811', '1998', 'I-765', 'contact', 'summary', t.orgs.a]) expect(a.body).not.toContain(hidden);
  });

  it('is audited once, in the case’s affiliate only', async () => {
    const before = { a: (await auditsOf('referral.portal_header', t.orgs.a)).length, b: (await auditsOf('referral.portal_header', t.orgs.b)).length };
    const lists = { a: (await auditsOf('referral.portal_list', t.orgs.a)).length, b: (await auditsOf('referral.portal_list', t.orgs.b)).length };
    expect((await hana.get(`/api/v1/portal/referrals/${fromA}/header`)).statusCode).toBe(200);
    const rows = (await auditsOf('referral.portal_header', t.orgs.a)).slice(before.a);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: 'case', details: { referralId: fromA } });
    expect(rows[0].actorLabel).toContain('Hana Park');
    expect((await auditsOf('referral.portal_header', t.orgs.b)).length).toBe(before.b);
    // No list read behind it, in either affiliate.
    expect({ a: (await auditsOf('referral.portal_list', t.orgs.a)).length, b: (await auditsOf('referral.portal_list', t.orgs.b)).length }).toEqual(lists);
  });

  it('follows the referral through clearance, acceptance and a withdrawal', async () => {
    expect((await hana.post(`/api/v1/portal/referrals/${fromA}/conflict`, { noConflict: true })).statusCode).toBe(200);
    expect((await hana.post(`/api/v1/portal/referrals/${fromA}/accept`)).statusCode).toBe(200);
    expect((await hana.get(`/api/v1/portal/referrals/${fromA}/header`)).json().status).toBe('accepted');
    const caseB = (await coordB.get('/api/v1/cases')).json().items[0].id;
    expect((await coordB.post(`/api/v1/cases/${caseB}/referrals/${fromB}/withdraw`, {})).statusCode).toBe(200);
    const withdrawn = await hana.get(`/api/v1/portal/referrals/${fromB}/header`);
    expect([withdrawn.statusCode, withdrawn.json().status]).toEqual([200, 'withdrawn']);
  });

  it('answers 404 to another provider, to staff of either affiliate and for an unknown referral; 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [who, c] of [['other provider', otherPortal], ['coordinator A', coordA], ['coordinator B', coordB], ['admin A', await t.as('affiliate_admin', 'a')]] as const) {
      const res = await c.get(`/api/v1/portal/referrals/${fromA}/header`);
      expect(res.statusCode, who).toBe(404);
      expect(res.body, who).not.toContain('Seojun');
    }
    expect((await hana.get(`/api/v1/portal/referrals/${unknown}/header`)).statusCode).toBe(404);
    const malformed = await hana.get('/api/v1/portal/referrals/not-a-uuid/header');
    expect([malformed.statusCode, malformed.json().error.field]).toEqual([400, 'id']);
    expect((await t.anonymous().get(`/api/v1/portal/referrals/${fromA}/header`)).statusCode).toBe(401);
  });
});
