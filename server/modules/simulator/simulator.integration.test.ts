import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type Client, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let adminA: Client;
const HAVEN_A = '+17735553001';
const MEMBER = '+13125550170';

beforeAll(async () => {
  t = await startTestApp();
  adminA = await t.as('affiliate_admin', 'a');
  expect((await adminA.post('/api/v1/messaging/senders', { label: 'Hotline', phone: HAVEN_A })).statusCode).toBe(201);
});
afterAll(() => t?.close());

const send = (to: string, subject: string) => t.deps.email.send({ to, subject, text: `${subject} text`, html: `<p>${subject}</p>`, headers: { 'X-Kind': subject } });

describe('simulator API', () => {
  it('lists Haven numbers of orgs on the simulator, with the org name and no ids', async () => {
    const res = await (await t.as('volunteer', 'b')).get('/api/v1/simulator/numbers');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual({ phone: HAVEN_A, label: 'Hotline', orgName: 'Affiliate A' });
    expect(res.body.includes(t.orgs.a)).toBe(false);
  });

  it('email outbox: a viewer sees only their own mail; an admin sees their org, never another org’s logins', async () => {
    await send(emailOf('volunteer', 'a'), 'reset-volunteer-a');
    await send(emailOf('coordinator', 'a'), 'reset-coordinator-a');
    await send(emailOf('volunteer', 'b'), 'reset-volunteer-b');
    await send('member@example.org', 'alert-member');

    const volunteer = await t.as('volunteer', 'a');
    const own = (await volunteer.get('/api/v1/simulator/emails')).json();
    expect(own.allAddresses).toBe(false);
    expect(own.items.map((e: { subject: string }) => e.subject)).toEqual(['reset-volunteer-a']);
    const coordinatorMail = (await adminA.get('/api/v1/simulator/emails')).json().items.find((e: { subject: string }) => e.subject === 'reset-coordinator-a');
    // Someone else's mail by id is a 404, as if it did not exist.
    expect((await volunteer.get(`/api/v1/simulator/emails/${coordinatorMail.id}`)).statusCode).toBe(404);
    const mine = await volunteer.get(`/api/v1/simulator/emails/${own.items[0].id}`);
    expect(mine.json()).toMatchObject({ subject: 'reset-volunteer-a', text: 'reset-volunteer-a text', html: '<p>reset-volunteer-a</p>', headers: { 'X-Kind': 'reset-volunteer-a' } });

    const adminList = (await adminA.get('/api/v1/simulator/emails')).json();
    expect(adminList.allAddresses).toBe(true);
    const subjects = adminList.items.map((e: { subject: string }) => e.subject);
    expect(subjects).toEqual(expect.arrayContaining(['reset-volunteer-a', 'reset-coordinator-a', 'alert-member']));
    // A reset link for a login of affiliate B is not for affiliate A's admin.
    expect(subjects).not.toContain('reset-volunteer-b');
    const bMail = (await (await t.as('volunteer', 'b')).get('/api/v1/simulator/emails')).json().items[0];
    expect((await adminA.get(`/api/v1/simulator/emails/${bMail.id}`)).statusCode).toBe(404);
    // An admin opening someone else's mail leaves an audit entry.
    expect((await adminA.get(`/api/v1/simulator/emails/${coordinatorMail.id}`)).statusCode).toBe(200);
    const auditRows = (await adminA.get('/api/v1/audit?action=simulator.email_read')).json().items;
    expect(auditRows[0]).toMatchObject({ entityType: 'simulated_email', entityId: coordinatorMail.id });
  });

  it('refuses a role without simulator.use, and anonymous callers', async () => {
    const c = await t.as('volunteer', 'a');
    const role = await adminA.put('/api/v1/org/roles/volunteer', { actions: ['people.read', 'people.write'] });
    expect(role.statusCode).toBe(200);
    expect((await c.get('/api/v1/simulator/numbers')).statusCode).toBe(403);
    expect((await c.post('/api/v1/simulator/sms', { from: MEMBER, to: HAVEN_A, body: 'hi' })).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/v1/simulator/emails')).statusCode).toBe(401);
    await adminA.put('/api/v1/org/roles/volunteer', { actions: ['people.read', 'people.write', 'simulator.use'] });
    expect((await c.get('/api/v1/simulator/numbers')).statusCode).toBe(200);
  });

  it('answers a bad phone with 400 naming the field, and a long text with message_too_long', async () => {
    const c = await t.as('organizer', 'a');
    const bad = await c.post('/api/v1/simulator/sms', { from: '312-555', to: HAVEN_A, body: 'hi' }, { 'x-haven-lang': 'ko' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_phone', field: 'from' });
    expect(bad.json().error.message).toContain('312-555');
    const call = await c.post('/api/v1/simulator/calls', { from: MEMBER, to: 'nope' });
    expect(call.json().error).toMatchObject({ code: 'invalid_phone', field: 'to' });
    const long = await c.post('/api/v1/simulator/sms', { from: MEMBER, to: HAVEN_A, body: '가'.repeat(1601) });
    expect(long.json().error).toMatchObject({ code: 'message_too_long', field: 'body' });
  });

  it('only fails numbers with codes from the table, and lists those codes', async () => {
    const c = await t.as('responder', 'a');
    const bad = await c.put('/api/v1/simulator/failures', { phone: MEMBER, code: 99999 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'unknown_error_code', field: 'code' });
    const ok = await c.put('/api/v1/simulator/failures', { phone: MEMBER, code: 30007 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items).toContainEqual(expect.objectContaining({ phone: MEMBER, code: 30007 }));
    expect(ok.json().codes).toContainEqual(expect.objectContaining({ code: 21610, stage: 'api' }));
    const cleared = await c.delete(`/api/v1/simulator/failures/${encodeURIComponent(MEMBER)}`);
    expect(cleared.json().items.some((f: { phone: string }) => f.phone === MEMBER)).toBe(false);
  });

  it('a member texts Haven and the thread shows it; a text to a number nobody owns shows 11200', async () => {
    const c = await t.as('volunteer', 'a');
    expect((await c.post('/api/v1/simulator/sms', { from: MEMBER, to: HAVEN_A, body: 'HELP' })).statusCode).toBe(201);
    expect((await c.post('/api/v1/simulator/sms', { from: MEMBER, to: '+17735559999', body: 'anyone?' })).statusCode).toBe(201);
    const thread = (await c.get(`/api/v1/simulator/phones/${encodeURIComponent(MEMBER)}/messages`)).json().items;
    expect(thread.filter((m: { direction: string }) => m.direction === 'inbound').map((m: { body: string; errorCode: number | null }) => [m.body, m.errorCode])).toEqual([
      ['HELP', null],
      ['anyone?', 11200],
    ]);
  });

  it('a member calls Haven: language menu, a key, a voicemail, hang-up', async () => {
    const c = await t.as('volunteer', 'a');
    const started = await c.post('/api/v1/simulator/calls', { from: MEMBER, to: HAVEN_A });
    expect(started.statusCode).toBe(201);
    const call = started.json();
    expect(call.waiting).toMatchObject({ verb: 'gather', numDigits: 1 });
    expect(call.transcript.filter((e: { kind: string }) => e.kind === 'say').map((e: { language: string }) => e.language)).toEqual(['ko-KR', 'en-US', 'es-US']);
    const english = (await c.post(`/api/v1/simulator/calls/${call.sid}/digits`, { digits: '2' })).json();
    expect(english.waiting).toMatchObject({ verb: 'record' });
    expect(english.transcript.some((e: { kind: string; text?: string }) => e.kind === 'say' && e.text?.includes('Affiliate A'))).toBe(true);
    const left = (await c.post(`/api/v1/simulator/calls/${call.sid}/recording`, { text: 'This is Lucía, please call me back' })).json();
    expect(left.status).toBe('completed');
    expect((await c.post(`/api/v1/simulator/calls/${call.sid}/digits`, { digits: '1' })).json().error.code).toBe('call_not_waiting');
    expect((await c.get(`/api/v1/simulator/calls/${call.sid}`)).json().transcript).toEqual(left.transcript);
    expect((await c.get(`/api/v1/simulator/calls/CA${'0'.repeat(32)}`)).statusCode).toBe(404);
  });
});
