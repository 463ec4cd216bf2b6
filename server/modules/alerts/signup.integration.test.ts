import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { messagingSenders, outboundMessages, recordConsent, startSendWorkers } from '../messaging/index.ts';
import { consentEvents, people } from '../people/index.ts';
import { alertSignups, alertSubscribers } from './alerts.table.ts';
import { startConsentKeywordWorker, takeConsentKeyword } from './consent-keyword.ts';
import { purgeUnconfirmedSignups, UNCONFIRMED_SIGNUP_DAYS } from './signup-retention.ts';

/**
 * The public sign-up end to end: the form's API, the confirmation text in the outbox, a YES
 * through the simulator and the real webhook, the worker that records the form's evidence;
 * the email link (GET changes nothing, POST confirms once); and bad input.
 */
let t: TestApp;
const NUMBER_A = '+13125550170'; // affiliate A serves IL
const NUMBER_B = '+12125550170'; // affiliate B serves NY
const NUMBER_NET = '+12025550170';

const db = () => t.deps.database.db;
const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const signup = (body: unknown, lang = 'en') => t.anonymous().request({ method: 'POST', url: '/p/alerts', payload: body as object, headers: { 'x-haven-lang': lang } });
const outbox = (address: string) => db().select().from(outboundMessages).where(eq(outboundMessages.toAddress, address));
const consentOf = (address: string) => db().select().from(consentEvents).where(eq(consentEvents.address, address)).orderBy(consentEvents.seq);
const signupsOf = (address: string) => db().select().from(alertSignups).where(eq(alertSignups.address, address));
const text = (from: string, body: string, to = NUMBER_A) => t.deps.simulator.receiveSms({ from, to, body, url: `${t.deps.config.publicUrl}/webhooks/twilio/sms` });
const tokenIn = (body: string) => /\/p\/alerts\/confirm\/([A-Za-z0-9_-]{43})/.exec(body)![1];

beforeAll(async () => {
  t = await startTestApp();
  await db().insert(messagingSenders).values([
    { orgId: t.orgs.a, label: 'A', phoneE164: NUMBER_A, isDefault: true },
    { orgId: t.orgs.b, label: 'B', phoneE164: NUMBER_B, isDefault: true },
    { orgId: t.orgs.net, label: 'Net', phoneE164: NUMBER_NET, isDefault: true },
  ]);
  await startSendWorkers(t.deps);
  await startConsentKeywordWorker(t.deps);
});
afterAll(() => t?.close());

describe('SMS sign-up and its YES', () => {
  it('asks for a YES in the chosen language, and records the form as evidence when the YES comes', async () => {
    const phone = '+13125551201';
    const res = await signup({ phone: '(312) 555-1201', zip: '60601', lang: 'ko', topics: ['daca', 'enforcement'] }, 'ko');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ ok: true, channels: ['sms'] });

    // The person, in affiliate A (IL), with no name, and their topics.
    const [person] = await db().select().from(people).where(eq(people.phoneE164, phone));
    expect(person).toMatchObject({ orgId: t.orgs.a, givenName: '', preferredLanguage: 'ko', zip: '60601', state: 'IL' });
    const [sub] = await db().select().from(alertSubscribers).where(eq(alertSubscribers.personId, person.id));
    expect(sub).toMatchObject({ orgId: t.orgs.a, topics: ['daca', 'enforcement'], source: 'signup' });
    const [pending] = await signupsOf(phone);
    expect(pending).toMatchObject({ channel: 'sms', lang: 'ko', source: 'web:/p/alerts', confirmedAt: null });
    expect(pending.textShown).toContain('Affiliate A');
    expect(pending.textShown).toContain('메시지 및 데이터 요금');
    expect(pending.expiresAt.getTime() - pending.createdAt.getTime()).toBe(48 * 3600_000);

    // The confirmation text: a notification (obeys STOP and quiet hours, needs no prior opt-in), in Korean.
    const [confirm] = await outbox(phone);
    expect(confirm).toMatchObject({ kind: 'notification', lang: 'ko', orgId: t.orgs.a, channel: 'sms' });
    expect(confirm.body).toContain('시작');
    expect(await consentOf(phone)).toHaveLength(0);

    const { messageSid } = await text(phone, '시작');
    const form = await waitFor(async () => (await consentOf(phone)).find((e) => e.evidenceKind === 'form'), 'the form evidence');
    expect(form).toMatchObject({ orgId: t.orgs.a, channel: 'sms', scope: 'affiliate', topic: 'all', status: 'opted_in', personId: person.id });
    expect(form.evidence).toMatchObject({ textShown: pending.textShown, lang: 'ko', source: 'web:/p/alerts', signedUpAt: pending.createdAt.toISOString(), confirmedBy: messageSid });
    expect((await consentOf(phone)).map((e) => e.evidenceKind)).toEqual(['keyword', 'form']);
    expect((await signupsOf(phone))[0].confirmedAt).not.toBeNull();
    // The keyword's own reply confirms, in Korean.
    const replies = (await outbox(phone)).filter((m) => m.kind === 'consent_reply');
    expect(replies).toHaveLength(1);
    expect(replies[0].lang).toBe('ko');

    // A second YES records no second form event.
    await text(phone, 'YES');
    await waitFor(async () => (await consentOf(phone)).filter((e) => e.evidenceKind === 'keyword').length === 2, 'the second keyword');
    await new Promise((r) => setTimeout(r, 700));
    expect((await consentOf(phone)).filter((e) => e.evidenceKind === 'form')).toHaveLength(1);
  });

  it('goes to the affiliate serving the ZIP’s state, else the national office', async () => {
    expect((await signup({ phone: '212-555-1202', zip: '10001', lang: 'en', topics: ['tps'] })).statusCode).toBe(201);
    expect((await signup({ phone: '213-555-1203', zip: '90012', lang: 'es', topics: ['general'] })).statusCode).toBe(201);
    const [ny] = await signupsOf('+12125551202');
    const [ca] = await signupsOf('+12135551203');
    expect([ny.orgId, ca.orgId]).toEqual([t.orgs.b, t.orgs.net]);
    expect((await outbox('+12135551203'))[0].body).toContain('Responda SI');
  });

  it('answers a known number exactly like a new one, and leaves the person’s record alone', async () => {
    // Seeded in affiliate A by the harness: Minjun Kim, (312) 555-0101, Korean.
    const before = await db().select().from(people).where(eq(people.phoneE164, '+13125550101'));
    const res = await signup({ phone: '3125550101', zip: '60614', lang: 'en', topics: ['daca'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ok: true, channels: ['sms'] });
    const after = await db().select().from(people).where(eq(people.phoneE164, '+13125550101'));
    expect(after).toEqual(before);
  });

  it('a STOP ends a pending sign-up: a later YES does not record the form', async () => {
    const phone = '+13125551204';
    await signup({ phone, zip: '60601', lang: 'en', topics: ['daca'] });
    await text(phone, 'STOP');
    await waitFor(async () => (await signupsOf(phone))[0].expiresAt <= new Date(), 'the sign-up to end');
    await text(phone, 'YES');
    await waitFor(async () => (await consentOf(phone)).length === 2, 'the YES');
    // The YES's own hand-off, run here rather than waited for: nothing is pending any more, so nothing is recorded.
    expect(await takeConsentKeyword(t.deps, { orgId: t.orgs.a, address: phone, keyword: 'opt_in', scope: 'affiliate', providerId: 'SM' + 'd'.repeat(32), lang: 'en' })).toEqual({ confirmed: 0, ended: 0 });
    expect((await consentOf(phone)).map((e) => e.evidenceKind)).toEqual(['keyword', 'keyword']);
  });

  it('a YES job run twice (a worker that died after committing) records the form once', async () => {
    const phone = '+13125551261';
    await signup({ phone, zip: '60601', lang: 'en', topics: ['daca'] });
    await recordConsent(db(), { orgId: t.orgs.a, address: phone, channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'keyword', evidence: { keyword: 'YES' } });
    const job = { orgId: t.orgs.a, address: phone, keyword: 'opt_in' as const, scope: 'affiliate' as const, providerId: 'SM' + 'f'.repeat(32), lang: 'en' as const };
    expect(await takeConsentKeyword(t.deps, job)).toEqual({ confirmed: 1, ended: 0 });
    expect(await takeConsentKeyword(t.deps, job)).toEqual({ confirmed: 0, ended: 0 });
    expect((await consentOf(phone)).filter((e) => e.evidenceKind === 'form')).toHaveLength(1);
  });

  it('a STOP right after the YES wins even when the YES is handed over later', async () => {
    const phone = '+13125551262';
    await signup({ phone, zip: '60601', lang: 'en', topics: ['daca'] });
    // The webhooks record both keywords; the YES's job has not run yet.
    await recordConsent(db(), { orgId: t.orgs.a, address: phone, channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'keyword', evidence: { keyword: 'YES' } });
    await recordConsent(db(), { orgId: t.orgs.a, address: phone, channel: 'sms', scope: 'affiliate', status: 'opted_out', evidenceKind: 'keyword', evidence: { keyword: 'STOP' } });
    expect(await takeConsentKeyword(t.deps, { orgId: t.orgs.a, address: phone, keyword: 'opt_in', scope: 'affiliate', providerId: 'SM' + 'e'.repeat(32), lang: 'en' })).toEqual({ confirmed: 0, ended: 1 });
    const events = await consentOf(phone);
    expect(events.map((e) => e.evidenceKind)).toEqual(['keyword', 'keyword']);
    expect(events.at(-1)!.status).toBe('opted_out');
    expect((await signupsOf(phone))[0].confirmedAt).toBeNull();
  });
});

describe('email sign-up', () => {
  it('sends a link; GET changes nothing; POST confirms once; the ledger has the form evidence', async () => {
    const email = 'mina.signup@example.org';
    const res = await signup({ email: 'Mina.Signup@Example.org', zip: '60601', lang: 'es', topics: ['events'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().channels).toEqual(['email']);
    const [mail] = await outbox(email);
    expect(mail).toMatchObject({ channel: 'email', kind: 'notification', lang: 'es' });
    expect(mail.subject).toContain('Confirme');
    const token = tokenIn(mail.body);
    const [row] = await signupsOf(email);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);

    const anon = t.anonymous();
    for (let i = 0; i < 2; i++) {
      const details = await anon.get(`/p/alerts/confirm/${token}/details`);
      expect(details.json()).toEqual({ status: 'pending', lang: 'es', orgName: 'Affiliate A' });
    }
    await anon.get(`/p/alerts/confirm/${token}`); // the page itself (the web app's), as a link scanner would fetch it
    expect(await consentOf(email)).toHaveLength(0);
    expect((await signupsOf(email))[0].confirmedAt).toBeNull();

    const [first, second] = [await anon.post(`/p/alerts/confirm/${token}`), await anon.post(`/p/alerts/confirm/${token}`)];
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json().status).toBe('confirmed');
    const events = await consentOf(email);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ channel: 'email', scope: 'affiliate', status: 'opted_in', evidenceKind: 'form', orgId: t.orgs.a });
    expect(events[0].evidence).toMatchObject({ textShown: row.textShown, lang: 'es', source: 'web:/p/alerts', confirmedBy: 'email_link' });
  });

  it('refuses an expired or unknown link with a translated page and records nothing', async () => {
    const email = 'late.signup@example.org';
    await signup({ email, zip: '60601', lang: 'ko', topics: ['daca'] });
    const token = tokenIn((await outbox(email))[0].body);
    await db().update(alertSignups).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(alertSignups.address, email));
    expect((await t.anonymous().get(`/p/alerts/confirm/${token}/details`)).json().status).toBe('expired');
    const res = await t.anonymous().request({ method: 'POST', url: `/p/alerts/confirm/${token}`, headers: { 'x-haven-lang': 'ko' } });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('signup_link_expired');
    expect(res.json().error.message).toContain('만료');
    expect(await consentOf(email)).toHaveLength(0);

    const forged = 'A'.repeat(43);
    expect((await t.anonymous().get(`/p/alerts/confirm/${forged}/details`)).json().status).toBe('invalid');
    expect((await t.anonymous().post(`/p/alerts/confirm/${forged}`)).statusCode).toBe(404);
    expect((await t.anonymous().post(`/p/alerts/confirm/short`)).statusCode).toBe(404);
  });

  it('takes phone and email together: one sign-up row per channel, one person', async () => {
    const res = await signup({ phone: '312-555-1205', email: 'both@example.org', zip: '60601', lang: 'en', topics: ['general'] });
    expect(res.json().channels).toEqual(['sms', 'email']);
    const [a] = await signupsOf('+13125551205');
    const [b] = await signupsOf('both@example.org');
    expect(a.personId).toBe(b.personId);
  });
});

describe('bad input', () => {
  const count = async () => (await db().select().from(alertSignups)).length;

  it('refuses with a translated 400 naming the field, and writes nothing', async () => {
    const before = await count();
    const cases: [unknown, string, string][] = [
      [{ zip: '60601', lang: 'en', topics: ['daca'] }, 'phone', 'validation'],
      [{ phone: 'call me', zip: '60601', lang: 'en', topics: ['daca'] }, 'phone', 'invalid_phone'],
      [{ phone: '312-555-1206', zip: '6060', lang: 'en', topics: ['daca'] }, 'zip', 'validation'],
      [{ phone: '312-555-1206', zip: '09012', lang: 'en', topics: ['daca'] }, 'zip', 'invalid_zip'],
      [{ phone: '312-555-1206', zip: '60601', lang: 'en', topics: ['weather'] }, 'topics.0', 'validation'],
      [{ phone: '312-555-1206', zip: '60601', lang: 'en', topics: [] }, 'topics', 'validation'],
      [{ phone: '312-555-1206', zip: '60601', lang: 'fr', topics: ['daca'] }, 'lang', 'validation'],
      [{ email: 'not-an-email', zip: '60601', lang: 'en', topics: ['daca'] }, 'email', 'validation'],
    ];
    for (const [body, field, code] of cases) {
      const res = await signup(body, 'es');
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error, JSON.stringify(body)).toMatchObject({ field, code });
    }
    expect((await signup({ phone: '312-555-1206', zip: '09012', lang: 'en', topics: ['daca'] }, 'ko')).json().error.message).toContain('우편번호');
    expect((await t.anonymous().request({ method: 'POST', url: '/p/alerts', payload: '{not json', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect(await db().select().from(people).where(eq(people.phoneE164, '+13125551206'))).toHaveLength(0);
  });

  it('drops a robot that fills the hidden field', async () => {
    const before = await count();
    const res = await signup({ phone: '312-555-1207', zip: '60601', lang: 'en', topics: ['daca'], website: 'http://spam.example' });
    expect(res.statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect(await outbox('+13125551207')).toHaveLength(0);
  });

  it('slows one contact signed up again and again (each sign-up texts them)', async () => {
    const body = { phone: '312-555-1208', zip: '60601', lang: 'en', topics: ['daca'] };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signup(body)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await db().select().from(alertSignups).where(and(eq(alertSignups.address, '+13125551208')))).toHaveLength(3);
  });
});

describe('retention', () => {
  it('purges sign-ups never confirmed a week after they expired, with the people only they created', async () => {
    const phone = '+13125551299';
    expect((await signup({ phone, zip: '60601', lang: 'es', topics: ['daca'] })).statusCode).toBe(201);
    const [pending] = await signupsOf(phone);
    // A person already known (with a name) who signs up and never confirms keeps their record.
    const known = (await db().select().from(people).where(eq(people.phoneE164, '+13125550101')))[0];
    expect((await signup({ phone: '+13125550101', zip: '60601', lang: 'ko', topics: ['tps'] })).statusCode).toBe(201);
    const later = new Date(Date.now() + (2 + UNCONFIRMED_SIGNUP_DAYS) * 86_400_000);
    const r = await purgeUnconfirmedSignups(t.deps, later);
    expect(r.signups).toBeGreaterThanOrEqual(2);
    expect(await signupsOf(phone)).toHaveLength(0);
    expect(await db().select().from(people).where(eq(people.id, pending.personId))).toHaveLength(0);
    expect(await db().select().from(people).where(eq(people.id, known.id))).toHaveLength(1);
    // Confirmed sign-ups stay.
    expect((await db().select().from(alertSignups).where(and(eq(alertSignups.orgId, t.orgs.a)))).every((s) => s.confirmedAt !== null)).toBe(true);
  });
});

