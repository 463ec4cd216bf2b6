import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type TestApp } from '../../../test/harness.ts';
import { simulatedEmails } from '../../integrations/email/email.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('members and roles', () => {
  it('adds a new member with an invitation email in their language; the link sets a password', async () => {
    const admin = await t.as('affiliate_admin');
    const res = await admin.post('/api/v1/org/members', { email: 'New.Helper@A.test', displayName: '새 봉사자', role: 'volunteer', language: 'ko' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.helper@a.test', role: 'volunteer', mfaEnabled: false });
    const [mail] = await t.deps.database.db.select().from(simulatedEmails).where(eq(simulatedEmails.to, 'new.helper@a.test'));
    expect(mail.subject).toMatch(/Haven의 Affiliate A에 추가되었습니다/);
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
    expect((await t.anonymous().post('/api/v1/auth/password-reset/complete', { token, password: 'volunteer passphrase' })).statusCode).toBe(200);
    const signedIn = await t.signIn('new.helper@a.test', 'volunteer passphrase');
    expect(signedIn.session.role).toBe('volunteer');
    const dup = await admin.post('/api/v1/org/members', { email: 'new.helper@a.test', displayName: 'x', role: 'volunteer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('email');
    const badRole = await admin.post('/api/v1/org/members', { email: 'z@a.test', displayName: 'x', role: 'king' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.field).toBe('role');
  });

  it('adds an existing user of another affiliate without a new password', async () => {
    const admin = await t.as('affiliate_admin');
    const res = await admin.post('/api/v1/org/members', { email: emailOf('attorney', 'b'), displayName: 'ignored', role: 'attorney' });
    expect(res.statusCode).toBe(201);
    const c = await t.signIn(emailOf('attorney', 'b'));
    expect(c.session.memberships.map((m: any) => m.orgSlug).sort()).toEqual(['a', 'b']);
  });

  it('keeps at least one administrator', async () => {
    const admin = await t.as('affiliate_admin');
    const members = (await admin.get('/api/v1/org/members')).json().items;
    const netAdmin = members.find((m: any) => m.role === 'network_admin');
    const affAdmin = members.find((m: any) => m.role === 'affiliate_admin');
    expect((await admin.patch(`/api/v1/org/members/${netAdmin.userId}`, { role: 'coordinator' })).statusCode).toBe(200);
    const last = await admin.patch(`/api/v1/org/members/${affAdmin.userId}`, { role: 'volunteer' });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_admin');
    expect((await admin.delete(`/api/v1/org/members/${affAdmin.userId}`)).statusCode).toBe(409);
    // The network administrator role belongs to the network office, not to an affiliate.
    expect((await admin.patch(`/api/v1/org/members/${netAdmin.userId}`, { role: 'network_admin' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/v1/org/members/${netAdmin.userId}`, { role: 'affiliate_admin' })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/org/roles')).json().roles).not.toContain('network_admin');
  });

  it('role rules are data: taking people.read from volunteers takes effect at once, and is audited', async () => {
    const admin = await t.as('affiliate_admin');
    const vol = await t.as('volunteer');
    expect((await vol.get('/api/v1/people')).statusCode).toBe(200);
    const res = await admin.put('/api/v1/org/roles/volunteer', { actions: ['people.write'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().grants.volunteer).toEqual(['people.write']);
    expect((await vol.get('/api/v1/people')).statusCode).toBe(403);
    // Affiliate B's volunteers are untouched.
    expect((await (await t.as('volunteer', 'b')).get('/api/v1/people')).statusCode).toBe(200);
    const audit = (await admin.get('/api/v1/audit?action=role.update')).json().items[0];
    expect(audit.details).toMatchObject({ after: ['people.write'] });
    expect((await admin.put('/api/v1/org/roles/volunteer', { actions: ['people.fly'] })).statusCode).toBe(400);
    expect((await admin.put('/api/v1/org/roles/emperor', { actions: [] })).statusCode).toBe(404);
    await admin.put('/api/v1/org/roles/volunteer', { actions: ['people.read', 'people.write'] });
  });

  it('edits org settings with validation', async () => {
    const admin = await t.as('affiliate_admin');
    const bad = await admin.patch('/api/v1/org/settings', { timeZone: 'Mars/Olympus' }, { 'x-haven-lang': 'es' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'timeZone' });
    expect(bad.json().error.message).toMatch(/zona horaria/);
    const ok = await admin.patch('/api/v1/org/settings', { timeZone: 'America/Chicago', mfaRequiredForSensitive: true, languages: ['ko', 'en'] });
    expect(ok.json()).toMatchObject({ timeZone: 'America/Chicago', mfaRequiredForSensitive: true, languages: ['ko', 'en'] });
    // The admin's own role reads sensitive data: from now on they must enrol before going on.
    expect((await admin.get('/api/v1/auth/session')).json().mfa).toBe('enrol');
    expect((await admin.get('/api/v1/org/settings')).statusCode).toBe(401);
    await t.deps.database.exec(`update organizations set mfa_required_for_sensitive = false where id = '${t.orgs.a}'`);
  });
});
