import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { listen, openStream } from '../../../test/sse-client.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { startSendWorkers } from '../messaging/index.ts';
import { conversations } from './hotline.table.ts';
import { startHotlineWorkers } from './index.ts';
import { addSenders, NUMBER_A, openConversation, putOnCall, text, userId, waitFor } from './conversations.test-helpers.ts';

/**
 * Overflow between affiliates: A offers a conversation to B; a B responder takes it and
 * works it as A's guest. The walls: nobody else in B reads it, and B never sees A's other
 * conversations; every step is audited on both sides.
 */
let t: TestApp;
let base: string;
const SSE = { accept: 'text/event-stream' };
const MEMBER = '+17735550301';
const db = () => t.deps.database.db;
const auditOf = (orgId: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  await startSendWorkers(t.deps);
  await startHotlineWorkers(t.deps);
  await putOnCall(t, 'b', 'responder', { languages: ['ko'] });
  base = await listen(t.app);
});
afterAll(() => t?.close());

describe('an audited transfer between affiliates', () => {
  it('A offers, one B responder takes it, reads and replies from A’s number as a guest; others in B cannot; all audited on both sides', async () => {
    await text(t, MEMBER, '안녕하세요, 남편이 체포됐어요');
    const conv = await openConversation(t, MEMBER);
    const coordA = await t.as('coordinator', 'a');
    const responderB = await t.as('responder', 'b');
    const volunteerB = await t.as('volunteer', 'b');

    // Before any offer, B cannot reach A's conversation by any route.
    expect((await responderB.get(`/api/v1/hotline/conversations/${conv.id}`)).statusCode).toBe(404);

    // Only a coordinator offers; only to another affiliate; only once at a time.
    expect((await (await t.as('responder', 'a')).post(`/api/v1/hotline/conversations/${conv.id}/transfer`, { toOrgId: t.orgs.b })).statusCode).toBe(403);
    expect((await coordA.post(`/api/v1/hotline/conversations/${conv.id}/transfer`, { toOrgId: t.orgs.a })).json().error.code).toBe('transfer_same_org');
    expect((await coordA.post(`/api/v1/hotline/conversations/${conv.id}/transfer`, { toOrgId: t.orgs.net })).json().error.code).toBe('transfer_not_affiliate');
    const offered = await coordA.post(`/api/v1/hotline/conversations/${conv.id}/transfer`, { toOrgId: t.orgs.b, reason: 'Korean speaker needed' });
    expect(offered.statusCode).toBe(201);
    const transfer = offered.json();
    expect((await coordA.post(`/api/v1/hotline/conversations/${conv.id}/transfer`, { toOrgId: t.orgs.b })).json().error.code).toBe('transfer_exists');

    // B sees the offer with its triage, not the person or the messages.
    const incoming = (await responderB.get('/api/v1/hotline/transfers')).json().incoming;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ id: transfer.id, lang: 'ko', urgency: 'emergency', reason: 'Korean speaker needed', fromOrg: { id: t.orgs.a } });
    expect(JSON.stringify(incoming[0])).not.toContain(MEMBER);
    expect(JSON.stringify(incoming[0])).not.toContain('체포');
    // Not taken yet: no guest reading.
    expect((await responderB.get(`/api/v1/hotline/transfers/${transfer.id}/conversation`)).statusCode).toBe(404);

    expect((await responderB.post(`/api/v1/hotline/transfers/${transfer.id}/take`)).statusCode).toBe(200);
    const second = await volunteerB.post(`/api/v1/hotline/transfers/${transfer.id}/take`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('transfer_not_offered');

    // The taker reads and answers; the reply goes from A's number, in A's books.
    const seen = (await responderB.get(`/api/v1/hotline/transfers/${transfer.id}/conversation`)).json();
    expect(seen.thread.some((i: { type: string; body?: string }) => i.type === 'inbound' && i.body?.includes('체포'))).toBe(true);
    const reply = await responderB.post(`/api/v1/hotline/transfers/${transfer.id}/replies`, { body: '지금 바로 도와드리겠습니다.' });
    expect(reply.statusCode).toBe(201);
    const got = await waitFor(async () => (await t.deps.simulator.store.listSms({ to: MEMBER })).find((m) => m.body === '지금 바로 도와드리겠습니다.'), 'the reply');
    expect(got.from).toBe(NUMBER_A);
    const [after] = await db().select().from(conversations).where(eq(conversations.id, conv.id));
    expect(after).toMatchObject({ orgId: t.orgs.a, assignedTo: await userId(t, 'responder', 'b') });
    expect(after.firstResponseAt).not.toBeNull();

    // The taker's live feed: A's hints for this conversation only, so the page re-reads it when it changes, not on a timer.
    const feed = `${base}/api/v1/hotline/transfers/${transfer.id}/stream`;
    const s = await openStream(feed, { cookie: responderB.cookie!, ...SSE });
    try {
      expect(s.res.status).toBe(200);
      await s.next(); // retry
      expect(await s.next()).toMatchObject({ event: 'ready' });
      await text(t, '+17735550399', 'another person in A'); // A's other conversation: never on this feed
      await waitFor(async () => (await db().select().from(conversations).where(eq(conversations.contactAddress, '+17735550399')))[0], 'the other conversation');
      await text(t, MEMBER, '감사합니다');
      const hint = JSON.parse((await s.next(10_000)).data!);
      expect(hint).toMatchObject({ topic: 'hotline.conversation', data: { id: conv.id } });
      const other = (await db().select().from(conversations).where(eq(conversations.contactAddress, '+17735550399')))[0];
      expect(JSON.stringify(s.messages)).not.toContain(other.id);
    } finally {
      await s.close();
    }
    expect((await fetch(feed, { headers: { cookie: volunteerB.cookie!, ...SSE } })).status).toBe(404);

    // Anyone else in B: nothing.
    expect((await volunteerB.get(`/api/v1/hotline/transfers/${transfer.id}/conversation`)).statusCode).toBe(404);
    expect((await volunteerB.post(`/api/v1/hotline/transfers/${transfer.id}/replies`, { body: 'hi' })).statusCode).toBe(404);

    // Audited on both sides: the offer and the take in A and in B, the guest's read and reply in A.
    for (const org of [t.orgs.a, t.orgs.b]) {
      expect(await auditOf(org, 'hotline.transfer_offer')).toHaveLength(1);
      expect(await auditOf(org, 'hotline.transfer_take')).toHaveLength(1);
    }
    const reads = await auditOf(t.orgs.a, 'conversation.read');
    expect(reads.some((r) => r.actorUserId === after.assignedTo && r.actorLabel.endsWith('(guest)'))).toBe(true);
    expect((await auditOf(t.orgs.a, 'conversation.reply')).some((r) => r.actorUserId === after.assignedTo)).toBe(true);

    // Given back: the guest loses access; A's coordinator sees it unassigned again.
    expect((await responderB.post(`/api/v1/hotline/transfers/${transfer.id}/end`)).json().status).toBe('returned');
    expect((await responderB.get(`/api/v1/hotline/transfers/${transfer.id}/conversation`)).statusCode).toBe(404);
    expect((await fetch(feed, { headers: { cookie: responderB.cookie!, ...SSE } })).status).toBe(404);
    const [back] = await db().select().from(conversations).where(eq(conversations.id, conv.id));
    expect(back.assignedTo).toBeNull();
    expect(await auditOf(t.orgs.a, 'hotline.transfer_return')).toHaveLength(1);
  });
});
