import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { simulatedEmails } from '../../integrations/email/email.table.ts';
import { organizations, signinThrottle } from '../organizations/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const totp = (secret: string, stepsAhead = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
const signInRaw = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress: ip, headers: { 'x-haven-lang': 'ko' } });

describe('sign-in and sessions', () => {
  it('sets an httpOnly SameSite cookie and returns the session with its permissions', async () => {
    const res = await signInRaw(emailOf('coordinator', 'a'), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/haven_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.json()).toMatchObject({ mfa: 'ok', role: 'coordinator', currentOrgId: t.orgs.a });
    expect(res.json().permissions).toContain('people.read_sensitive');
  });

  it('answers a wrong password and an unknown email the same way, translated', async () => {
    const wrong = await signInRaw(emailOf('coordinator', 'a'), 'nope');
    const unknown = await signInRaw('nobody@a.test', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.message).toMatch(/비밀번호/);
  });

  it('slows a guesser at one address without locking the real user out from theirs', async () => {
    const email = emailOf('responder', 'a');
    for (let i = 0; i < 5; i++) expect((await signInRaw(email, `guess${i}`, '203.0.113.9')).statusCode).toBe(401);
    const throttled = await signInRaw(email, `guess-more`, '203.0.113.9');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits at the attacker's address…
    expect((await signInRaw(email, TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    // …but the staff member at their own address gets in.
    expect((await signInRaw(email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    const rows = await t.deps.database.db.select().from(signinThrottle);
    expect(rows.some((r) => r.key === `acctip:${email}|203.0.113.9` && r.blockedUntil)).toBe(true);
  });

  it('signs out one session, and everywhere', async () => {
    const one = await t.as('volunteer');
    const two = await t.as('volunteer');
    expect((await one.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    expect((await one.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await two.get('/api/v1/auth/session')).statusCode).toBe(200);
    const three = await t.as('volunteer');
    expect((await three.post('/api/v1/auth/sign-out-everywhere')).statusCode).toBe(200);
    expect((await two.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await three.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('switches between affiliates the user belongs to, and only those', async () => {
    const c = await t.as('organizer');
    const { orgRepo } = await import('../organizations/index.ts');
    const user = await orgRepo.findUserByEmail(t.deps.database.db, emailOf('organizer', 'a'));
    await orgRepo.upsertMembership(t.deps.database.db, user!.id, t.orgs.b, 'coordinator');
    const switched = await c.post('/api/v1/auth/switch-org', { orgId: t.orgs.b });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ currentOrgId: t.orgs.b, role: 'coordinator' });
    expect(switched.json().memberships).toHaveLength(2);
    // Acting in B now: people of B, not A.
    const people = (await c.get('/api/v1/people?q=Kim')).json().items;
    const bAsCoord = (await (await t.as('coordinator', 'b')).get('/api/v1/people?q=Kim')).json().items;
    expect(people.map((p: any) => p.id)).toEqual(bAsCoord.map((p: any) => p.id));
    const net = await c.post('/api/v1/auth/switch-org', { orgId: t.orgs.net });
    expect(net.statusCode).toBe(403);
  });

  it('remembers the language the user chose', async () => {
    const c = await t.as('attorney');
    expect((await c.patch('/api/v1/auth/me', { language: 'ko' })).json().user.language).toBe('ko');
    const res = await c.get('/api/v1/people/00000000-0000-4000-8000-000000000000');
    expect(res.json().error.message).toBe('찾을 수 없습니다.');
  });
});

describe('two-factor', () => {
  it('enrols with a TOTP code, then requires the code at every sign-in; recovery codes work once', async () => {
    const email = emailOf('attorney', 'b');
    const c = await t.signIn(email);
    const start = (await c.post('/api/v1/auth/mfa/enrol/start')).json();
    expect(start.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(start.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await c.post('/api/v1/auth/mfa/enrol/confirm', { code: '000000' })).statusCode).toBe(400);
    const done = await c.post('/api/v1/auth/mfa/enrol/confirm', { code: totp(start.secret) });
    expect(done.statusCode).toBe(200);
    const { recoveryCodes } = done.json();
    expect(recoveryCodes).toHaveLength(10);

    const next = await signInRaw(email, TEST_PASSWORD, '10.1.1.1');
    expect(next.json().mfa).toBe('verify');
    expect(next.json().permissions).toEqual([]);
    const cookie = String(next.headers['set-cookie']).split(';')[0];
    const csrf = next.json().csrfToken;
    const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({ method, url, payload: payload as any, headers: { cookie, 'x-csrf-token': csrf } });
    const blocked = await call('GET', '/api/v1/people');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('mfa_required');
    expect((await call('POST', '/api/v1/auth/mfa/verify', { code: '123456' })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/auth/mfa/verify', { code: recoveryCodes[0] })).json().mfa).toBe('ok');
    expect((await call('GET', '/api/v1/people')).statusCode).toBe(200);

    // A spent recovery code does not work twice.
    const again = await signInRaw(email, TEST_PASSWORD, '10.1.1.2');
    const cookie2 = String(again.headers['set-cookie']).split(';')[0];
    const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', payload: { code: recoveryCodes[0] }, headers: { cookie: cookie2, 'x-csrf-token': again.json().csrfToken } });
    expect(reuse.statusCode).toBe(400);
    // The code used at enrolment cannot be replayed; the next one (clock drift of one step is allowed) works once.
    const verify2 = (code: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', payload: { code }, headers: { cookie: cookie2, 'x-csrf-token': again.json().csrfToken } });
    expect((await verify2(totp(start.secret))).statusCode).toBe(400);
    const nextCode = totp(start.secret, 1);
    expect((await verify2(nextCode)).json().mfa).toBe('ok');
    const third = await signInRaw(email, TEST_PASSWORD, '10.1.1.3');
    const replay = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/mfa/verify', payload: { code: nextCode },
      headers: { cookie: String(third.headers['set-cookie']).split(';')[0], 'x-csrf-token': third.json().csrfToken },
    });
    expect(replay.statusCode).toBe(400);
  });

  it('lets an admin reset a member’s two-factor after a lost phone, ending their sessions', async () => {
    const email = emailOf('attorney', 'b');
    const before = await signInRaw(email, TEST_PASSWORD, '10.1.1.9');
    expect(before.json().mfa).toBe('verify');
    const admin = await t.as('affiliate_admin', 'b');
    const userId = before.json().user.id;
    const reset = await admin.post(`/api/v1/org/members/${userId}/reset-mfa`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
    const stale = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: String(before.headers['set-cookie']).split(';')[0] } });
    expect(stale.statusCode).toBe(401);
    expect((await signInRaw(email, TEST_PASSWORD, '10.1.1.9')).json().mfa).toBe('ok');
    // Another affiliate's admin cannot do it.
    const other = await t.as('affiliate_admin', 'a');
    expect((await other.post(`/api/v1/org/members/${userId}/reset-mfa`)).statusCode).toBe(404);
  });

  it('makes enrolment mandatory where the org requires it for roles that see sensitive data', async () => {
    await t.deps.database.db.update(organizations).set({ mfaRequiredForSensitive: true }).where(eq(organizations.id, t.orgs.b));
    const sensitive = await t.signIn(emailOf('responder', 'b'));
    expect(sensitive.session.mfa).toBe('enrol');
    expect((await sensitive.get('/api/v1/people')).statusCode).toBe(401);
    const plain = await t.signIn(emailOf('volunteer', 'b'));
    expect(plain.session.mfa).toBe('ok');
    expect((await plain.get('/api/v1/people')).statusCode).toBe(200);
    await t.deps.database.db.update(organizations).set({ mfaRequiredForSensitive: false }).where(eq(organizations.id, t.orgs.b));
  });
});

describe('password reset', () => {
  it('emails a one-time link in the user’s language, sets the password and ends old sessions', async () => {
    const email = emailOf('organizer', 'b');
    const old = await t.signIn(email);
    const anon = t.anonymous();
    expect((await anon.post('/api/v1/auth/password-reset/request', { email: 'nobody@b.test' })).statusCode).toBe(200);
    expect((await anon.post('/api/v1/auth/password-reset/request', { email })).statusCode).toBe(200);
    const mails = await t.deps.database.db.select().from(simulatedEmails).where(eq(simulatedEmails.to, email));
    expect(mails).toHaveLength(1);
    expect(await t.deps.database.db.select().from(simulatedEmails).where(eq(simulatedEmails.to, 'nobody@b.test'))).toHaveLength(0);
    const token = new URL(mails[0].text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
    const weak = await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('password');
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'a brand new passphrase' })).statusCode).toBe(200);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'another new passphrase' })).statusCode).toBe(400);
    expect((await old.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await signInRaw(email, TEST_PASSWORD, '10.2.2.2')).statusCode).toBe(401);
    expect((await signInRaw(email, 'a brand new passphrase', '10.2.2.2')).statusCode).toBe(200);
  });
});
