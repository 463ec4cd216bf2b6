import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { people } from '../people/index.ts';
import { purgeExpiredCases } from './case-retention.ts';
import { caseSettings } from './cases-settings.table.ts';
import { caseDocuments, caseEvents, caseNotes, cases, caseTasks, dacaRecords, dacaReminders } from './cases.table.ts';

/**
 * Retention is code: a case closed longer ago than its affiliate's period loses its notes,
 * tasks, documents, reminders and the words in its timeline; the person and their DACA record stay;
 * a recent one and the other affiliate's (kept longer) are untouched.
 */
let t: TestApp;
const db = () => t.deps.database.db;
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a1b60000000049454e44ae426082', 'hex');

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** A worked case through the API, then closed and its closing moved back `closedDaysAgo` days. */
async function workedCase(org: 'a' | 'b', closedDaysAgo: number, dacaIn = 300) {
  const coordinator = await t.as('coordinator', org);
  const person = (await coordinator.post('/api/v1/people', { givenName: 'Retention', familyName: `${org}${closedDaysAgo}`, preferredLanguage: 'ko' })).json();
  const c = (await coordinator.post('/api/v1/cases', { personId: person.id, type: 'daca_renewal' })).json();
  expect((await coordinator.post(`/api/v1/cases/${c.id}/notes`, { kind: 'information', body: 'Her husband was detained in March; she is afraid to travel.' })).statusCode).toBe(201);
  expect((await coordinator.post(`/api/v1/cases/${c.id}/tasks`, { title: 'Call Mrs. Park about the I-765 photos', dueOn: day(10) })).statusCode).toBe(201);
  expect((await coordinator.put(`/api/v1/cases/${c.id}/daca`, { expiresOn: day(dacaIn) })).statusCode).toBe(200);
  const scan = await coordinator.request({ method: 'POST', url: `/api/v1/cases/${c.id}/documents?name=${encodeURIComponent('남편 구금 통지서.png')}`, payload: PNG, headers: { 'content-type': 'image/png' } });
  expect(scan.statusCode, scan.body).toBe(201);
  const closed = await coordinator.post(`/api/v1/cases/${c.id}/status`, { status: 'closed', version: 1, disposition: 'moved to Texas with her sister' });
  expect(closed.statusCode, closed.body).toBe(200);
  await db().update(cases).set({ closedAt: new Date(Date.now() - closedDaysAgo * DAY) }).where(eq(cases.id, c.id));
  return { caseId: c.id as string, personId: person.id as string };
}

describe('case retention', () => {
  it('redacts closed cases past the affiliate’s period and leaves the rest, the person and the DACA record', async () => {
    const old = await workedCase('a', 400);
    const recent = await workedCase('a', 300);
    const open = await workedCase('a', 0);
    await db().update(cases).set({ status: 'in_progress', closedAt: null }).where(eq(cases.id, open.caseId));
    // Affiliate B keeps closed cases two years.
    const b = await t.as('affiliate_admin', 'b');
    expect((await b.patch('/api/v1/cases/settings', { closedCaseRetentionDays: 730 })).json()).toEqual({ closedCaseRetentionDays: 730 });
    const otherOrg = await workedCase('b', 400);

    const now = new Date();
    expect(await purgeExpiredCases(t.deps, now)).toEqual({ redacted: 1 });

    const [gone] = await db().select().from(cases).where(eq(cases.id, old.caseId));
    expect(gone.redactedAt).not.toBeNull();
    expect(gone.destroyOn).toBe(now.toISOString().slice(0, 10));
    expect(gone.disposition).toBeNull();
    expect(gone.status).toBe('closed');
    expect(await db().select().from(caseNotes).where(eq(caseNotes.caseId, old.caseId))).toHaveLength(0);
    expect(await db().select().from(caseTasks).where(eq(caseTasks.caseId, old.caseId))).toHaveLength(0);
    expect(await db().select().from(caseDocuments).where(eq(caseDocuments.caseId, old.caseId))).toHaveLength(0);
    const [record] = await db().select().from(dacaRecords).where(eq(dacaRecords.personId, old.personId));
    expect(record.expiresOn).toBe(day(300));
    expect(await db().select().from(dacaReminders).where(eq(dacaReminders.dacaRecordId, record.id))).toHaveLength(0);
    expect(await db().select().from(people).where(eq(people.id, old.personId))).toHaveLength(1);
    // The timeline keeps kinds and timestamps for the reports, and only codes in its data.
    const events = await db().select().from(caseEvents).where(eq(caseEvents.caseId, old.caseId));
    expect(events.map((e) => e.kind).sort()).toEqual(['daca_dates', 'document_added', 'note', 'opened', 'status', 'task_added']);
    for (const e of events) expect(Object.keys(e.data).every((k) => ['type', 'kind', 'from', 'to', 'filed', 'via'].includes(k)), JSON.stringify(e.data)).toBe(true);
    expect(events.find((e) => e.kind === 'status')!.data).toEqual({ from: 'open', to: 'closed' });
    expect(events.find((e) => e.kind === 'daca_dates')!.data).toEqual({ filed: false });
    // The case reads as a husk.
    const view = (await (await t.as('coordinator', 'a')).get(`/api/v1/cases/${old.caseId}`)).json();
    expect(view).toMatchObject({ notes: [], tasks: [], status: 'closed' });
    expect((await (await t.as('coordinator', 'a')).get(`/api/v1/cases/${old.caseId}/documents`)).json()).toEqual({ items: [] });
    // Nothing can be attached to the husk: it would outlive the retention that emptied it.
    const late = await (await t.as('coordinator', 'a')).request({ method: 'POST', url: `/api/v1/cases/${old.caseId}/documents?name=late.png`, payload: PNG, headers: { 'content-type': 'image/png' } });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'case_redacted']);

    for (const kept of [recent, open, otherOrg]) {
      const [c] = await db().select().from(cases).where(eq(cases.id, kept.caseId));
      expect(c.redactedAt, kept.caseId).toBeNull();
      expect(await db().select().from(caseNotes).where(eq(caseNotes.caseId, kept.caseId))).toHaveLength(1);
      expect(await db().select().from(caseTasks).where(eq(caseTasks.caseId, kept.caseId))).toHaveLength(1);
      expect(await db().select().from(caseDocuments).where(eq(caseDocuments.caseId, kept.caseId))).toHaveLength(1);
    }
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'case.retention_redact'));
    expect(audits.map((a) => [a.orgId, a.details])).toEqual([[t.orgs.a, { cases: 1, notes: 1, tasks: 1, documents: 1, reminders: 3 }]]);
    // Nothing left to do: a second run redacts nothing.
    expect(await purgeExpiredCases(t.deps, now)).toEqual({ redacted: 0 });
    // Two years and a day later, B's goes too, and A's recent one.
    expect(await purgeExpiredCases(t.deps, new Date(now.getTime() + 331 * DAY))).toEqual({ redacted: 2 });
    const later = await db().select().from(cases).where(inArray(cases.id, [recent.caseId, otherOrg.caseId, open.caseId]));
    expect(later.filter((c) => c.redactedAt).map((c) => c.id).sort()).toEqual([recent.caseId, otherOrg.caseId].sort());
  });

  it('lets an admin set the period within bounds and keeps it per affiliate', async () => {
    const admin = await t.as('affiliate_admin', 'a');
    expect((await admin.get('/api/v1/cases/settings')).json()).toEqual({ closedCaseRetentionDays: 365 });
    const tooShort = await admin.patch('/api/v1/cases/settings', { closedCaseRetentionDays: 7 });
    expect([tooShort.statusCode, tooShort.json().error.field]).toEqual([400, 'closedCaseRetentionDays']);
    expect((await (await t.as('coordinator', 'a')).patch('/api/v1/cases/settings', { closedCaseRetentionDays: 90 })).statusCode).toBe(403);
    expect((await admin.patch('/api/v1/cases/settings', { closedCaseRetentionDays: 180 })).statusCode).toBe(200);
    expect((await (await t.as('coordinator', 'b')).get('/api/v1/cases/settings')).json()).toEqual({ closedCaseRetentionDays: 730 });
    const rows = await db().select().from(caseSettings).where(and(eq(caseSettings.orgId, t.orgs.a)));
    expect(rows.map((r) => r.closedCaseRetentionDays)).toEqual([180]);
  });
});
