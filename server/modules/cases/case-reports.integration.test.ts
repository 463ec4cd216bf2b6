import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { people } from '../people/index.ts';
import { conversations } from '../hotline/index.ts';
import { providers, referrals } from '../legal-network/index.ts';
import { cases, dacaRecords } from './cases.table.ts';

/**
 * The funders' figures for one affiliate and period, from rows written directly: information
 * given (closed conversations with no case) vs cases by type, DACA renewals filed and on
 * time, referrals made/accepted/completed and hours to consultation; counts only, and
 * nothing of another affiliate.
 */
let t: TestApp;
const db = () => t.deps.database.db;
const HOUR = 3_600_000;
const dayOffset = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
// Days are cut in the affiliate's time zone, which may be a day behind UTC: a window around today.
const period = `from=${dayOffset(-2)}&to=${dayOffset(1)}`;

beforeAll(async () => {
  t = await startTestApp();
  const now = new Date();
  const [p1, p2] = await db().insert(people).values([
    { orgId: t.orgs.a, givenName: 'Minji', familyName: 'Lee', preferredLanguage: 'ko' },
    { orgId: t.orgs.a, givenName: 'Carlos', familyName: 'Vega', preferredLanguage: 'es' },
  ]).returning();
  const closed = { orgId: t.orgs.a, channel: 'sms' as const, lang: 'ko' as const, status: 'closed' as const, firstInboundAt: now, lastActivityAt: now, closedAt: now };
  const [answered, withCase] = await db().insert(conversations).values([
    { ...closed, contactAddress: '+13125550601', disposition: 'answered' },
    { ...closed, contactAddress: '+13125550602', disposition: 'case_opened' },
    { ...closed, contactAddress: '+13125550603', disposition: 'referred' },
    { ...closed, contactAddress: '+13125550604', disposition: 'spam' },
  ]).returning();
  expect(answered).toBeTruthy();
  const [daca, detention] = await db().insert(cases).values([
    { orgId: t.orgs.a, personId: p1.id, type: 'daca_renewal', lang: 'ko', conversationId: withCase.id },
    { orgId: t.orgs.a, personId: p2.id, type: 'detention', lang: 'es' },
    { orgId: t.orgs.a, personId: p2.id, type: 'daca_renewal', lang: 'es' },
  ]).returning();
  // Filed 130 days before expiry (on time: the window closes at 120) and 60 days before (late).
  await db().insert(dacaRecords).values([
    { orgId: t.orgs.a, personId: p1.id, caseId: daca.id, expiresOn: dayOffset(130), filedOn: dayOffset(0) },
    { orgId: t.orgs.a, personId: p2.id, expiresOn: dayOffset(60), filedOn: dayOffset(0) },
  ]);
  const [provider] = await db().insert(providers).values({ orgId: t.orgs.net, kind: 'attorney', name: 'Report Attorney', languages: ['es'], practiceAreas: ['detention'], states: ['IL'] }).returning();
  const sent = new Date(now.getTime() - 40 * HOUR);
  await db().insert(referrals).values([
    { orgId: t.orgs.a, caseId: detention.id, providerId: provider.id, status: 'completed', sentAt: sent, respondedAt: now, consultationAt: new Date(sent.getTime() + 30 * HOUR), completedAt: now },
    { orgId: t.orgs.a, caseId: daca.id, providerId: provider.id, status: 'declined', sentAt: now, respondedAt: now, declineReason: 'capacity' },
  ]);
});
afterAll(() => t?.close());

describe('case reports', () => {
  it('counts information given apart from cases, cases by type, renewals on time, referrals and hours to consultation', async () => {
    const coordinator = await t.as('coordinator', 'a');
    const res = await coordinator.get(`/api/v1/cases/reports?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      informationOnly: 2,
      casesOpened: { total: 3, byType: [{ type: 'daca_renewal', count: 2 }, { type: 'detention', count: 1 }] },
      dacaRenewalsFiled: { total: 2, onTime: 1 },
      referrals: { made: 2, accepted: 1, completed: 1, hoursToConsultation: { n: 1, p50: 30, p90: 30 } },
    });
    const csv = await coordinator.get(`/api/v1/cases/reports.csv?${period}`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('cases_opened_detention,1\r\n');
    expect(csv.body).toContain('daca_renewals_filed_on_time,1\r\n');
    expect(csv.body).not.toMatch(/Minji|Vega/);
  });

  it('shows another affiliate only its own (none here), refuses roles without cases.reports, and bounds the period', async () => {
    const b = await (await t.as('coordinator', 'b')).get(`/api/v1/cases/reports?${period}`);
    expect(b.json()).toMatchObject({ informationOnly: 0, casesOpened: { total: 0 }, dacaRenewalsFiled: { total: 0 }, referrals: { made: 0 } });
    expect((await (await t.as('responder', 'a')).get(`/api/v1/cases/reports?${period}`)).statusCode).toBe(403);
    const tooLong = await (await t.as('coordinator', 'a')).get('/api/v1/cases/reports?from=2025-01-01&to=2026-11-12');
    expect(tooLong.json().error.code).toBe('report_range_too_long');
  });
});
