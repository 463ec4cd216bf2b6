import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { consentEvents, people } from '../people/index.ts';
import { messagingSenders, outboundMessages } from '../messaging/index.ts';
import { alertSubscribers } from './alerts.table.ts';
import { preferencesUrl, signPreferencesToken } from './preferences-link.ts';
import { signUnsubscribeToken } from '../messaging/unsubscribe-token.ts';

/** The preferences page's API, reached by the signed link the alert emails carry. */
let t: TestApp;
let personId: string;
const EMAIL = 'prefs.person@example.org';
const db = () => t.deps.database.db;
const pathOf = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  t = await startTestApp();
  await db().insert(messagingSenders).values({ orgId: t.orgs.a, label: 'A', phoneE164: '+13125550180', isDefault: true });
  [{ id: personId }] = await db().insert(people).values({ orgId: t.orgs.a, givenName: 'Prefs', email: EMAIL, preferredLanguage: 'en', zip: '60601', state: 'IL' }).returning({ id: people.id });
  await db().insert(alertSubscribers).values({ orgId: t.orgs.a, personId, topics: ['daca'], source: 'import' });
  await db().insert(consentEvents).values({ orgId: t.orgs.a, address: EMAIL, personId, channel: 'email', scope: 'affiliate', status: 'opted_in', evidenceKind: 'import', evidence: {} });
});
afterAll(() => t?.close());

describe('preferences by signed link', () => {
  it('shows the preferences (masked address) and saves language, topics and ZIP', async () => {
    const url = preferencesUrl(t.deps, { orgId: t.orgs.a, personId, channel: 'email', address: EMAIL });
    expect(url.startsWith(`${t.deps.config.publicUrl}/p/alerts/preferences/`)).toBe(true);
    const anon = t.anonymous();
    const shown = await anon.get(`${pathOf(url)}/details`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ orgName: 'Affiliate A', channel: 'email', address: 'p•••@example.org', lang: 'en', topics: ['daca'], zip: '60601', subscribed: true });

    const saved = await anon.post(pathOf(url), { lang: 'es', topics: ['tps', 'events'], zip: '10001' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ lang: 'es', topics: ['events', 'tps'], zip: '10001', subscribed: true });
    const [p] = await db().select().from(people).where(eq(people.id, personId));
    expect(p).toMatchObject({ preferredLanguage: 'es', zip: '10001', state: 'NY', version: 2 });
    // Saving records no consent either way.
    expect(await db().select().from(consentEvents).where(eq(consentEvents.address, EMAIL))).toHaveLength(1);
  });

  it('unsubscribes: an opt-out with unsubscribe_link evidence that cancels what is queued; a second time records nothing', async () => {
    const url = preferencesUrl(t.deps, { orgId: t.orgs.a, personId, channel: 'email', address: EMAIL });
    await t.deps.database.db.transaction(async (tx) => {
      const { enqueueMessages } = await import('../messaging/index.ts');
      await enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'email', to: EMAIL, subject: 'Alert', body: 'Policy news', lang: 'en', kind: 'notification', notBefore: new Date(Date.now() + 3_600_000) }] });
    });
    const res = await t.anonymous().post(pathOf(url), { lang: 'es', topics: ['tps'], unsubscribe: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().subscribed).toBe(false);
    const events = await db().select().from(consentEvents).where(eq(consentEvents.address, EMAIL)).orderBy(consentEvents.seq);
    expect(events.at(-1)).toMatchObject({ status: 'opted_out', evidenceKind: 'unsubscribe_link', channel: 'email', scope: 'affiliate', topic: 'all', personId });
    const [queued] = await db().select().from(outboundMessages).where(eq(outboundMessages.toAddress, EMAIL));
    expect(queued).toMatchObject({ status: 'canceled', statusReason: 'opted_out' });
    await t.anonymous().post(pathOf(url), { lang: 'es', topics: ['tps'], unsubscribe: true });
    expect(await db().select().from(consentEvents).where(eq(consentEvents.address, EMAIL))).toHaveLength(events.length);
  });

  it('refuses a forged, edited or other-purpose link with a translated 404, and bad input with 400, writing nothing', async () => {
    const good = signPreferencesToken(t.deps.linkSigningKey, { orgId: t.orgs.a, personId, channel: 'email', address: EMAIL });
    const [payload, sig] = good.split('.');
    const edited = `${Buffer.from(JSON.stringify({ orgId: t.orgs.b, personId, channel: 'email', address: EMAIL, v: 1 })).toString('base64url')}.${sig}`;
    const otherKey = signPreferencesToken(Buffer.alloc(32, 7), { orgId: t.orgs.a, personId, channel: 'email', address: EMAIL });
    // An unsubscribe token for the same address must not open the preferences page.
    const unsubscribe = signUnsubscribeToken(t.deps.linkSigningKey, { orgId: t.orgs.a, address: EMAIL, topic: 'all', lang: 'en' });
    for (const token of [edited, otherKey, unsubscribe, `${payload}.`, 'nonsense']) {
      const res = await t.anonymous().request({ method: 'GET', url: `/p/alerts/preferences/${token}/details`, headers: { 'x-haven-lang': 'ko' } });
      expect(res.statusCode, token).toBe(404);
      expect(res.json().error.code).toBe('preferences_link_invalid');
      expect(res.json().error.message).toContain('링크');
      expect((await t.anonymous().post(`/p/alerts/preferences/${token}`, { lang: 'ko', topics: [] })).statusCode).toBe(404);
    }
    const before = await db().select().from(people).where(eq(people.id, personId));
    for (const [body, field] of [[{ lang: 'fr', topics: [] }, 'lang'], [{ lang: 'ko', topics: ['weather'] }, 'topics.0'], [{ lang: 'ko', topics: [], zip: '09012' }, 'zip']] as const) {
      const res = await t.anonymous().post(`/p/alerts/preferences/${good}`, body);
      expect([res.statusCode, res.json().error.field]).toEqual([400, field]);
    }
    expect(await db().select().from(people).where(eq(people.id, personId))).toEqual(before);
    // A person since deleted: the link leads nowhere.
    const gone = signPreferencesToken(t.deps.linkSigningKey, { orgId: t.orgs.a, personId: '00000000-0000-4000-8000-000000000000', channel: 'sms', address: '+13125550999' });
    expect((await t.anonymous().get(`/p/alerts/preferences/${gone}/details`)).statusCode).toBe(404);
  });
});
