import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { messagingSenders, startSendWorkers, voiceCalls } from '../messaging/index.ts';
import { users } from '../organizations/organizations.table.ts';
import { callbackTasks, conversations, hotlineResponders, hotlineSettings, hotlineShiftOverrides } from './hotline.table.ts';
import { startHotlineWorkers } from './index.ts';

let t: TestApp;
const db = () => t.deps.database.db;
const userId = async (role: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, emailOf(role, 'a'))))[0].id;
const task = async (v: Partial<typeof callbackTasks.$inferInsert> = {}) =>
  (await db().insert(callbackTasks).values({ orgId: t.orgs.a, phoneE164: '+17735550150', lang: 'ko', reason: 'voicemail', ...v }).returning())[0];

beforeAll(async () => {
  t = await startTestApp();
  await db().insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Hotline', phoneE164: '+13125550171', isDefault: true });
  await startSendWorkers(t.deps);
  await startHotlineWorkers(t.deps);
});
afterAll(() => t?.close());

describe('running the hotline', () => {
  it('surge mode: a coordinator turns it on (audited, with the time); a responder may read but not change settings', async () => {
    const coord = await t.as('coordinator', 'a');
    const on = await coord.patch('/api/v1/hotline/settings', { surge: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ surge: true, ringSeconds: 20 });
    expect(on.json().surgeSince).not.toBeNull();
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'hotline.surge_on'))).toHaveLength(1);
    const responder = await t.as('responder', 'a');
    expect((await responder.get('/api/v1/hotline/settings')).json().surge).toBe(true);
    expect((await responder.patch('/api/v1/hotline/settings', { surge: false })).statusCode).toBe(403);
    expect((await coord.patch('/api/v1/hotline/settings', { ringSeconds: 2 })).statusCode).toBe(400);
    expect((await coord.patch('/api/v1/hotline/settings', {})).statusCode).toBe(400);
    const off = (await coord.patch('/api/v1/hotline/settings', { surge: false })).json();
    expect(off).toMatchObject({ surge: false, surgeSince: null });
    // Another affiliate's settings are its own.
    expect((await (await t.as('coordinator', 'b')).get('/api/v1/hotline/settings')).json().surge).toBe(false);
  });

  it('the callback queue: emergencies first, then oldest; one responder per callback; another affiliate sees none of it', async () => {
    const old = await task({ createdAt: new Date(Date.now() - 600_000) });
    const urgent = await task({ emergency: true, lang: 'es' });
    const newer = await task();
    const responder = await t.as('responder', 'a');
    const list = (await responder.get('/api/v1/hotline/callbacks')).json();
    expect(list.items.map((i: { id: string }) => i.id).slice(0, 3)).toEqual([urgent.id, old.id, newer.id]);
    expect(list.items[0]).toMatchObject({ position: 1, emergency: true });

    expect((await responder.post(`/api/v1/hotline/callbacks/${urgent.id}/claim`)).statusCode).toBe(200);
    const volunteer = await t.as('volunteer', 'a');
    const taken = await volunteer.post(`/api/v1/hotline/callbacks/${urgent.id}/claim`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('callback_taken');
    expect((await volunteer.post(`/api/v1/hotline/callbacks/${urgent.id}/done`, { outcome: 'reached' })).statusCode).toBe(409);
    const done = await responder.post(`/api/v1/hotline/callbacks/${urgent.id}/done`, { outcome: 'reached' });
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'reached' });
    expect((await responder.post(`/api/v1/hotline/callbacks/${urgent.id}/done`, { outcome: 'reached' })).json().error.code).toBe('callback_done');
    expect((await responder.post(`/api/v1/hotline/callbacks/${old.id}/done`, { outcome: 'maybe' })).statusCode).toBe(400);

    const other = await t.as('responder', 'b');
    expect((await other.get('/api/v1/hotline/callbacks')).json().items).toEqual([]);
    expect((await other.post(`/api/v1/hotline/callbacks/${old.id}/claim`)).statusCode).toBe(404);
  });

  it('calls in every responder not on call, in their own language, once per ten minutes', async () => {
    const [responder, volunteer, coordinator] = [await userId('responder'), await userId('volunteer'), await userId('coordinator')];
    await db().update(users).set({ language: 'ko' }).where(eq(users.id, volunteer));
    await db().insert(hotlineResponders).values([
      { orgId: t.orgs.a, userId: responder, languages: ['en', 'es'], phoneE164: '+13125550191' },
      { orgId: t.orgs.a, userId: volunteer, languages: ['ko'], phoneE164: '+13125550192' },
      { orgId: t.orgs.a, userId: coordinator, languages: ['ko', 'en'], phoneE164: null },
    ]);
    // The responder is on call already: not texted.
    await db().insert(hotlineShiftOverrides).values({ orgId: t.orgs.a, userId: responder, kind: 'on', startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) });
    const coord = await t.as('coordinator', 'a');
    expect((await coord.post('/api/v1/hotline/call-in', { languages: ['ko'] })).json()).toEqual({ texted: 1, withoutPhone: 1 });
    expect((await coord.post('/api/v1/hotline/call-in', { languages: ['ko'] })).json()).toEqual({ texted: 1, withoutPhone: 1 });
    const end = Date.now() + 15_000;
    let got: { body: string }[] = [];
    while (Date.now() < end && !got.length) {
      got = await t.deps.simulator.store.listSms({ to: '+13125550192' });
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 500));
    got = await t.deps.simulator.store.listSms({ to: '+13125550192' });
    expect(got).toHaveLength(1);
    expect(got[0].body).toMatch(/도와주실 수 있으면/);
    expect(await t.deps.simulator.store.listSms({ to: '+13125550191' })).toHaveLength(0);
    expect((await (await t.as('responder', 'a')).post('/api/v1/hotline/call-in', {})).statusCode).toBe(403);
  });

  it('reports volume by day and channel, first-response p50/p90, answered, voicemail and missed calls, in the affiliate’s days', async () => {
    // Affiliate B: nothing else in these tests writes there. Its time zone decides the day.
    const org = t.orgs.b;
    const at = (iso: string) => new Date(iso);
    await db().insert(conversations).values([
      { orgId: org, contactAddress: '+17035550001', channel: 'sms', lang: 'ko', category: 'daca_renewal', firstInboundAt: at('2026-11-10T15:00:00Z'), firstResponseAt: at('2026-11-10T15:01:00Z') },
      { orgId: org, contactAddress: '+17035550002', channel: 'voice', lang: 'es', category: 'enforcement', firstInboundAt: at('2026-11-10T16:00:00Z'), firstResponseAt: at('2026-11-10T16:05:00Z') },
      { orgId: org, contactAddress: 'x@example.org', channel: 'web', lang: 'en', firstInboundAt: at('2026-11-11T15:00:00Z') },
      // Outside the period: not counted.
      { orgId: org, contactAddress: '+17035550003', channel: 'sms', lang: 'ko', firstInboundAt: at('2026-10-01T15:00:00Z') },
    ]);
    const call = (n: number, v: Partial<typeof voiceCalls.$inferInsert> = {}) => ({
      orgId: org, providerId: `CA${String(n).repeat(32)}`, direction: 'inbound' as const, fromAddress: '+17035550009', toAddress: '+17035550100', status: 'completed', createdAt: at('2026-11-10T17:00:00Z'), ...v,
    });
    await db().insert(voiceCalls).values([call(4, { answeredAt: at('2026-11-10T17:00:20Z') }), call(5), call(6)]);
    await db().insert(callbackTasks).values({ orgId: org, phoneE164: '+17035550009', lang: 'es', reason: 'voicemail', callSid: `CA${'5'.repeat(32)}`, emergency: true });

    const coord = await t.as('coordinator', 'b');
    const res = await coord.get('/api/v1/hotline/reports?from=2026-11-10&to=2026-11-12');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.conversations).toBe(3);
    expect(r.byDay).toEqual([
      { day: '2026-11-10', sms: 1, voice: 1, web: 0 },
      { day: '2026-11-11', sms: 0, voice: 0, web: 1 },
      { day: '2026-11-12', sms: 0, voice: 0, web: 0 },
    ]);
    expect(r.byLanguage).toEqual(expect.arrayContaining([{ lang: 'ko', count: 1 }, { lang: 'es', count: 1 }, { lang: 'en', count: 1 }]));
    expect(r.firstResponse).toEqual({ answered: 2, unanswered: 1, p50Seconds: 180, p90Seconds: 276 });
    expect(r.calls).toEqual({ total: 3, answered: 1, voicemail: 1, missed: 1 });
    expect(r.outstanding).toEqual({ callbacks: 1, voicemails: 1, emergencies: 1 });

    expect((await coord.get('/api/v1/hotline/reports?from=2025-01-01&to=2026-11-12')).json().error.code).toBe('report_range_too_long');
    expect((await coord.get('/api/v1/hotline/reports?from=2026-11-12&to=2026-11-10')).statusCode).toBe(400);
    expect((await (await t.as('responder', 'b')).get('/api/v1/hotline/reports')).statusCode).toBe(403);
    // Affiliate A's coordinator sees A's figures, none of B's.
    expect((await (await t.as('coordinator', 'a')).get('/api/v1/hotline/reports?from=2026-11-10&to=2026-11-12')).json().conversations).toBe(0);
  });

  it('surge mode: a new texter gets an immediate acknowledgement in their language with the expected wait', async () => {
    const member = '+17735550177';
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, surge: true, surgeSince: new Date() }).onConflictDoUpdate({ target: hotlineSettings.orgId, set: { surge: true } });
    await db().insert(hotlineShiftOverrides).values({ orgId: t.orgs.a, userId: await userId('volunteer'), kind: 'on', startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) });
    await t.deps.simulator.receiveSms({ from: member, to: '+13125550171', body: '안녕하세요, 도와주세요', url: `${t.deps.config.publicUrl}/webhooks/twilio/sms` });
    let got: { body: string }[] = [];
    for (const end = Date.now() + 15_000; Date.now() < end && !got.length; await new Promise((r) => setTimeout(r, 100))) got = await t.deps.simulator.store.listSms({ to: member });
    expect(got).toHaveLength(1);
    expect(got[0].body).toMatch(/약 \d+분 안에 상담원이 답변드리겠습니다/);
    // A second text in the same conversation gets no second acknowledgement.
    await t.deps.simulator.receiveSms({ from: member, to: '+13125550171', body: '기다릴게요', url: `${t.deps.config.publicUrl}/webhooks/twilio/sms` });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await t.deps.simulator.store.listSms({ to: member })).toHaveLength(1);
    await db().update(hotlineSettings).set({ surge: false }).where(eq(hotlineSettings.orgId, t.orgs.a));
  });
});
