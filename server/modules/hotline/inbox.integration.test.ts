import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { outboundMessages, startSendWorkers } from '../messaging/index.ts';
import { addSenders, NUMBER_A, openConversation, putOnCall, resetHotline, text, userId, waitFor } from './conversations.test-helpers.ts';
import { callbackTasks, conversationNotes, conversations } from './hotline.table.ts';
import { startHotlineWorkers } from './intake-sms.ts';

/** The inbox API through the real app: list, read, reply, notes, triage, assignment, close, canned responses, the web form. */
let t: TestApp;
let responderA: Client;
let coordinatorA: Client;
const db = () => t.deps.database.db;
const smsTo = (phone: string) => t.deps.simulator.store.listSms({ to: phone });
const base = '/api/v1/hotline/conversations';
const help = (body: Record<string, unknown>, headers: Record<string, string> = {}) => t.anonymous().post('/p/help', body, headers);

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  await startSendWorkers(t.deps);
  await startHotlineWorkers(t.deps);
  responderA = await t.as('responder', 'a');
  coordinatorA = await t.as('coordinator', 'a');
});
afterAll(() => t?.close());
beforeEach(() => resetHotline(t));

/** A conversation opened by a text, with nobody on call unless a test puts someone on. */
async function conversationFrom(phone: string, body = 'Hello, I have a question about DACA') {
  await text(t, phone, body);
  return openConversation(t, phone);
}

describe('the list', () => {
  it('shows who wrote (a known person by name), filters, and pages by a cursor', async () => {
    const responder = await putOnCall(t, 'a', 'responder', { languages: ['ko', 'en'] });
    const known = await conversationFrom('+13125550101', '안녕하세요'); // the seeded 김민준 (Minjun Kim)
    const stranger = await conversationFrom('+13125558401', 'Hello there');
    await putOnCall(t, 'a', 'volunteer', { languages: ['es'] });
    const spanish = await conversationFrom('+13125558402', 'Hola, necesito ayuda con mi cita');

    const page = (await responderA.get(`${base}?limit=50`)).json();
    const ids = page.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([known.id, stranger.id, spanish.id]));
    const k = page.items.find((i: { id: string }) => i.id === known.id);
    expect(k.contact).toMatchObject({ display: '김민준 · Minjun Kim', phone: '+13125550101', personId: expect.any(String) });
    expect(k).toMatchObject({ lang: 'ko', urgency: 'routine', awaitingReply: true, firstResponseAt: null, assignee: { userId: responder } });
    expect(k.waitingSince).toBe(k.firstInboundAt);
    expect(page.items.find((i: { id: string }) => i.id === stranger.id).contact.display).toBe('+13125558401');

    const mine = (await responderA.get(`${base}?assigned=me`)).json().items.map((i: { id: string }) => i.id);
    expect(mine).toEqual(expect.arrayContaining([known.id, stranger.id]));
    expect(mine).not.toContain(spanish.id);
    expect((await responderA.get(`${base}?lang=es`)).json().items.map((i: { id: string }) => i.id)).toEqual([spanish.id]);

    const first = (await responderA.get(`${base}?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await responderA.get(`${base}?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).not.toContain(first.items[0].id);
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([known.id, stranger.id, spanish.id]));
    expect((await responderA.get(`${base}?cursor=nonsense`)).statusCode).toBe(400);
    expect((await responderA.get(`${base}?urgency=panic`)).statusCode).toBe(400);
  });
});

describe('one conversation', () => {
  it('shows the thread, the person card and consent, and audits the read', async () => {
    const c = await conversationFrom('+13125550101', '안녕하세요, 질문이 있습니다');
    const res = await responderA.get(`${base}/${c.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.person).toMatchObject({ givenName: 'Minjun', nameKo: '김민준', preferredLanguage: 'ko' });
    expect(d).toMatchObject({ smsConsent: null, canReply: true, replyBlockedBy: null, hotlineNumber: NUMBER_A });
    expect(d.thread.map((i: { type: string }) => i.type)).toEqual(expect.arrayContaining(['inbound', 'event']));
    expect(d.thread.find((i: { type: string }) => i.type === 'inbound').body).toBe('안녕하세요, 질문이 있습니다');
    const [row] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'conversation.read'), eq(auditLog.entityId, c.id)));
    expect(row).toBeDefined();
    expect(JSON.stringify(row.details)).not.toContain('질문');
  });
});

describe('replies', () => {
  it('reach the member’s phone from the hotline number, take the conversation and set the first response time once', async () => {
    const phone = '+13125558501';
    const c = await conversationFrom(phone, 'Can someone help me renew my DACA?');
    expect(c.assignedTo).toBeNull();
    const clientRequestId = crypto.randomUUID();
    const res = await responderA.post(`${base}/${c.id}/replies`, { body: 'Yes! I can help. When does your permit expire?', clientRequestId });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ duplicate: false, conversation: { awaitingReply: false, assignee: { userId: await userId(t, 'responder') } } });
    expect(r.conversation.firstResponseSeconds).toBeGreaterThanOrEqual(0);
    // (nobody is on call: the after-hours notice went first, and does not count as a response)
    const sms = await waitFor(async () => (await smsTo(phone)).find((m) => m.direction === 'outbound' && m.body.startsWith('Yes!')), 'reply on the phone');
    expect(sms.from).toBe(NUMBER_A);
    const [after] = await db().select().from(conversations).where(eq(conversations.id, c.id));
    expect(after.firstResponseAt).not.toBeNull();

    // a double click sends once
    const again = await responderA.post(`${base}/${c.id}/replies`, { body: 'Yes! I can help. When does your permit expire?', clientRequestId });
    expect(again.json()).toMatchObject({ duplicate: true, messageId: null });
    expect(await db().select().from(outboundMessages).where(and(eq(outboundMessages.conversationId, c.id), isNotNull(outboundMessages.createdBy)))).toHaveLength(1);

    // a later reply keeps the first response time; the thread shows delivery
    await responderA.post(`${base}/${c.id}/replies`, { body: 'Also bring your last approval notice.' });
    const [later] = await db().select().from(conversations).where(eq(conversations.id, c.id));
    expect(later.firstResponseAt!.getTime()).toBe(after.firstResponseAt!.getTime());
    const d = await waitFor(async () => {
      const detail = (await responderA.get(`${base}/${c.id}`)).json();
      const outs = detail.thread.filter((i: { type: string; auto?: boolean }) => i.type === 'outbound' && !i.auto);
      return outs.length === 2 && outs.every((o: { status: string }) => o.status === 'delivered') && detail;
    }, 'delivered replies in the thread');
    expect(d.thread.find((i: { type: string; auto?: boolean }) => i.type === 'outbound' && !i.auto)).toMatchObject({ author: { name: 'responder a' } });
    expect(d.thread.find((i: { type: string; auto?: boolean }) => i.type === 'outbound' && i.auto)).toMatchObject({ author: null });
  });

  it('refuses bad bodies with translated 400s and writes nothing', async () => {
    const c = await conversationFrom('+13125558502');
    const before = (await db().select().from(outboundMessages)).length;
    for (const body of [{}, { body: '' }, { body: '   ' }, { body: 'x'.repeat(1601) }, { body: 'abc\u0000\u0001\u0002' }, { body: 42 }]) {
      const res = await responderA.post(`${base}/${c.id}/replies`, body, { 'x-haven-lang': 'es' });
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation', field: 'body' });
      expect(res.json().error.message).toMatch(/campo/);
    }
    expect((await db().select().from(outboundMessages)).length).toBe(before);
    const [after] = await db().select().from(conversations).where(eq(conversations.id, c.id));
    expect(after.firstResponseAt).toBeNull();
  });

  it('refuses a closed conversation and a number that opted out, saying what to do', async () => {
    const phone = '+13125558503';
    const c = await conversationFrom(phone);
    await text(t, phone, 'STOP');
    const res = await responderA.post(`${base}/${c.id}/replies`, { body: 'Hello?' }, { 'x-haven-lang': 'ko' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('recipient_opted_out');
    expect(res.json().error.message).toContain('수신');
    expect((await responderA.get(`${base}/${c.id}`)).json()).toMatchObject({ smsConsent: 'opted_out', canReply: false, replyBlockedBy: 'opted_out' });

    const other = await conversationFrom('+13125558504');
    expect((await responderA.post(`${base}/${other.id}/close`, { disposition: 'answered' })).statusCode).toBe(200);
    const closed = await responderA.post(`${base}/${other.id}/replies`, { body: 'One more thing' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('conversation_closed');
  });
});

describe('notes', () => {
  it('are encrypted at rest and shown decrypted in the thread', async () => {
    const c = await conversationFrom('+13125558601');
    const secret = 'Caller mentioned her brother is undocumented; A-number on the 2019 notice';
    const res = await responderA.post(`${base}/${c.id}/notes`, { body: secret });
    expect(res.statusCode).toBe(201);
    const [row] = await db().select().from(conversationNotes).where(eq(conversationNotes.conversationId, c.id));
    expect(row.bodyEnc.startsWith('hv1.')).toBe(true);
    expect(row.bodyEnc).not.toContain('undocumented');
    const dump = await db().execute(sql`select body_enc from conversation_notes where conversation_id = ${c.id}`);
    expect(JSON.stringify(dump.rows)).not.toContain('brother');
    const detail = (await responderA.get(`${base}/${c.id}`)).json();
    expect(detail.thread.find((i: { type: string }) => i.type === 'note')).toMatchObject({ body: secret, author: { name: 'responder a' } });
    expect((await responderA.post(`${base}/${c.id}/notes`, { body: '' })).statusCode).toBe(400);
  });
});

describe('triage, assignment, close and reopen', () => {
  it('triages category, urgency and tags, and refuses unknown values', async () => {
    const c = await conversationFrom('+13125558701');
    const res = await responderA.patch(`${base}/${c.id}`, { category: 'daca_renewal', urgency: 'urgent', tags: ['Renewal', 'needs-lawyer'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ category: 'daca_renewal', urgency: 'urgent', tags: ['renewal', 'needs-lawyer'] });
    expect((await responderA.patch(`${base}/${c.id}`, { category: 'taxes' })).statusCode).toBe(400);
    expect((await responderA.patch(`${base}/${c.id}`, {})).statusCode).toBe(400);
    const events = (await responderA.get(`${base}/${c.id}`)).json().thread.filter((i: { type: string; kind?: string }) => i.kind === 'triaged');
    expect(events[0].data.changes.category).toEqual([null, 'daca_renewal']);
  });

  it('lets a responder take an unassigned conversation, not move others’; a coordinator assigns anyone who answers the hotline', async () => {
    const c = await conversationFrom('+13125558702');
    const responder = await userId(t, 'responder');
    const volunteer = await userId(t, 'volunteer');
    const refused = await responderA.post(`${base}/${c.id}/assign`, { userId: volunteer });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('assign_not_allowed');
    expect((await responderA.post(`${base}/${c.id}/assign`, { userId: responder })).json().assignee.userId).toBe(responder);
    const volunteerA = await t.as('volunteer', 'a');
    expect((await volunteerA.post(`${base}/${c.id}/assign`, { userId: volunteer })).statusCode).toBe(403);
    expect((await coordinatorA.post(`${base}/${c.id}/assign`, { userId: volunteer })).json().assignee.userId).toBe(volunteer);
    // an attorney's role does not answer the hotline; a user of another affiliate is nobody here
    const attorney = await coordinatorA.post(`${base}/${c.id}/assign`, { userId: await userId(t, 'attorney') });
    expect(attorney.statusCode).toBe(400);
    expect(attorney.json().error).toMatchObject({ code: 'assignee_not_responder', field: 'userId' });
    expect((await coordinatorA.post(`${base}/${c.id}/assign`, { userId: await userId(t, 'responder', 'b') })).statusCode).toBe(400);
    expect((await coordinatorA.post(`${base}/${c.id}/assign`, { userId: null })).json().assignee).toBeNull();
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'conversation.assign'), eq(auditLog.entityId, c.id)));
    expect(audits).toHaveLength(3);
  });

  it('closes with a disposition and reopens, unless a newer conversation is open', async () => {
    const phone = '+13125558703';
    const c = await conversationFrom(phone);
    const closed = (await responderA.post(`${base}/${c.id}/close`, { disposition: 'referred' })).json();
    expect(closed).toMatchObject({ status: 'closed', disposition: 'referred', awaitingReply: false });
    expect((await responderA.post(`${base}/${c.id}/close`, { disposition: 'spam' })).json().disposition).toBe('referred');
    expect((await responderA.post(`${base}/${c.id}/close`, { disposition: 'whatever' })).statusCode).toBe(400);
    expect((await responderA.get(`${base}?status=closed`)).json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect((await responderA.post(`${base}/${c.id}/reopen`)).json()).toMatchObject({ status: 'open', disposition: null });
    await responderA.post(`${base}/${c.id}/close`, { disposition: 'answered' });
    const newer = await conversationFrom(phone, 'New question');
    expect(newer.id).not.toBe(c.id);
    const res = await responderA.post(`${base}/${c.id}/reopen`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conversation_newer_open');
  });
});

describe('the tenancy wall', () => {
  it('another affiliate cannot list, read, reply to or change A’s conversations', async () => {
    const c = await conversationFrom('+13125558801');
    for (const role of ['responder', 'coordinator', 'affiliate_admin']) {
      const b = await t.as(role, 'b');
      const list = await b.get(`${base}?limit=100`);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(c.id);
      expect((await b.get(`${base}/${c.id}`)).statusCode).toBe(404);
      expect((await b.post(`${base}/${c.id}/replies`, { body: 'hi' })).statusCode).toBe(404);
      expect((await b.post(`${base}/${c.id}/notes`, { body: 'hi' })).statusCode).toBe(404);
      expect((await b.patch(`${base}/${c.id}`, { urgency: 'urgent' })).statusCode).toBe(404);
      expect((await b.post(`${base}/${c.id}/assign`, { userId: null })).statusCode).toBe(404);
      expect((await b.post(`${base}/${c.id}/close`, { disposition: 'spam' })).statusCode).toBe(404);
    }
    // the second wall: row-level security, with no WHERE on org at all
    const seen = await db().transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'haven_app', true), set_config('haven.org_id', ${t.orgs.b}, true)`);
      return (await tx.execute(sql`select count(*)::int as n from conversations where id = ${c.id}`)).rows;
    });
    expect(seen).toEqual([{ n: 0 }]);
    const [still] = await db().select().from(conversations).where(eq(conversations.id, c.id));
    expect(still).toMatchObject({ status: 'open', urgency: 'routine', firstResponseAt: null });
    // roles without hotline.respond do not learn it exists
    expect((await (await t.as('attorney', 'a')).get(`${base}/${c.id}`)).statusCode).toBe(404);
  });
});

describe('canned responses', () => {
  it('are written by coordinators in all three languages and read by responders', async () => {
    const url = '/api/v1/hotline/canned-responses';
    const bodies = { ko: 'DACA 갱신은 만료 150일 전에 신청하세요.', en: 'File your DACA renewal 150 days before it expires.', es: 'Presente su renovacion de DACA 150 dias antes del vencimiento.' };
    const missing = await coordinatorA.post(url, { title: 'Renewal timing', bodies: { ko: bodies.ko, en: bodies.en } }, { 'x-haven-lang': 'ko' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('bodies.es');
    expect((await responderA.post(url, { title: 'x', bodies })).statusCode).toBe(403);
    const created = await coordinatorA.post(url, { title: 'Renewal timing', category: 'daca_renewal', bodies });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await responderA.get(url)).json().items.find((i: { id: string }) => i.id === id)).toMatchObject({ bodies, category: 'daca_renewal' });
    expect((await coordinatorA.patch(`${url}/${id}`, { title: 'Renewal: when to file' })).json().title).toBe('Renewal: when to file');
    expect((await (await t.as('coordinator', 'b')).patch(`${url}/${id}`, { title: 'mine now' })).statusCode).toBe(404);
    expect((await coordinatorA.delete(`${url}/${id}`)).statusCode).toBe(200);
    expect((await coordinatorA.delete(`${url}/${id}`)).statusCode).toBe(404);
  });
});

describe('the web help form', () => {
  it('opens a web conversation with a callback task, joins the open conversation of the same phone, and routes by state', async () => {
    await putOnCall(t, 'a', 'responder', { languages: ['es', 'en'] });
    const res = await help({ org: 'a', name: 'Rosa Díaz', phone: '(312) 555-8901', language: 'es', message: 'Necesito renovar mi DACA, ¿me pueden llamar?', zip: '60601', wantsCall: true });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ok: true, staffedNow: true, nextStaffedAt: null });
    const c = await openConversation(t, '+13125558901');
    expect(c).toMatchObject({ channel: 'web', lang: 'es', assignedTo: await userId(t, 'responder') });
    const [task] = await db().select().from(callbackTasks).where(eq(callbackTasks.conversationId, c.id));
    expect(task).toMatchObject({ reason: 'web', phoneE164: '+13125558901', lang: 'es', status: 'open' });
    // the name and message are sealed in the database, shown in the inbox
    const raw = await db().execute(sql`select data::text as d from conversation_events where conversation_id = ${c.id} and kind = 'web_request'`);
    expect(JSON.stringify(raw.rows)).not.toMatch(/Rosa|renovar|60601/);
    const detail = (await responderA.get(`${base}/${c.id}`)).json();
    expect(detail.contact).toMatchObject({ display: 'Rosa Díaz', phone: '+13125558901' });
    expect(detail.thread.find((i: { type: string }) => i.type === 'inbound')).toMatchObject({ channel: 'web', body: 'Necesito renovar mi DACA, ¿me pueden llamar?' });

    // the same phone texting joins it
    await text(t, '+13125558901', '¿Recibieron mi solicitud?');
    await waitFor(async () => (await responderA.get(`${base}/${c.id}`)).json().thread.filter((i: { type: string }) => i.type === 'inbound').length === 2, 'text joined the web conversation');

    // no affiliate named: the state picks it (B serves NY); an email-only request is fine
    const ny = await help({ name: 'Jin', email: 'Jin@Example.org', language: 'ko', message: '안녕하세요, 시민권 신청 문의입니다', state: 'NY' });
    expect(ny.statusCode).toBe(201);
    expect(ny.json()).toMatchObject({ staffedNow: false });
    const [byEmail] = await db().select().from(conversations).where(eq(conversations.contactAddress, 'jin@example.org'));
    expect(byEmail).toMatchObject({ orgId: t.orgs.b, lang: 'ko', channel: 'web' });
    // with only an email, the reply goes by email, subject in their language
    const reply = await (await t.as('responder', 'b')).post(`${base}/${byEmail.id}/replies`, { body: '안녕하세요, 도와드리겠습니다.' });
    expect(reply.statusCode).toBe(201);
    const [mail] = await db().select().from(outboundMessages).where(eq(outboundMessages.conversationId, byEmail.id));
    expect(mail).toMatchObject({ channel: 'email', toAddress: 'jin@example.org', lang: 'ko', subject: 'Affiliate B의 답변' });
  });

  it('answers malformed requests with translated 400s naming the field, and writes nothing', async () => {
    const before = (await db().select().from(conversations)).length;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ phone: '3125558902', language: 'ko', message: '도와주세요' }, 'name', 'validation'],
      [{ name: 'A', phone: '3125558902', language: 'fr', message: 'hi' }, 'language', 'validation'],
      [{ name: 'A', phone: '3125558902', language: 'en', message: '' }, 'message', 'validation'],
      [{ name: 'A', phone: '3125558902', language: 'en', message: 'x'.repeat(2001) }, 'message', 'validation'],
      [{ name: 'A', phone: '3125558902', language: 'en', message: 'bin\u0000ary' }, 'message', 'validation'],
      [{ name: 'A', language: 'en', message: 'hello' }, 'phone', 'contact_required'],
      [{ name: 'A', phone: 'call me maybe', language: 'en', message: 'hello' }, 'phone', 'invalid_phone'],
      [{ name: 'A', email: 'a@b.org', language: 'en', message: 'hello', wantsCall: true }, 'phone', 'callback_needs_phone'],
      [{ name: 'A', email: 'not-an-email', language: 'en', message: 'hello' }, 'email', 'validation'],
      [{ name: 'A', phone: '3125558902', language: 'en', message: 'hello', org: 'nowhere' }, 'org', 'unknown_org'],
    ];
    for (const [body, field, code] of cases) {
      const res = await help(body, { 'x-haven-lang': 'ko' });
      expect([400, 404], `${field} ${res.body}`).toContain(res.statusCode);
      expect(res.json().error, JSON.stringify(body).slice(0, 60)).toMatchObject({ code, field });
      expect(res.json().error.message).toMatch(/[가-힣]/);
    }
    expect((await db().select().from(conversations)).length).toBe(before);
  });

  it('welcomes foreign numbers, ignores what robots fill in, and slows one contact flooding the form', async () => {
    const korea = await help({ org: 'a', name: '박서연', phone: '+82 10-1234-5678', language: 'ko', message: '한국에서 연락드립니다' });
    expect(korea.statusCode).toBe(201);
    expect((await db().select().from(conversations).where(eq(conversations.contactAddress, '+821012345678')))).toHaveLength(1);

    const before = (await db().select().from(conversations)).length;
    expect((await help({ org: 'a', name: 'Bot', phone: '3125558903', language: 'en', message: 'buy now', website: 'http://spam.example' })).statusCode).toBe(201);
    expect((await db().select().from(conversations)).length).toBe(before);

    const flood = { org: 'a', name: 'Same', phone: '3125558904', language: 'es', message: 'Hola' };
    for (let i = 0; i < 6; i++) expect((await help(flood)).statusCode).toBe(201);
    const slowed = await help(flood, { 'x-haven-lang': 'es' });
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.code).toBe('help_rate_limited');
    expect(slowed.json().error.message).toContain('minutos');
    // someone else is not held back
    expect((await help({ ...flood, phone: '3125558905' })).statusCode).toBe(201);
  });
});
