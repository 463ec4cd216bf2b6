import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { alerts } from './alerts.table.ts';
import { addSubscriber } from './compose.test-helpers.ts';

/**
 * Approval through the real app: the two-person rule enforced by the API (self-approval of a
 * network-wide alert or one over the threshold is refused, under it allowed), approval only
 * with every translation approved, duplicate approvals, wrong roles, the other affiliate's
 * wall, and the threshold setting.
 */
let t: TestApp;
let author: Client; // coordinator of A: writes and may approve
let admin: Client; // affiliate admin of A: the second person
const db = () => t.deps.database.db;

/** A draft in A with English and Spanish, submitted, with both translations approved by `reviewer`. */
async function alertInReview(c: Client, opts: { audience?: Record<string, unknown>; reviewer?: Client; approveTranslations?: boolean } = {}) {
  const created = await c.post('/api/v1/alerts', { title: 'TPS update', topic: 'tps', sourceLang: 'en', version: { smsBody: 'TPS news: renewals are open.' }, audience: opts.audience ?? {} });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await c.put(`/api/v1/alerts/${id}/versions/es`, { smsBody: 'Noticias de TPS: las renovaciones están abiertas.' });
  const submitted = await c.post(`/api/v1/alerts/${id}/submit`, { expectedVersion: 2 });
  expect(submitted.statusCode, submitted.body).toBe(200);
  let version = submitted.json().version as number;
  if (opts.approveTranslations !== false) {
    for (const lang of ['en', 'es']) {
      const r = await (opts.reviewer ?? c).post(`/api/v1/alerts/${id}/versions/${lang}/review`, { status: 'approved', expectedVersion: version });
      expect(r.statusCode, r.body).toBe(200);
      version = r.json().version;
    }
  }
  return { id, version };
}

beforeAll(async () => {
  t = await startTestApp();
  author = await t.as('coordinator', 'a');
  admin = await t.as('affiliate_admin', 'a');
  await addSubscriber(t, 'a', { phone: '773-555-0701', lang: 'es', state: 'IL', zip: '60601' });
  await addSubscriber(t, 'a', { phone: '773-555-0702', lang: 'en', state: 'IL', zip: '60602' });
  await addSubscriber(t, 'a', { phone: '773-555-0703', lang: 'ko', state: 'IL', zip: '60603' });
  await addSubscriber(t, 'b', { phone: '773-555-0711', lang: 'es', state: 'NY' });
  // A threshold of 2: the whole of A's audience (3) is over it, one ZIP (1) is under.
  const set = await admin.put('/api/v1/alerts/settings', { twoPersonThreshold: 2 });
  expect(set.statusCode, set.body).toBe(200);
});
afterAll(() => t?.close());

describe('the two-person threshold setting', () => {
  it('is read and changed by admins only, audited, and refuses nonsense', async () => {
    expect((await admin.get('/api/v1/alerts/settings')).json()).toEqual({ twoPersonThreshold: 2 });
    expect((await author.get('/api/v1/alerts/settings')).statusCode).toBe(403);
    expect((await author.put('/api/v1/alerts/settings', { twoPersonThreshold: 100_000 })).statusCode).toBe(403);
    for (const bad of [-1, 1.5, '10', null]) {
      const res = await admin.put('/api/v1/alerts/settings', { twoPersonThreshold: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().error.field).toBe('twoPersonThreshold');
    }
    // B's setting is B's own: still the default there.
    expect((await (await t.as('affiliate_admin', 'b')).get('/api/v1/alerts/settings')).json()).toEqual({ twoPersonThreshold: 500 });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'alert.settings_update'), eq(auditLog.orgId, t.orgs.a)));
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ twoPersonThreshold: { from: 500, to: 2 } });
  });
});

describe('approving', () => {
  it('refuses self-approval over the threshold, and lets a second person approve once', async () => {
    const { id, version } = await alertInReview(author);
    const view = (await author.get(`/api/v1/alerts/${id}`)).json();
    expect(view.approvalBlockedReason).toBe('two_person_rule');
    expect((await admin.get(`/api/v1/alerts/${id}`)).json().approvalBlockedReason).toBeNull();
    const preview = (await author.post(`/api/v1/alerts/${id}/preview`)).json();
    expect(preview).toMatchObject({ recipients: 3, needsTwoPeople: true });

    const self = await author.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('self_approval');
    expect(self.json().error.message).toContain('2');
    expect((await db().select().from(alerts).where(eq(alerts.id, id)))[0]).toMatchObject({ status: 'in_review', approvedBy: null });

    const [first, second] = await Promise.all([
      admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version }),
      admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const ok = first.statusCode === 200 ? first : second;
    const dup = first.statusCode === 200 ? second : first;
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: { name: 'affiliate_admin a' } });
    expect(dup.json().error.code).toBe('already_approved');
    const again = await author.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: ok.json().version });
    expect(again.json().error.code).toBe('already_approved');
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'alert.approve'), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ recipients: 3, threshold: 2, byAuthor: false, networkWide: false });
  });

  it('counts whoever rewrote an alert as its author: taking it back to draft and editing it does not make you the second person', async () => {
    // The admin writes an alert under the threshold; the coordinator takes it back, widens it to everyone and rewrites it.
    const { id, version } = await alertInReview(admin, { audience: { zips: ['60601'] } });
    const back = await author.post(`/api/v1/alerts/${id}/return-to-draft`, { expectedVersion: version });
    expect(back.statusCode, back.body).toBe(200);
    const widened = await author.patch(`/api/v1/alerts/${id}`, { audience: {}, expectedVersion: back.json().version });
    expect(widened.statusCode, widened.body).toBe(200);
    const rewritten = await author.put(`/api/v1/alerts/${id}/versions/en`, { smsBody: 'TPS news: call us today.' });
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    let v = (await author.post(`/api/v1/alerts/${id}/submit`, { expectedVersion: rewritten.json().version })).json().version as number;
    for (const lang of ['en', 'es']) v = (await author.post(`/api/v1/alerts/${id}/versions/${lang}/review`, { status: 'approved', expectedVersion: v })).json().version;
    const self = await author.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: v });
    expect(self.statusCode, self.body).toBe(403);
    expect(self.json().error.code).toBe('self_approval');
    // The admin wrote it too: also an author now. A third person approves.
    expect((await admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: v })).statusCode).toBe(403);
    const third = await (await t.as('network_admin', 'a')).post(`/api/v1/alerts/${id}/approve`, { expectedVersion: v });
    expect(third.statusCode, third.body).toBe(200);
  });

  it('lets the author approve an alert under the threshold', async () => {
    const { id, version } = await alertInReview(author, { audience: { zips: ['60601'] } });
    expect((await author.get(`/api/v1/alerts/${id}`)).json().approvalBlockedReason).toBeNull();
    const res = await author.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', approvedBy: { name: 'coordinator a' }, approvalBlockedReason: 'not_in_review' });
  });

  it('needs every translation approved, and the version the approver saw', async () => {
    const { id, version } = await alertInReview(author, { approveTranslations: false });
    expect((await admin.get(`/api/v1/alerts/${id}`)).json().approvalBlockedReason).toBe('translations_not_approved');
    const res = await admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'translations_not_approved', field: 'versions' });
    expect(res.json().error.message).toContain('EN, ES');
    const en = await admin.post(`/api/v1/alerts/${id}/versions/en/review`, { status: 'approved', expectedVersion: version });
    const es = await admin.post(`/api/v1/alerts/${id}/versions/es/review`, { status: 'approved', expectedVersion: en.json().version });
    const stale = await admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(stale.json().error.code).toBe('stale_version');
    // A translation taken back after approval blocks it again.
    const back = await admin.post(`/api/v1/alerts/${id}/versions/es/review`, { status: 'needs_review', expectedVersion: es.json().version });
    expect(back.json().versions.find((v: { lang: string }) => v.lang === 'es')).toMatchObject({ status: 'needs_review', reviewedBy: null });
    expect((await admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: back.json().version })).json().error.code).toBe('translations_not_approved');
  });

  it('refuses roles without alerts.approve, and the other affiliate gets 404', async () => {
    const { id, version } = await alertInReview(author);
    const organizer = await t.as('organizer', 'a');
    const refused = await organizer.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const b = await t.as('affiliate_admin', 'b');
    expect((await b.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version })).statusCode).toBe(404);
    expect((await b.post(`/api/v1/alerts/${id}/return-to-draft`, { expectedVersion: version })).statusCode).toBe(404);
    expect((await db().select().from(alerts).where(eq(alerts.id, id)))[0].status).toBe('in_review');
  });

  it('returns an approved alert to draft, clearing the approval', async () => {
    const { id, version } = await alertInReview(author, { audience: { zips: ['60602'] } });
    const approved = await author.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    const back = await author.post(`/api/v1/alerts/${id}/return-to-draft`, { expectedVersion: approved.json().version });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'draft', approvedBy: null, approvedAt: null });
    const draftApprove = await admin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: back.json().version });
    expect(draftApprove.statusCode).toBe(409);
    expect(draftApprove.json().error.code).toBe('alert_wrong_status');
    const twice = await author.post(`/api/v1/alerts/${id}/return-to-draft`, { expectedVersion: back.json().version });
    expect(twice.json().error.code).toBe('alert_wrong_status');
    expect((await author.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: 'one' })).json().error).toMatchObject({ code: 'validation', field: 'expectedVersion' });
  });
});

describe('network-wide alerts', () => {
  it('always need a second person, whatever the threshold', async () => {
    const netAdmin = await t.as('network_admin', 'net');
    const netAuthor = await t.as('coordinator', 'net');
    expect((await netAdmin.put('/api/v1/alerts/settings', { twoPersonThreshold: 100_000 })).statusCode).toBe(200);
    const { id, version } = await alertInReview(netAuthor);
    const preview = (await netAuthor.post(`/api/v1/alerts/${id}/preview`)).json();
    // A's three and B's one: counted across the affiliates, and far under the threshold.
    expect(preview).toMatchObject({ recipients: 4, needsTwoPeople: true });
    expect((await netAuthor.get(`/api/v1/alerts/${id}`)).json().approvalBlockedReason).toBe('two_person_rule');
    const self = await netAuthor.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('self_approval');
    // Naming one affiliate is still the office writing to its affiliates.
    const chosen = await netAuthor.post(`/api/v1/alerts/${id}/preview`, { audience: { orgIds: [t.orgs.b] } });
    expect(chosen.json()).toMatchObject({ recipients: 1, needsTwoPeople: true });
    const ok = await netAdmin.post(`/api/v1/alerts/${id}/approve`, { expectedVersion: version });
    expect(ok.statusCode, ok.body).toBe(200);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'alert.approve'), eq(auditLog.entityId, id)));
    expect(audit[0]).toMatchObject({ orgId: t.orgs.net });
    expect(audit[0].details).toMatchObject({ networkWide: true, recipients: 4 });
    // Affiliates cannot see the office's alert.
    expect((await admin.get(`/api/v1/alerts/${id}`)).statusCode).toBe(404);
  });
});
