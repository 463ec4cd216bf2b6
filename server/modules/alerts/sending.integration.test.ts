import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/rows.ts';
import { addSenders } from '../hotline/conversations.test-helpers.ts';
import { outboundMessages, recordConsent } from '../messaging/index.ts';
import { consentEvents } from '../people/people.table.ts';
import { sendBatch } from '../messaging/send-batch.ts';
import { fanOut, handOver, startDueAlerts } from './alert-worker.ts';
import { alertDeliveries, alerts } from './alerts.table.ts';
import { handOverStep } from './hand-over.ts';
import { addSubscriber } from './compose.test-helpers.ts';

/**
 * Sending alerts through the real app and the real outbox: fan-out (audience, opt-outs,
 * language fallback), the hand-over, the simulator, live progress, a double-clicked send,
 * an opt-out during the send, pause/resume/cancel, emergency and quiet hours, scheduling,
 * a retraction to exactly the people the original reached, network-wide alerts across the
 * affiliates' walls, and short links.
 */
let t: TestApp;
let organizer: Client;
let coordinator: Client;
const db = () => t.deps.database.db;
const EN = 'DACA renewals remain open. Details: https://example.org/daca-update';
const KO = 'DACA 갱신 신청은 계속 가능합니다. 자세히: https://example.org/daca-update';
const people: Record<string, { id: string; phone: string | null }> = {};

/** Compose (organizer), approve the translations and the alert (coordinator), and send. */
async function approvedAlert(author: Client, approver: Client, opts: { title: string; audience?: Record<string, unknown>; emergency?: boolean; ko?: boolean; topic?: string } ) {
  const created = await author.post('/api/v1/alerts', { title: opts.title, topic: opts.topic ?? 'daca', sourceLang: 'en', emergency: opts.emergency ?? false, audience: opts.audience ?? {}, version: { smsBody: EN, emailSubject: 'DACA update', emailBody: EN } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  if (opts.ko !== false) expect((await author.put(`/api/v1/alerts/${id}/versions/ko`, { smsBody: KO, emailSubject: 'DACA 안내', emailBody: KO })).statusCode).toBe(200);
  let alert = (await author.get(`/api/v1/alerts/${id}`)).json();
  for (const lang of alert.langs) {
    const r = await approver.post(`/api/v1/alerts/${id}/versions/${lang}/review`, { status: 'approved', expectedVersion: alert.version });
    expect(r.statusCode, r.body).toBe(200);
    alert = r.json();
  }
  const submitted = await author.post(`/api/v1/alerts/${id}/submit`, { expectedVersion: alert.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await approver.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: submitted.json().version });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as { id: string; version: number };
}

const deliveriesOf = (alertId: string) => db().select().from(alertDeliveries).where(eq(alertDeliveries.alertId, alertId));
const outboxOf = async (alertId: string) => {
  const ids = (await deliveriesOf(alertId)).map((d) => d.outboundId).filter((x): x is string => Boolean(x));
  return ids.length ? db().select().from(outboundMessages).where(inArray(outboundMessages.id, ids)) : [];
};
/** Run the outbox's send jobs for these rows now, at a daytime hour in Chicago unless told otherwise. */
async function sendOutbox(alertId: string, now = () => new Date(new Date().toISOString().slice(0, 10) + 'T18:00:00Z')) {
  const rows = await outboxOf(alertId);
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    const ids = rows.filter((r) => r.orgId === orgId && r.status === 'queued').map((r) => r.id);
    if (ids.length) await sendBatch(t.deps, { orgId, ids }, { deadline: Date.now() + 60_000, now });
  }
}

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  organizer = await t.as('organizer', 'a');
  coordinator = await t.as('coordinator', 'a');
  const add = async (key: string, org: 'a' | 'b', p: Parameters<typeof addSubscriber>[2]) => {
    const person = await addSubscriber(t, org, p);
    people[key] = { id: person.id, phone: person.phone ?? null };
  };
  await add('ko', 'a', { phone: '773-555-0701', lang: 'ko', state: 'IL', zip: '60625' });
  await add('en', 'a', { phone: '773-555-0702', lang: 'en', state: 'IL', zip: '60601' });
  await add('es', 'a', { phone: '773-555-0703', lang: 'es', state: 'IL', zip: '60608' });
  await add('email', 'a', { email: 'mina.alerts@example.org', lang: 'ko', state: 'IL' });
  await add('stopped', 'a', { phone: '773-555-0705', lang: 'en', state: 'IL' });
  await recordConsent(db(), { orgId: t.orgs.a, address: '+17735550705', channel: 'sms', scope: 'affiliate', status: 'opted_out', evidenceKind: 'keyword', evidence: { keyword: 'STOP' } });
  await add('b', 'b', { phone: '212-555-0706', lang: 'es', state: 'NY', zip: '10001' });
});
afterAll(() => t?.close());

describe('sending an alert', () => {
  let alert: { id: string; version: number };

  it('writes deliveries for the opted-in audience in each person’s language, falling back to the source language', async () => {
    alert = await approvedAlert(organizer, coordinator, { title: 'DACA update', audience: { channels: ['sms', 'email'] } });
    const sent = await coordinator.post(`/api/v1/alerts/${alert.id}/send`, { expectedVersion: alert.version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('sending');
    // A double click: the second is refused, and nothing is written twice.
    const again = await coordinator.post(`/api/v1/alerts/${alert.id}/send`, { expectedVersion: alert.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_sending');

    expect(await fanOut(t.deps, alert.id)).toBe('started');
    expect(await fanOut(t.deps, alert.id)).toBe('skipped');
    const rows = await deliveriesOf(alert.id);
    const got = rows.map((d) => `${d.personId === people.ko.id ? 'ko' : d.personId === people.en.id ? 'en' : d.personId === people.es.id ? 'es' : d.personId === people.email.id ? 'email' : 'other'}:${d.channel}:${d.lang}`).sort();
    // Spanish has no version: the source language (English). The opted-out member and B's member are not in A's audience.
    expect(got).toEqual(['email:email:ko', 'en:sms:en', 'es:sms:en', 'ko:sms:ko']);
    expect(rows.every((d) => d.orgId === t.orgs.a && d.alertOrgId === t.orgs.a && d.state === 'pending')).toBe(true);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row.recipients).toBe(4);
  });

  it('hands the deliveries to the outbox with short links, and sends them through the simulator', async () => {
    await handOver(t.deps, alert.id);
    const rows = await deliveriesOf(alert.id);
    expect(rows.every((d) => d.state === 'queued' && d.outboundId)).toBe(true);
    const outbox = await outboxOf(alert.id);
    expect(outbox).toHaveLength(4);
    const ko = outbox.find((o) => o.personId === people.ko.id)!;
    expect(ko).toMatchObject({ kind: 'broadcast', topic: 'daca', lang: 'ko', channel: 'sms', status: 'queued' });
    expect(ko.body).toMatch(new RegExp(`^DACA 갱신 신청은 계속 가능합니다. 자세히: ${t.deps.config.publicUrl}/l/[0-9A-Za-z]{7}$`));
    const email = outbox.find((o) => o.channel === 'email')!;
    expect(email).toMatchObject({ toAddress: 'mina.alerts@example.org', lang: 'ko' });
    // Every alert email ends with the subscriber's own preferences link, which opens their page.
    const prefs = email.body.match(/\/p\/alerts\/preferences\/([A-Za-z0-9_.-]+)$/);
    expect(email.body).toContain('알림 언어·주제 변경 또는 수신 거부:');
    expect(prefs).not.toBeNull();
    const details = await t.anonymous().get(`/p/alerts/preferences/${prefs![1]}/details`);
    expect(details.statusCode, details.body).toBe(200);

    await sendOutbox(alert.id);
    const after = await outboxOf(alert.id);
    expect(after.every((o) => /sent|delivered/.test(o.status)), JSON.stringify(after.map((o) => [o.status, o.statusReason]))).toBe(true);
    await handOver(t.deps, alert.id);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row.status).toBe('sent');
    expect(row.finishedAt).not.toBeNull();

    const progress = await coordinator.get(`/api/v1/alerts/${alert.id}/progress`);
    expect(progress.statusCode, progress.body).toBe(200);
    const p = progress.json();
    expect(p.status).toBe('sent');
    expect(p.counts.total).toBe(4);
    expect(p.counts.sent + p.counts.delivered).toBe(4);
    expect(p.byLanguage.map((l: { lang: string; total: number }) => `${l.lang}:${l.total}`)).toEqual(['en:2', 'ko:2']);
    expect(p.byState).toEqual([expect.objectContaining({ state: 'IL', total: 4 })]);
    expect(p.secondsToFinish).toBeNull();
  });

  it('counts a short link’s clicks per language and redirects', async () => {
    const [ko] = (await outboxOf(alert.id)).filter((o) => o.lang === 'ko' && o.channel === 'sms');
    const code = ko.body.match(/\/l\/([0-9A-Za-z]{7})$/)![1];
    const res = await t.anonymous().get(`/l/${code}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://example.org/daca-update');
    expect((await t.anonymous().get('/l/nothere')).statusCode).toBe(404);
    const p = (await coordinator.get(`/api/v1/alerts/${alert.id}/progress`)).json();
    expect(p.clicks).toEqual([{ lang: 'en', clicks: 0 }, { lang: 'ko', clicks: 1 }]);
  });

  it('sends a retraction to exactly the people the original reached', async () => {
    // Someone who subscribes after the original does not get its retraction.
    await addSubscriber(t, 'a', { phone: '773-555-0707', lang: 'en', state: 'IL' });
    const res = await organizer.post(`/api/v1/alerts/${alert.id}/follow-up`, { kind: 'retraction', version: { smsBody: 'Please disregard our last message about DACA.', emailSubject: 'Retraction', emailBody: 'Please disregard our last message about DACA.' } });
    expect(res.statusCode, res.body).toBe(201);
    const follow = res.json();
    expect(follow).toMatchObject({ kind: 'retraction', parentId: alert.id, status: 'draft', title: 'Retraction: DACA update' });
    // A double click opens the same draft, not a second one.
    const again = await organizer.post(`/api/v1/alerts/${alert.id}/follow-up`, { kind: 'retraction' });
    expect(again.json().id).toBe(follow.id);
    expect(await db().select().from(alerts).where(and(eq(alerts.parentId, alert.id), eq(alerts.kind, 'retraction')))).toHaveLength(1);
    let f = follow;
    for (const lang of f.langs) f = (await coordinator.post(`/api/v1/alerts/${f.id}/versions/${lang}/review`, { status: 'approved', expectedVersion: f.version })).json();
    const submitted = await organizer.post(`/api/v1/alerts/${f.id}/submit`, { expectedVersion: f.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await coordinator.post(`/api/v1/alerts/${f.id}/approve`, { expectedVersion: submitted.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
    const sent = await coordinator.post(`/api/v1/alerts/${f.id}/send`, { expectedVersion: approved.json().version });
    expect(sent.statusCode, sent.body).toBe(200);
    await fanOut(t.deps, f.id);
    const rows = await deliveriesOf(f.id);
    const original = await deliveriesOf(alert.id);
    expect(rows.map((d) => `${d.personId}:${d.channel}`).sort()).toEqual(original.map((d) => `${d.personId}:${d.channel}`).sort());
    // The retraction has only English: everyone gets it in English.
    expect(rows.every((d) => d.lang === 'en')).toBe(true);
    // A draft cannot be followed up: nothing was sent.
    const draft = (await organizer.post('/api/v1/alerts', { title: 'Unsent', topic: 'daca', sourceLang: 'en', version: { smsBody: EN } })).json();
    const nothing = await organizer.post(`/api/v1/alerts/${draft.id}/follow-up`, { kind: 'correction' });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('follow_up_nothing_sent');
  });
});

describe('during a send', () => {
  it('a member who opts out receives nothing more, and progress counts them as opted out', async () => {
    const a = await approvedAlert(organizer, coordinator, { title: 'TPS news', topic: 'tps' });
    await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
    await fanOut(t.deps, a.id);
    await handOver(t.deps, a.id);
    // 중지 arrives (the keyword path is messaging's; its effect on the ledger is this event).
    await recordConsent(db(), { orgId: t.orgs.a, address: '+17735550701', personId: people.ko.id, channel: 'sms', scope: 'affiliate', status: 'opted_out', evidenceKind: 'keyword', evidence: { keyword: '중지' } });
    await sendOutbox(a.id);
    const outbox = await outboxOf(a.id);
    const ko = outbox.find((o) => o.personId === people.ko.id)!;
    expect(ko.status).toBe('canceled');
    expect(ko.statusReason).toBe('opted_out');
    const p = (await coordinator.get(`/api/v1/alerts/${a.id}/progress`)).json();
    expect(p.counts.optedOut).toBe(1);
    // Back in for the rest of the file's tests.
    await recordConsent(db(), { orgId: t.orgs.a, address: '+17735550701', personId: people.ko.id, channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'keyword', evidence: { keyword: '시작' } });
  });

  it('pause takes back what waits in the outbox; resume hands it over again; cancel stops the rest', async () => {
    const a = await approvedAlert(organizer, coordinator, { title: 'Enforcement', topic: 'enforcement' });
    let cur = (await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version })).json();
    await fanOut(t.deps, a.id);
    await handOver(t.deps, a.id);
    expect((await outboxOf(a.id)).every((o) => o.status === 'queued')).toBe(true);
    cur = (await coordinator.get(`/api/v1/alerts/${a.id}`)).json();

    const paused = await coordinator.post(`/api/v1/alerts/${a.id}/pause`, { expectedVersion: cur.version });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().status).toBe('paused');
    expect((await deliveriesOf(a.id)).every((d) => d.state === 'pending' && d.outboundId === null)).toBe(true);
    const taken = await db().select().from(outboundMessages).where(eq(outboundMessages.statusReason, 'alert_paused'));
    expect(taken.length).toBeGreaterThanOrEqual(3);
    // Paused: the hand-over does nothing.
    await handOver(t.deps, a.id);
    expect((await deliveriesOf(a.id)).every((d) => d.state === 'pending')).toBe(true);

    const resumed = await coordinator.post(`/api/v1/alerts/${a.id}/resume`, { expectedVersion: paused.json().version });
    expect(resumed.statusCode, resumed.body).toBe(200);
    await handOver(t.deps, a.id);
    expect((await deliveriesOf(a.id)).every((d) => d.state === 'queued')).toBe(true);

    // An organizer may not cancel (alerts.approve); the coordinator may.
    expect((await organizer.post(`/api/v1/alerts/${a.id}/cancel`, { expectedVersion: resumed.json().version })).statusCode).toBe(403);
    const canceled = await coordinator.post(`/api/v1/alerts/${a.id}/cancel`, { expectedVersion: resumed.json().version });
    expect(canceled.statusCode, canceled.body).toBe(200);
    expect(canceled.json().status).toBe('canceled');
    expect((await deliveriesOf(a.id)).every((d) => d.state === 'canceled')).toBe(true);
    expect((await outboxOf(a.id)).every((o) => o.status === 'canceled' && o.statusReason === 'alert_canceled')).toBe(true);
    // Canceled is final.
    const again = await coordinator.post(`/api/v1/alerts/${a.id}/resume`, { expectedVersion: canceled.json().version });
    expect(again.statusCode).toBe(409);
  });

  it('an emergency alert passes quiet hours only to those who opted in to emergency alerts', async () => {
    await t.deps.database.db.insert(consentEvents).values({ orgId: t.orgs.a, address: '+17735550702', personId: people.en.id, channel: 'sms', scope: 'affiliate', topic: 'emergency', status: 'opted_in', evidenceKind: 'form', evidence: { form: 'test' } });
    const a = await approvedAlert(organizer, coordinator, { title: 'Checkpoint', topic: 'enforcement', emergency: true, ko: false });
    await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
    await fanOut(t.deps, a.id);
    await handOver(t.deps, a.id);
    const night = () => new Date('2026-11-24T04:30:00Z'); // 22:30 in Chicago
    await sendOutbox(a.id, night);
    const outbox = await outboxOf(a.id);
    expect(outbox.every((o) => o.emergency)).toBe(true);
    expect(outbox.find((o) => o.personId === people.en.id)!.status).toMatch(/sent|delivered/);
    const held = outbox.filter((o) => o.personId !== people.en.id);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((o) => o.status === 'queued' && o.statusReason === 'quiet_hours')).toBe(true);
  });

  it('a scheduled alert waits for its time', async () => {
    const a = await approvedAlert(organizer, coordinator, { title: 'Later', topic: 'events', ko: false });
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = await coordinator.post(`/api/v1/alerts/${a.id}/schedule`, { at: at.toISOString(), expectedVersion: a.version });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json().status).toBe('scheduled');
    expect(await fanOut(t.deps, a.id)).toBe('skipped');
    expect(await deliveriesOf(a.id)).toHaveLength(0);
    expect(await fanOut(t.deps, a.id, new Date(at.getTime() + 1_000))).toBe('started');
    const [row] = await db().select().from(alerts).where(eq(alerts.id, a.id));
    expect(row.status).toBe('sending');
    expect((await deliveriesOf(a.id)).length).toBeGreaterThan(0);
    // A time in the past is refused, naming the field.
    const b = await approvedAlert(organizer, coordinator, { title: 'Past', topic: 'events', ko: false });
    const past = await coordinator.post(`/api/v1/alerts/${b.id}/schedule`, { at: new Date(Date.now() - 3_600_000).toISOString(), expectedVersion: b.version });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'schedule_in_past', field: 'at' });
  });
});

describe('follow-ups, schedules and stragglers', () => {
  it('a retraction in one language reaches once someone who got the original in two', async () => {
    const a = await approvedAlert(organizer, coordinator, { title: 'Both languages', topic: 'general', audience: { alsoSourceLang: true, langs: ['ko'] } });
    await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
    await fanOut(t.deps, a.id);
    expect((await deliveriesOf(a.id)).filter((d) => d.personId === people.ko.id && d.channel === 'sms').map((d) => d.lang).sort()).toEqual(['en', 'ko']);
    await handOver(t.deps, a.id);
    await sendOutbox(a.id);
    const follow = (await organizer.post(`/api/v1/alerts/${a.id}/follow-up`, { kind: 'correction', version: { smsBody: 'Correction: the clinic is on Monday.', emailSubject: 'Correction', emailBody: 'Correction: the clinic is on Monday.' } })).json();
    let f = follow;
    for (const lang of f.langs) f = (await coordinator.post(`/api/v1/alerts/${f.id}/versions/${lang}/review`, { status: 'approved', expectedVersion: f.version })).json();
    f = (await organizer.post(`/api/v1/alerts/${f.id}/submit`, { expectedVersion: f.version })).json();
    f = (await coordinator.post(`/api/v1/alerts/${f.id}/approve`, { expectedVersion: f.version })).json();
    expect((await coordinator.post(`/api/v1/alerts/${f.id}/send`, { expectedVersion: f.version })).statusCode).toBe(200);
    expect(await fanOut(t.deps, f.id)).toBe('started');
    const rows = (await deliveriesOf(f.id)).filter((d) => d.personId === people.ko.id && d.channel === 'sms');
    expect(rows.map((d) => d.lang)).toEqual(['en']);
  });

  it('a paused scheduled alert resumes to its schedule, and the sweep starts a due one whose job was lost', async () => {
    const a = await approvedAlert(organizer, coordinator, { title: 'Held', topic: 'events', ko: false });
    const at = new Date(Date.now() + 3_600_000);
    let cur = (await coordinator.post(`/api/v1/alerts/${a.id}/schedule`, { at: at.toISOString(), expectedVersion: a.version })).json();
    cur = (await coordinator.post(`/api/v1/alerts/${a.id}/pause`, { expectedVersion: cur.version })).json();
    expect(cur.status).toBe('paused');
    const resumed = await coordinator.post(`/api/v1/alerts/${a.id}/resume`, { expectedVersion: cur.version });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json().status).toBe('scheduled');
    expect(await deliveriesOf(a.id)).toHaveLength(0);
    // Its time comes and its job is gone: the sweep starts it.
    await db().update(alerts).set({ scheduledAt: new Date(Date.now() - 1_000) }).where(eq(alerts.id, a.id));
    expect(await startDueAlerts(t.deps)).toBeGreaterThanOrEqual(1);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, a.id));
    expect(row.status).toBe('sending');
    expect((await deliveriesOf(a.id)).length).toBeGreaterThan(0);
  });

  it('a delivery whose person was erased after the fan-out is canceled, and the alert still finishes', async () => {
    const gone = await addSubscriber(t, 'a', { phone: '773-555-0708', lang: 'en', state: 'IL' });
    const a = await approvedAlert(organizer, coordinator, { title: 'Erased', topic: 'general', ko: false });
    await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
    await fanOut(t.deps, a.id);
    expect((await deliveriesOf(a.id)).some((d) => d.personId === gone.id)).toBe(true);
    await db().execute(sql`delete from consent_events where person_id = ${gone.id}`);
    await db().execute(sql`delete from alert_subscribers where person_id = ${gone.id}`);
    await db().execute(sql`delete from people where id = ${gone.id}`);
    await handOver(t.deps, a.id);
    await sendOutbox(a.id);
    await handOver(t.deps, a.id);
    const [mine] = (await deliveriesOf(a.id)).filter((d) => d.personId === gone.id);
    expect(mine.state).toBe('canceled');
    expect((await db().select().from(alerts).where(eq(alerts.id, a.id)))[0].status).toBe('sent');
  });
});

describe('consent at fan-out', () => {
  it('the latest applicable event wins: a STOPALL bars every affiliate, a later START to this one lets it write again', async () => {
    const all = await addSubscriber(t, 'a', { phone: '773-555-0721', lang: 'en', state: 'IL' });
    const back = await addSubscriber(t, 'a', { phone: '773-555-0722', lang: 'en', state: 'IL' });
    const other = await addSubscriber(t, 'a', { phone: '773-555-0723', lang: 'en', state: 'IL' });
    const stopAll = (address: string) => recordConsent(db(), { orgId: t.orgs.b, address, channel: 'sms', scope: 'network', status: 'opted_out', evidenceKind: 'keyword', evidence: { keyword: 'STOPALL' } });
    await stopAll('+17735550721');
    await stopAll('+17735550722');
    await recordConsent(db(), { orgId: t.orgs.a, address: '+17735550722', personId: back.id, channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'keyword', evidence: { keyword: 'START' } });
    // B's own opt-out binds B only.
    await recordConsent(db(), { orgId: t.orgs.b, address: '+17735550723', channel: 'sms', scope: 'affiliate', status: 'opted_out', evidenceKind: 'keyword', evidence: { keyword: 'STOP' } });
    const a = await approvedAlert(organizer, coordinator, { title: 'Consent', topic: 'general', ko: false });
    await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
    await fanOut(t.deps, a.id);
    const reached = new Set((await deliveriesOf(a.id)).map((d) => d.personId));
    expect(reached.has(all.id)).toBe(false);
    expect(reached.has(back.id)).toBe(true);
    expect(reached.has(other.id)).toBe(true);
    const cur = (await coordinator.get(`/api/v1/alerts/${a.id}`)).json();
    await coordinator.post(`/api/v1/alerts/${a.id}/cancel`, { expectedVersion: cur.version });
  });
});

describe('a refusal from the database', () => {
  it('cancels only the refused delivery; the rest of the chunk goes to the outbox', async () => {
    const refused = await addSubscriber(t, 'a', { phone: '773-555-0731', lang: 'en', state: 'IL' });
    // A stand-in for any constraint the outbox's insert can hit: the database itself refuses one address.
    await db().execute(sql.raw(`
      create or replace function refuse_test_address() returns trigger language plpgsql as $$
      begin if new.to_address = '+17735550731' then raise exception 'refused for the test'; end if; return new; end $$`));
    await db().execute(sql.raw('create trigger refuse_test_address before insert on outbound_messages for each row execute function refuse_test_address()'));
    try {
      const a = await approvedAlert(organizer, coordinator, { title: 'Refused', topic: 'general', ko: false });
      await coordinator.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
      await fanOut(t.deps, a.id);
      await handOver(t.deps, a.id);
      const rows = await deliveriesOf(a.id);
      expect(rows.find((d) => d.personId === refused.id)!.state).toBe('canceled');
      const others = rows.filter((d) => d.personId !== refused.id);
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((d) => d.state === 'queued' && d.outboundId)).toBe(true);
      const cur = (await coordinator.get(`/api/v1/alerts/${a.id}`)).json();
      await coordinator.post(`/api/v1/alerts/${a.id}/cancel`, { expectedVersion: cur.version });
    } finally {
      await db().execute(sql.raw('drop trigger refuse_test_address on outbound_messages'));
      await db().execute(sql.raw('drop function refuse_test_address()'));
    }
  });
});

describe('the outbox window', () => {
  it('a full window makes an ordinary alert wait, but not an emergency', async () => {
    // Something of A's is already open in the outbox (held for the morning, say): with a window of 1, that fills it.
    const filler = await approvedAlert(organizer, coordinator, { title: 'Filler', topic: 'general', ko: false });
    await coordinator.post(`/api/v1/alerts/${filler.id}/send`, { expectedVersion: filler.version });
    await fanOut(t.deps, filler.id);
    await handOver(t.deps, filler.id);
    expect((await outboxOf(filler.id)).some((o) => o.status === 'queued')).toBe(true);

    const ordinary = await approvedAlert(organizer, coordinator, { title: 'Ordinary', topic: 'general', ko: false });
    await coordinator.post(`/api/v1/alerts/${ordinary.id}/send`, { expectedVersion: ordinary.version });
    await fanOut(t.deps, ordinary.id);
    expect(await handOverStep(t.deps, ordinary.id, null, { window: 1 })).toMatchObject({ outcome: 'wait', handed: 0 });
    expect((await deliveriesOf(ordinary.id)).every((d) => d.state === 'pending')).toBe(true);

    const urgent = await approvedAlert(organizer, coordinator, { title: 'Raid reported', topic: 'enforcement', emergency: true, ko: false });
    await coordinator.post(`/api/v1/alerts/${urgent.id}/send`, { expectedVersion: urgent.version });
    await fanOut(t.deps, urgent.id);
    expect(await handOverStep(t.deps, urgent.id, null, { window: 1 })).toMatchObject({ outcome: 'more' });
    expect((await deliveriesOf(urgent.id)).every((d) => d.state === 'queued')).toBe(true);
    for (const a of [filler, ordinary, urgent]) {
      const cur = (await coordinator.get(`/api/v1/alerts/${a.id}`)).json();
      await coordinator.post(`/api/v1/alerts/${a.id}/cancel`, { expectedVersion: cur.version });
    }
  });
});

describe('network-wide alerts and the walls', () => {
  it('the network office reaches every affiliate’s subscribers through their own senders, and sees the progress', async () => {
    const netWriter = await t.as('network_admin', 'net');
    const netApprover = await t.signIn('coordinator@net.test');
    const a = await approvedAlert(netWriter, netApprover, { title: 'Network DACA update', ko: false });
    await netApprover.post(`/api/v1/alerts/${a.id}/send`, { expectedVersion: a.version });
    await fanOut(t.deps, a.id);
    const rows = await deliveriesOf(a.id);
    expect(new Set(rows.map((d) => d.orgId))).toEqual(new Set([t.orgs.a, t.orgs.b]));
    expect(rows.every((d) => d.alertOrgId === t.orgs.net)).toBe(true);
    await handOver(t.deps, a.id);
    const outbox = await outboxOf(a.id);
    expect(outbox.find((o) => o.personId === people.b.id)!.orgId).toBe(t.orgs.b);
    const p = await netApprover.get(`/api/v1/alerts/${a.id}/progress`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().counts.total).toBe(rows.length);
    expect(p.json().byState.map((s: { state: string }) => s.state).sort()).toEqual(expect.arrayContaining(['IL', 'NY']));

    // An affiliate cannot read the network's alert, nor B A's.
    expect((await coordinator.get(`/api/v1/alerts/${a.id}/progress`)).statusCode).toBe(404);
    const bCoordinator = await t.as('coordinator', 'b');
    const [anyA] = await db().select().from(alerts).where(and(eq(alerts.orgId, t.orgs.a), eq(alerts.status, 'sent')));
    expect((await bCoordinator.get(`/api/v1/alerts/${anyA.id}/progress`)).statusCode).toBe(404);
    expect((await bCoordinator.post(`/api/v1/alerts/${anyA.id}/follow-up`, { kind: 'correction' })).statusCode).toBe(404);
    // Row-level security: B's app role sees none of A's deliveries.
    const seen = await db().transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'haven_app', true), set_config('haven.org_id', ${t.orgs.b}, true)`);
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from alert_deliveries where alert_id = ${anyA.id}`);
    });
    expect(Number(seen[0].n)).toBe(0);
  });
});
