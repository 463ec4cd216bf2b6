import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { startSendWorkers } from '../messaging/index.ts';
import { addSenders, openConversation, putOnCall, text } from '../hotline/conversations.test-helpers.ts';
import { conversationEvents, conversations, startHotlineWorkers } from '../hotline/index.ts';
import { caseNotes, cases, dacaReminders } from './cases.table.ts';

/**
 * Cases through the real app: one click from a conversation (twice is still one case),
 * notes sealed in the database with legal advice kept to attorneys, the DACA dates and
 * their scheduled reminders, impossible dates refused, and the other affiliate's wall.
 */
let t: TestApp;
const MEMBER = '+17735550401';
const db = () => t.deps.database.db;
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  await startSendWorkers(t.deps);
  await startHotlineWorkers(t.deps);
  await putOnCall(t, 'a', 'responder', { languages: ['ko'] });
});
afterAll(() => t?.close());

describe('a case from a hotline conversation', () => {
  it('opens once from the conversation with its language and triage, needing a name for someone not on record', async () => {
    await text(t, MEMBER, '안녕하세요, DACA 갱신 문의드립니다');
    const conv = await openConversation(t, MEMBER);
    const responder = await t.as('responder', 'a');
    expect((await responder.patch(`/api/v1/hotline/conversations/${conv.id}`, { category: 'daca_renewal' })).statusCode).toBe(200);

    const nameless = await responder.post('/api/v1/cases', { conversationId: conv.id });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error).toMatchObject({ code: 'person_required', field: 'newPerson' });
    expect(await db().select().from(cases).where(eq(cases.conversationId, conv.id))).toHaveLength(0);

    const body = { conversationId: conv.id, newPerson: { givenName: 'Minji', familyName: 'Lee', nameKo: '이민지' } };
    const [first, second] = await Promise.all([responder.post('/api/v1/cases', body), responder.post('/api/v1/cases', body)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 201].sort());
    expect(first.json().id).toBe(second.json().id);
    expect(first.json()).toMatchObject({ type: 'daca_renewal', lang: 'ko', status: 'open', conversationId: conv.id });
    expect(first.json().person.name).toContain('이민지');
    expect(await db().select().from(cases).where(eq(cases.conversationId, conv.id))).toHaveLength(1);
    const [linked] = await db().select().from(conversations).where(eq(conversations.id, conv.id));
    expect(linked.personId).toBe(first.json().person.id);
    expect((await db().select().from(conversationEvents).where(eq(conversationEvents.conversationId, conv.id))).map((e) => e.kind)).toContain('case_opened');
  });

  it('seals notes in the database and keeps legal advice to attorneys', async () => {
    const responder = await t.as('responder', 'a');
    const [c] = await db().select().from(cases).where(eq(cases.orgId, t.orgs.a));
    const advice = await responder.post(`/api/v1/cases/${c.id}/notes`, { kind: 'legal_advice', body: 'You should file now.' });
    expect(advice.statusCode).toBe(403);
    expect(advice.json().error.code).toBe('legal_advice_not_allowed');
    const info = await responder.post(`/api/v1/cases/${c.id}/notes`, { kind: 'information', body: 'Sent the renewal checklist in Korean.' });
    expect(info.statusCode).toBe(201);
    const attorney = await t.as('attorney', 'a');
    expect((await attorney.post(`/api/v1/cases/${c.id}/notes`, { kind: 'legal_advice', body: 'No travel until the renewal is approved.' })).statusCode).toBe(201);

    const stored = await db().select().from(caseNotes).where(eq(caseNotes.caseId, c.id));
    expect(stored).toHaveLength(2);
    for (const n of stored) expect(n.bodyEnc).not.toMatch(/checklist|travel/);
    const seen = (await attorney.get(`/api/v1/cases/${c.id}`)).json();
    expect(seen.notes.map((n: { kind: string; body: string }) => [n.kind, n.body])).toEqual([
      ['information', 'Sent the renewal checklist in Korean.'],
      ['legal_advice', 'No travel until the renewal is approved.'],
    ]);
    expect(seen.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'note', 'note']);
    const reads = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'case.read'), eq(auditLog.entityId, c.id)));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(await db().select().from(auditLog).where(eq(auditLog.entityId, c.id)))).not.toContain('travel');
  });

  it('records the DACA dates and schedules the 180/150/120-day reminders; a new expiry replaces them', async () => {
    const responder = await t.as('responder', 'a');
    const [c] = await db().select().from(cases).where(eq(cases.orgId, t.orgs.a));
    const expiresOn = addDays(200);
    const res = await responder.put(`/api/v1/cases/${c.id}/daca`, { expiresOn, lastApprovedOn: addDays(-530) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'renewal', state: 'not_yet', windowOpensOn: addDays(50), windowClosesOn: addDays(80) });
    expect(res.json().reminders.map((r: { daysBefore: number; dueOn: string; status: string }) => [r.daysBefore, r.dueOn, r.status])).toEqual([
      [180, addDays(20), 'scheduled'],
      [150, addDays(50), 'scheduled'],
      [120, addDays(80), 'scheduled'],
    ]);
    // A correction: the old reminders are cancelled; 170 days out, the 180-day one is already past and is not sent late.
    const moved = (await responder.put(`/api/v1/cases/${c.id}/daca`, { expiresOn: addDays(170) })).json();
    expect(moved.reminders.map((r: { daysBefore: number }) => r.daysBefore)).toEqual([150, 120]);
    const all = await db().select().from(dacaReminders).where(eq(dacaReminders.orgId, t.orgs.a));
    expect(all.filter((r) => r.status === 'cancelled')).toHaveLength(3);
  });

  it('refuses impossible dates by field and writes nothing', async () => {
    const responder = await t.as('responder', 'a');
    const [c] = await db().select().from(cases).where(eq(cases.orgId, t.orgs.a));
    const before = (await responder.get(`/api/v1/cases/${c.id}`)).json().daca;
    const cases_ = [
      [{ expiresOn: '2027-02-30' }, 400, 'expiresOn'],
      [{ expiresOn: addDays(100), lastApprovedOn: addDays(200) }, 400, 'lastApprovedOn'],
      [{ expiresOn: addDays(100), filedOn: addDays(5) }, 400, 'filedOn'],
    ] as const;
    for (const [body, status, field] of cases_) {
      const res = await responder.put(`/api/v1/cases/${c.id}/daca`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.field).toBe(field);
    }
    expect((await responder.get(`/api/v1/cases/${c.id}`)).json().daca).toEqual(before);
  });

  it('moves along the workflow, refuses impossible moves and stale versions', async () => {
    const coordinator = await t.as('coordinator', 'a');
    const [c] = await db().select().from(cases).where(eq(cases.orgId, t.orgs.a));
    expect((await coordinator.post(`/api/v1/cases/${c.id}/status`, { status: 'filed', version: c.version })).json().error.code).toBe('case_transition_invalid');
    const moved = await coordinator.post(`/api/v1/cases/${c.id}/status`, { status: 'screening', version: c.version });
    expect(moved.json()).toMatchObject({ status: 'screening', version: c.version + 1 });
    expect((await coordinator.post(`/api/v1/cases/${c.id}/status`, { status: 'in_progress', version: c.version })).statusCode).toBe(409);
  });

  it('is invisible to the other affiliate and refused to roles without cases', async () => {
    const [c] = await db().select().from(cases).where(eq(cases.orgId, t.orgs.a));
    const b = await t.as('coordinator', 'b');
    expect((await b.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/cases')).json().items).toEqual([]);
    expect((await (await t.as('volunteer', 'a')).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(403);
  });
});
