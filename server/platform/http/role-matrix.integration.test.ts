import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../app.ts';
import { emailOf, startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { DEFAULT_ROLE_ACTIONS, type Role, ROLES } from '../authz/actions.ts';
import type { Policy } from './route.ts';
import { orgRepo } from '../../modules/organizations/index.ts';
import { callbackTasks, conversations, conversationTransfers } from '../../modules/hotline/hotline.table.ts';
import { cases, caseTasks, dacaRecords } from '../../modules/cases/index.ts';
import { providers, referrals } from '../../modules/legal-network/index.ts';
import { DEFAULT_SCREENING_FIELDS } from '../../modules/cases/screening-form-defaults.ts';
import { alertImports, alerts, alertVersions } from '../../modules/alerts/index.ts';
import { consentEvents } from '../../modules/people/index.ts';

/**
 * Every route × every role × (own affiliate, another affiliate). A route without a
 * fixture here fails the test, so new routes cannot skip the matrix.
 *
 * Own affiliate: allowed roles get a success status; others get 403 (or 404 where the
 * route hides refusals). Another affiliate: the same request, made by a member of
 * affiliate B about affiliate A's records, never succeeds on them and never shows their ids.
 */
interface Fixture {
  url: string;
  body?: unknown;
  /** Success statuses for an allowed caller (default [200]). */
  ok?: number[];
  /** The URL names a record of affiliate A (so affiliate B must get 404). */
  aRecord?: boolean;
  /** The network directory: lists every affiliate by design. */
  directory?: boolean;
}

let t: TestApp;
let personA: string;
let admin: Client;

const freshMember = async () => {
  const email = `m${Math.random().toString(36).slice(2, 10)}@a.test`;
  const res = await admin.post('/api/v1/org/members', { email, displayName: 'Temp', role: 'volunteer' });
  return res.json().userId as string;
};
// A number belongs to one org in all of Haven: every sender the matrix creates gets its own.
let phoneSeq = 2000;
const nextPhone = () => `(773) 555-${phoneSeq++}`;
const freshSender = async () => (await admin.post('/api/v1/messaging/senders', { label: 'Tmp', phone: nextPhone() })).json().id as string;
const freshCallback = async () =>
  (await t.deps.database.db.insert(callbackTasks).values({ orgId: t.orgs.a, phoneE164: '+17735550199', lang: 'es', reason: 'voicemail' }).returning())[0].id;
const freshCase = async () =>
  (await t.deps.database.db.insert(cases).values({ orgId: t.orgs.a, personId: personA, type: 'daca_renewal', lang: 'ko' }).returning())[0].id;
const freshCaseTask = async () => {
  const caseId = await freshCase();
  const [task] = await t.deps.database.db.insert(caseTasks).values({ orgId: t.orgs.a, caseId, title: 'Call back' }).returning();
  return `/api/v1/cases/${caseId}/tasks/${task.id}/done`;
};
// A case of A whose person has a DACA expiry 100 days out, so that filing it today is in its cycle.
const freshDacaCase = async () => {
  const caseId = await freshCase();
  const expiresOn = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
  await t.deps.database.db.insert(dacaRecords).values({ orgId: t.orgs.a, personId: personA, caseId, expiresOn }).onConflictDoUpdate({ target: [dacaRecords.orgId, dacaRecords.personId], set: { expiresOn, filedOn: null } });
  return caseId;
};
// The attorney of affiliate A, to hand a clinic case to for review.
const attorneyOfA = async () => (await orgRepo.findUserByEmail(t.deps.database.db, emailOf('attorney', 'a')))!.id;
const matrixDacaReference = {
  reminderDaysBefore: [180, 150, 120],
  filingWindow: { opensDaysBefore: 150, closesDaysBefore: 120 },
  uscisNoticeDaysBefore: 180,
  initialAfterExpiredDays: 365,
  fees: { i821d: 85, i765Paper: 520, i765Online: 470, currency: 'USD', effectiveFrom: '2024-04-01' },
  checkedOn: '2025-11-15',
  sources: ['https://www.uscis.gov/DACA'],
  sourceNote: 'Role matrix',
};
// Case documents: a one-pixel PNG (its bytes decide its type) attached by the fixture maker to a fresh case of A.
const MATRIX_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a1b60000000049454e44ae426082', 'hex');
const freshDocument = async () => {
  const caseId = await freshCase();
  const res = await admin.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?name=scan.png`, payload: MATRIX_PNG, headers: { 'content-type': 'image/png' } });
  return `/api/v1/cases/${caseId}/documents/${res.json().id}`;
};
const freshToken = async () => (await admin.post('/api/v1/org/api-tokens', { name: 'tmp', scopes: ['people.read'] })).json().id as string;
// The simulator: one Haven number of affiliate A to call, and calls waiting on a Gather (the language menu) or a Record.
let simHavenPhone: string | null = null;
const simHaven = async () => {
  if (!simHavenPhone) {
    const phone = nextPhone();
    await admin.post('/api/v1/messaging/senders', { label: 'Simulator', phone });
    simHavenPhone = `+1${phone.replace(/\D/g, '')}`;
  }
  return simHavenPhone;
};
const simCall = async (digits?: string) => {
  const sid = (await admin.post('/api/v1/simulator/calls', { from: '+13125550160', to: await simHaven() })).json().sid as string;
  if (digits) await admin.post(`/api/v1/simulator/calls/${sid}/digits`, { digits });
  return sid;
};
const simEmail = async () => (await t.deps.email.send({ to: 'fixtures@a.test', subject: 'Matrix', text: 'matrix' })).id.replace(/^sim-/, '');

// Hotline shifts: every role user of A and the fixture maker get a responder profile (once), so the "me" routes have one.
let hotlineProfiles: Promise<string> | null = null;
const hotlineResponder = () =>
  (hotlineProfiles ??= (async () => {
    const db = t.deps.database.db;
    for (const email of [...ROLES.map((r) => emailOf(r, 'a')), 'fixtures@a.test']) {
      const user = await orgRepo.findUserByEmail(db, email);
      await admin.put(`/api/v1/hotline/responders/${user!.id}`, { languages: ['en'] });
    }
    return (await orgRepo.findUserByEmail(db, 'fixtures@a.test'))!.id;
  })());
const freshShift = async () =>
  (await admin.post('/api/v1/hotline/shifts', { userId: await hotlineResponder(), weekdays: [1], startTime: '09:00', endTime: '17:00', startsOn: '2026-01-01' })).json().id as string;
const freshOverride = async () =>
  (await admin.post('/api/v1/hotline/shift-overrides', { userId: await hotlineResponder(), kind: 'off', startsAt: '2026-03-01T15:00:00Z', endsAt: '2026-03-01T16:00:00Z' })).json().id as string;
const freshResponder = async () => {
  const userId = await freshMember();
  await admin.put(`/api/v1/hotline/responders/${userId}`, { languages: ['es'] });
  return userId;
};
const hotlineWindow = { startsAt: '2026-03-02T15:00:00Z', endsAt: '2026-03-02T16:00:00Z' };

// Hotline conversations of A, one per fixture (a number has one open conversation at a time); replies need a sender of A.
let conversationSeq = 1000;
let conversationSender: Promise<string> | null = null;
const freshConversation = async (status: 'open' | 'closed' = 'open') => {
  await (conversationSender ??= freshSender());
  const [c] = await t.deps.database.db
    .insert(conversations)
    .values({ orgId: t.orgs.a, contactAddress: `+1773556${conversationSeq++}`, channel: 'sms', lang: 'en', status, closedAt: status === 'closed' ? new Date() : null })
    .returning({ id: conversations.id });
  return c.id;
};
// An offer from affiliate B to A (B's conversation): A's responders may take it, give it back or read it once taken.
let transferSeq = 1000;
const freshIncomingTransfer = async () => {
  const db = t.deps.database.db;
  const [c] = await db.insert(conversations).values({ orgId: t.orgs.b, contactAddress: `+1703556${transferSeq++}`, channel: 'sms', lang: 'ko' }).returning({ id: conversations.id });
  const [x] = await db.insert(conversationTransfers).values({ orgId: t.orgs.b, conversationId: c.id, toOrgId: t.orgs.a }).returning({ id: conversationTransfers.id });
  return x.id;
};
const freshCanned = async () =>
  (await admin.post('/api/v1/hotline/canned-responses', { title: 'Matrix', bodies: { ko: '안녕하세요', en: 'Hello', es: 'Hola' } })).json().id as string;

// The directory: entries kept by A (the fixture maker is A's admin), a new name each time (one entry per name and email).
const providerBody = () => ({ kind: 'attorney', name: `Matrix ${Math.random().toString(36).slice(2, 10)}`, languages: ['ko', 'en'], practiceAreas: ['daca_renewal'], states: ['IL'], proBonoPerMonth: 1 });
const freshProvider = async () => (await admin.post('/api/v1/directory/providers', providerBody())).json().id as string;

// Referrals: one provider of the network (no portal user), a referral of a fresh case of A to it.
let referralProvider: Promise<string> | null = null;
const matrixProvider = () =>
  (referralProvider ??= (async () =>
    (await t.deps.database.db.insert(providers).values({ orgId: t.orgs.net, kind: 'attorney', name: 'Matrix Referrals', languages: ['ko'], practiceAreas: ['daca_renewal'], states: ['IL'] }).returning())[0].id)());
const freshReferral = async () => {
  const caseId = await freshCase();
  const [r] = await t.deps.database.db.insert(referrals).values({ orgId: t.orgs.a, caseId, providerId: await matrixProvider() }).returning();
  return { caseId, id: r.id };
};

// Alerts of A written by the fixture maker (so any role that approves is a second person), in the status a route needs,
// with an English text reviewed as asked; A's Kim opted in to texts once, so the audience reaches somebody.
let alertAudience: Promise<unknown> | null = null;
const freshAlert = async (status: 'draft' | 'in_review' = 'draft', textStatus: 'draft' | 'approved' = 'draft') => {
  const db = t.deps.database.db;
  await (alertAudience ??= db.insert(consentEvents).values({ orgId: t.orgs.a, address: '+13125550101', channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'staff', evidence: { matrix: true } }));
  const maker = (await orgRepo.findUserByEmail(db, 'fixtures@a.test'))!.id;
  const [a] = await db.insert(alerts).values({ orgId: t.orgs.a, title: 'Matrix alert', topic: 'daca', sourceLang: 'en', status, audience: { orgIds: [], states: [], zips: [], counties: [], langs: [], topics: [], tags: [], channels: ['sms'], alsoSourceLang: false }, createdBy: maker }).returning();
  await db.insert(alertVersions).values({ alertId: a.id, orgId: t.orgs.a, lang: 'en', smsBody: 'DACA renewals remain open.', status: textStatus });
  return a.id;
};

// An approved (or further along) alert of A, for the sending routes: their state checks come after the wall and the role.
const alertIn = async (status: 'approved' | 'sending' | 'paused' | 'sent' | 'draft') => {
  const db = t.deps.database.db;
  const [a] = await db.insert(alerts).values({ orgId: t.orgs.a, title: 'Matrix send', topic: 'daca', sourceLang: 'en', status, audience: { orgIds: [], states: [], zips: [], counties: [], langs: [], topics: [], tags: [], channels: ['sms'], alsoSourceLang: false } }).returning();
  await db.insert(alertVersions).values({ alertId: a.id, orgId: t.orgs.a, lang: 'en', smsBody: 'DACA renewals remain open.', status: 'approved' });
  return a.id;
};

// A previewed subscriber import of A with one row (its phone unique to the matrix).
let alertImportSeq = 1000;
const freshAlertImport = async () => {
  const db = t.deps.database.db;
  const rows = [{ line: 2, name: 'Matrix', phone: `+1773557${alertImportSeq++}`, email: null, lang: 'en', zip: '60601', topics: ['daca'], tags: [] }];
  const [imp] = await db.insert(alertImports).values({ orgId: t.orgs.a, attestation: 'Signed our paper form at the matrix clinic.', encoding: 'utf-8', rowsEnc: await t.deps.keyring.encrypt(db, t.orgs.a, JSON.stringify(rows)), rowCount: 1 }).returning();
  return imp.id;
};
const FIXTURES: Record<string, () => Promise<Fixture>> = {
  'GET /api/v1/auth/session': async () => ({ url: '/api/v1/auth/session' }),
  'POST /api/v1/auth/sign-out': async () => ({ url: '/api/v1/auth/sign-out' }),
  'POST /api/v1/auth/sign-out-everywhere': async () => ({ url: '/api/v1/auth/sign-out-everywhere' }),
  'POST /api/v1/auth/mfa/verify': async () => ({ url: '/api/v1/auth/mfa/verify', body: { code: '000000' }, ok: [409] }),
  'POST /api/v1/auth/mfa/enrol/start': async () => ({ url: '/api/v1/auth/mfa/enrol/start' }),
  'POST /api/v1/auth/mfa/enrol/confirm': async () => ({ url: '/api/v1/auth/mfa/enrol/confirm', body: { code: '000000' }, ok: [400, 409] }),
  'POST /api/v1/auth/switch-org': async () => ({ url: '/api/v1/auth/switch-org', body: { orgId: t.orgs.a }, ok: [200, 403] }),
  'PATCH /api/v1/auth/me': async () => ({ url: '/api/v1/auth/me', body: { language: 'es' } }),
  'GET /api/v1/org/api-tokens': async () => ({ url: '/api/v1/org/api-tokens' }),
  'POST /api/v1/org/api-tokens': async () => ({ url: '/api/v1/org/api-tokens', body: { name: 'x', scopes: ['people.read'] }, ok: [201] }),
  'DELETE /api/v1/org/api-tokens/:id': async () => ({ url: `/api/v1/org/api-tokens/${await freshToken()}`, aRecord: true }),
  'GET /api/v1/org/settings': async () => ({ url: '/api/v1/org/settings' }),
  'PATCH /api/v1/org/settings': async () => ({ url: '/api/v1/org/settings', body: { timeZone: 'America/Chicago' } }),
  'GET /api/v1/org/members': async () => ({ url: '/api/v1/org/members' }),
  'POST /api/v1/org/members': async () => ({
    url: '/api/v1/org/members',
    body: { email: `n${Math.random().toString(36).slice(2, 10)}@a.test`, displayName: 'New', role: 'volunteer' },
    ok: [201],
  }),
  'PATCH /api/v1/org/members/:userId': async () => ({ url: `/api/v1/org/members/${await freshMember()}`, body: { role: 'organizer' }, aRecord: true }),
  'DELETE /api/v1/org/members/:userId': async () => ({ url: `/api/v1/org/members/${await freshMember()}`, aRecord: true }),
  'POST /api/v1/org/members/:userId/reset-mfa': async () => ({ url: `/api/v1/org/members/${await freshMember()}/reset-mfa`, aRecord: true }),
  'GET /api/v1/org/roles': async () => ({ url: '/api/v1/org/roles' }),
  // Sets the verifier's defaults again: a narrower set would change what the verifier rows below may do.
  'PUT /api/v1/org/roles/:role': async () => ({ url: '/api/v1/org/roles/verifier', body: { actions: DEFAULT_ROLE_ACTIONS.verifier } }),
  'GET /api/v1/network/affiliates': async () => ({ url: '/api/v1/network/affiliates', directory: true }),
  'GET /api/v1/people': async () => ({ url: '/api/v1/people?q=Kim' }),
  'POST /api/v1/people': async () => ({ url: '/api/v1/people', body: { givenName: 'Matrix', preferredLanguage: 'en' }, ok: [201] }),
  'GET /api/v1/people/:id': async () => ({ url: `/api/v1/people/${personA}`, aRecord: true }),
  'PATCH /api/v1/people/:id': async () => {
    const p = (await admin.get(`/api/v1/people/${personA}`)).json();
    return { url: `/api/v1/people/${personA}`, body: { version: p.version, otherNames: 'matrix' }, aRecord: true };
  },
  'POST /api/v1/people/:id/merge': async () => {
    const keep = (await admin.post('/api/v1/people', { givenName: 'Keep', preferredLanguage: 'en' })).json().id;
    const dup = (await admin.post('/api/v1/people', { givenName: 'Dup', preferredLanguage: 'en' })).json().id;
    return { url: `/api/v1/people/${keep}/merge`, body: { duplicateId: dup }, aRecord: true };
  },
  'GET /api/v1/people/:id/consents': async () => ({ url: `/api/v1/people/${personA}/consents`, aRecord: true }),
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit' }),
  'GET /api/v1/messaging/account': async () => ({ url: '/api/v1/messaging/account' }),
  'PUT /api/v1/messaging/account': async () => {
    const { version } = (await admin.get('/api/v1/messaging/account')).json();
    return { url: '/api/v1/messaging/account', body: { provider: 'simulator', version } };
  },
  'GET /api/v1/messaging/senders': async () => ({ url: '/api/v1/messaging/senders' }),
  'POST /api/v1/messaging/senders': async () => ({ url: '/api/v1/messaging/senders', body: { label: 'Matrix', phone: nextPhone() }, ok: [201] }),
  'PATCH /api/v1/messaging/senders/:id': async () => ({ url: `/api/v1/messaging/senders/${await freshSender()}`, body: { label: 'matrix' }, aRecord: true }),
  'DELETE /api/v1/messaging/senders/:id': async () => ({ url: `/api/v1/messaging/senders/${await freshSender()}`, aRecord: true }),
  'GET /api/v1/messaging/queue': async () => ({ url: '/api/v1/messaging/queue' }),
  'POST /api/v1/messaging/estimate': async () => ({ url: '/api/v1/messaging/estimate', body: { body: 'Hello', recipients: 10 } }),
  'GET /api/v1/people/:id/messages': async () => ({ url: `/api/v1/people/${personA}/messages`, aRecord: true }),
  'GET /api/v1/simulator/numbers': async () => ({ url: '/api/v1/simulator/numbers' }),
  'GET /api/v1/simulator/phones/:phone/messages': async () => ({ url: '/api/v1/simulator/phones/%2B13125550160/messages' }),
  'POST /api/v1/simulator/sms': async () => ({ url: '/api/v1/simulator/sms', body: { from: '+13125550160', to: await simHaven(), body: 'hello' }, ok: [201] }),
  'GET /api/v1/simulator/failures': async () => ({ url: '/api/v1/simulator/failures' }),
  'PUT /api/v1/simulator/failures': async () => ({ url: '/api/v1/simulator/failures', body: { phone: '+13125550161', code: 30007 } }),
  'DELETE /api/v1/simulator/failures/:phone': async () => ({ url: '/api/v1/simulator/failures/%2B13125550161' }),
  'POST /api/v1/simulator/calls': async () => ({ url: '/api/v1/simulator/calls', body: { from: '+13125550160', to: await simHaven() }, ok: [201] }),
  'GET /api/v1/simulator/calls/:sid': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}` }),
  'POST /api/v1/simulator/calls/:sid/digits': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}/digits`, body: { digits: '2' } }),
  'POST /api/v1/simulator/calls/:sid/recording': async () => ({ url: `/api/v1/simulator/calls/${await simCall('2')}/recording`, body: { text: 'Please call me back' } }),
  'POST /api/v1/simulator/calls/:sid/silence': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}/silence` }),
  'POST /api/v1/simulator/calls/:sid/hangup': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}/hangup` }),
  // A call not being rung: an allowed role gets past the policy to the 409 "not waiting on a Dial".
  'POST /api/v1/simulator/calls/:sid/answer': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}/answer`, ok: [409] }),
  'POST /api/v1/simulator/calls/:sid/reject': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}/reject`, ok: [409] }),
  'POST /api/v1/simulator/calls/:sid/ring-out': async () => ({ url: `/api/v1/simulator/calls/${await simCall()}/ring-out`, ok: [409] }),
  'GET /api/v1/simulator/phones/:phone/calls': async () => ({ url: '/api/v1/simulator/phones/%2B13125550160/calls' }),
  'GET /api/v1/hotline/settings': async () => ({ url: '/api/v1/hotline/settings' }),
  'PATCH /api/v1/hotline/settings': async () => ({ url: '/api/v1/hotline/settings', body: { ringSeconds: 25 } }),
  'GET /api/v1/hotline/callbacks': async () => ({ url: '/api/v1/hotline/callbacks' }),
  'POST /api/v1/hotline/callbacks/:id/claim': async () => ({ url: `/api/v1/hotline/callbacks/${await freshCallback()}/claim`, aRecord: true }),
  'POST /api/v1/hotline/callbacks/:id/done': async () => ({ url: `/api/v1/hotline/callbacks/${await freshCallback()}/done`, body: { outcome: 'reached' }, aRecord: true }),
  'GET /api/v1/hotline/reports': async () => ({ url: '/api/v1/hotline/reports?from=2026-11-01&to=2026-11-21' }),
  'POST /api/v1/hotline/call-in': async () => ({ url: '/api/v1/hotline/call-in', body: { languages: ['ko'] } }),
  'GET /api/v1/simulator/emails': async () => ({ url: '/api/v1/simulator/emails' }),
  // Addressed to an admin of A: other roles get 404 by the own-mail rule (simulator.integration.test.ts checks who sees what).
  'GET /api/v1/simulator/emails/:id': async () => ({ url: `/api/v1/simulator/emails/${await simEmail()}`, ok: [200, 404] }),
  // An event stream never ends, so the matrix asks without Accept: text/event-stream and an allowed caller gets 406 (realtime.integration.test.ts streams it for real).
  'GET /api/v1/hotline/stream': async () => ({ url: '/api/v1/hotline/stream', ok: [406] }),
  'GET /api/v1/hotline/responders': async () => ({ url: '/api/v1/hotline/responders' }),
  'PUT /api/v1/hotline/responders/me': async () => ({ url: '/api/v1/hotline/responders/me', body: { languages: ['en', 'ko'] } }),
  'PUT /api/v1/hotline/responders/:userId': async () => ({ url: `/api/v1/hotline/responders/${await freshMember()}`, body: { languages: ['ko'], phone: '+13125550199' }, aRecord: true }),
  'DELETE /api/v1/hotline/responders/:userId': async () => ({ url: `/api/v1/hotline/responders/${await freshResponder()}`, aRecord: true }),
  'POST /api/v1/hotline/responders/me/calendar-link': async () => (await hotlineResponder(), { url: '/api/v1/hotline/responders/me/calendar-link' }),
  'DELETE /api/v1/hotline/responders/me/calendar-link': async () => (await hotlineResponder(), { url: '/api/v1/hotline/responders/me/calendar-link' }),
  'POST /api/v1/hotline/responders/me/time-off': async () => (await hotlineResponder(), { url: '/api/v1/hotline/responders/me/time-off', body: hotlineWindow, ok: [201] }),
  // Time off belonging to the fixture maker: for any other caller it is not there (their own is tested in shifts.integration.test.ts).
  'DELETE /api/v1/hotline/responders/me/time-off/:id': async () => ({ url: `/api/v1/hotline/responders/me/time-off/${await freshOverride()}`, ok: [404], aRecord: true }),
  'GET /api/v1/hotline/shifts': async () => ({ url: '/api/v1/hotline/shifts' }),
  'POST /api/v1/hotline/shifts': async () => ({
    url: '/api/v1/hotline/shifts',
    body: { userId: await hotlineResponder(), weekdays: [2, 4], startTime: '22:00', endTime: '06:00', startsOn: '2026-01-01' },
    ok: [201],
  }),
  'PATCH /api/v1/hotline/shifts/:id': async () => ({ url: `/api/v1/hotline/shifts/${await freshShift()}`, body: { role: 'backup' }, aRecord: true }),
  'DELETE /api/v1/hotline/shifts/:id': async () => ({ url: `/api/v1/hotline/shifts/${await freshShift()}`, aRecord: true }),
  'POST /api/v1/hotline/shift-overrides': async () => ({ url: '/api/v1/hotline/shift-overrides', body: { userId: await hotlineResponder(), kind: 'on', role: 'backup', ...hotlineWindow }, ok: [201] }),
  'DELETE /api/v1/hotline/shift-overrides/:id': async () => ({ url: `/api/v1/hotline/shift-overrides/${await freshOverride()}`, aRecord: true }),
  'GET /api/v1/hotline/on-call': async () => ({ url: '/api/v1/hotline/on-call' }),
  'GET /api/v1/hotline/conversations': async () => ({ url: '/api/v1/hotline/conversations?assigned=any' }),
  'GET /api/v1/hotline/conversations/:id': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}`, aRecord: true }),
  'POST /api/v1/hotline/conversations/:id/replies': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}/replies`, body: { body: 'Matrix reply' }, ok: [201], aRecord: true }),
  'POST /api/v1/hotline/conversations/:id/notes': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}/notes`, body: { body: 'Matrix note' }, ok: [201], aRecord: true }),
  'PATCH /api/v1/hotline/conversations/:id': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}`, body: { urgency: 'urgent', tags: ['matrix'] }, aRecord: true }),
  // Unassigning an unassigned conversation: allowed to every role that answers (taking or moving is tested in inbox.integration.test.ts).
  'POST /api/v1/hotline/conversations/:id/assign': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}/assign`, body: { userId: null }, aRecord: true }),
  'POST /api/v1/hotline/conversations/:id/close': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}/close`, body: { disposition: 'answered' }, aRecord: true }),
  'POST /api/v1/hotline/conversations/:id/transfer': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation()}/transfer`, body: { toOrgId: t.orgs.b }, ok: [201], aRecord: true }),
  // Offers name both affiliates by design (the directory of the network): the receiving side must know who asks.
  'GET /api/v1/hotline/transfers': async () => ({ url: '/api/v1/hotline/transfers', directory: true }),
  'POST /api/v1/hotline/transfers/:id/take': async () => ({ url: `/api/v1/hotline/transfers/${await freshIncomingTransfer()}/take`, aRecord: true }),
  // Declining an offer made to A; for B (who made it) withdrawing its own offer is allowed to its coordinators.
  'POST /api/v1/hotline/transfers/:id/end': async () => ({ url: `/api/v1/hotline/transfers/${await freshIncomingTransfer()}/end`, directory: true }),
  // Only the responder who took the offer reads and answers as a guest: for anyone else it is not there.
  'GET /api/v1/hotline/transfers/:id/conversation': async () => ({ url: `/api/v1/hotline/transfers/${await freshIncomingTransfer()}/conversation`, ok: [404], aRecord: true }),
  'GET /api/v1/cases': async () => ({ url: '/api/v1/cases' }),
  'GET /api/v1/cases/reports': async () => ({ url: '/api/v1/cases/reports' }),
  'GET /api/v1/cases/reports.csv': async () => ({ url: '/api/v1/cases/reports.csv' }),
  'POST /api/v1/cases': async () => ({ url: '/api/v1/cases', body: { personId: personA, type: 'tps' }, ok: [201], aRecord: true }),
  'GET /api/v1/cases/:id': async () => ({ url: `/api/v1/cases/${await freshCase()}`, aRecord: true }),
  'POST /api/v1/cases/:id/status': async () => ({ url: `/api/v1/cases/${await freshCase()}/status`, body: { status: 'screening', version: 1 }, aRecord: true }),
  'POST /api/v1/cases/:id/notes': async () => ({ url: `/api/v1/cases/${await freshCase()}/notes`, body: { kind: 'information', body: 'Called back; renewal packet sent.' }, ok: [201], aRecord: true }),
  'POST /api/v1/cases/:id/tasks': async () => ({ url: `/api/v1/cases/${await freshCase()}/tasks`, body: { title: 'Collect EAD copy', dueOn: '2030-01-15' }, ok: [201], aRecord: true }),
  'POST /api/v1/cases/:id/tasks/:taskId/done': async () => ({ url: await freshCaseTask(), aRecord: true }),
  'POST /api/v1/cases/:id/documents': async () => ({ url: `/api/v1/cases/${await freshCase()}/documents?name=scan.png`, body: MATRIX_PNG, ok: [201], aRecord: true }),
  'GET /api/v1/cases/:id/documents': async () => ({ url: `/api/v1/cases/${await freshCase()}/documents`, aRecord: true }),
  'GET /api/v1/cases/:id/documents/:docId': async () => ({ url: await freshDocument(), aRecord: true }),
  'DELETE /api/v1/cases/:id/documents/:docId': async () => ({ url: await freshDocument(), aRecord: true }),
  'PUT /api/v1/cases/:id/daca': async () => ({ url: `/api/v1/cases/${await freshCase()}/daca`, body: { expiresOn: '2027-09-01', lastApprovedOn: '2025-08-20' }, aRecord: true }),
  'GET /api/v1/daca/renewals': async () => ({ url: '/api/v1/daca/renewals?withinDays=365' }),
  'GET /api/v1/daca/renewals.csv': async () => ({ url: '/api/v1/daca/renewals.csv?withinDays=365' }),
  'POST /api/v1/daca/clinic/check-in': async () => ({ url: '/api/v1/daca/clinic/check-in', body: { personId: personA }, aRecord: true }),
  'POST /api/v1/cases/:id/daca/filed': async () => ({ url: `/api/v1/cases/${await freshDacaCase()}/daca/filed`, body: { filedOn: new Date().toISOString().slice(0, 10) }, aRecord: true }),
  'GET /api/v1/daca/clinic/day': async () => ({ url: '/api/v1/daca/clinic/day' }),
  'POST /api/v1/cases/:id/daca/review': async () => ({ url: `/api/v1/cases/${await freshCase()}/daca/review`, body: { attorneyId: await attorneyOfA() }, aRecord: true }),
  // The reference data is the network's: every affiliate reads it; only the network office changes it
  // (the matrix's users are all in affiliates, so even their admins get 403; daca-reference.integration.test.ts has the network side).
  'GET /api/v1/daca/reference': async () => ({ url: '/api/v1/daca/reference' }),
  'PUT /api/v1/daca/reference': async () => ({ url: '/api/v1/daca/reference', body: { ...matrixDacaReference, version: 0 }, ok: [403] }),
  'GET /api/v1/cases/settings': async () => ({ url: '/api/v1/cases/settings' }),
  'PATCH /api/v1/cases/settings': async () => ({ url: '/api/v1/cases/settings', body: { closedCaseRetentionDays: 365 } }),
  'GET /api/v1/cases/screening-forms/:type': async () => ({ url: '/api/v1/cases/screening-forms/daca_renewal' }),
  // 'other', so that the DACA form the screening row below answers stays the shipped version 1.
  'PUT /api/v1/cases/screening-forms/:type': async () => ({ url: '/api/v1/cases/screening-forms/other', body: { definition: { fields: DEFAULT_SCREENING_FIELDS.other } } }),
  'GET /api/v1/cases/:id/screening': async () => ({ url: `/api/v1/cases/${await freshCase()}/screening`, aRecord: true }),
  'PUT /api/v1/cases/:id/screening': async () => ({
    url: `/api/v1/cases/${await freshCase()}/screening`,
    body: { formVersion: 1, answers: { eadExpiresOn: '2030-09-01', traveledSinceApproval: false, arrestedSinceApproval: false, convictedSinceApproval: false } },
    aRecord: true,
  }),
  'GET /api/v1/hotline/transfers/:id/stream': async () => ({ url: `/api/v1/hotline/transfers/${await freshIncomingTransfer()}/stream`, ok: [404], aRecord: true }),
  'POST /api/v1/hotline/transfers/:id/replies': async () => ({ url: `/api/v1/hotline/transfers/${await freshIncomingTransfer()}/replies`, body: { body: 'hi' }, ok: [404], aRecord: true }),
  'POST /api/v1/hotline/transfers/:id/notes': async () => ({ url: `/api/v1/hotline/transfers/${await freshIncomingTransfer()}/notes`, body: { body: 'hi' }, ok: [404], aRecord: true }),
  'POST /api/v1/hotline/conversations/:id/reopen': async () => ({ url: `/api/v1/hotline/conversations/${await freshConversation('closed')}/reopen`, aRecord: true }),
  'GET /api/v1/hotline/canned-responses': async () => ({ url: '/api/v1/hotline/canned-responses' }),
  'POST /api/v1/hotline/canned-responses': async () => ({ url: '/api/v1/hotline/canned-responses', body: { title: 'Matrix', bodies: { ko: '네', en: 'Yes', es: 'Sí' } }, ok: [201] }),
  'PATCH /api/v1/hotline/canned-responses/:id': async () => ({ url: `/api/v1/hotline/canned-responses/${await freshCanned()}`, body: { title: 'Matrix 2' }, aRecord: true }),
  'DELETE /api/v1/hotline/canned-responses/:id': async () => ({ url: `/api/v1/hotline/canned-responses/${await freshCanned()}`, aRecord: true }),
  'GET /api/v1/cases/:id/referrals': async () => ({ url: `/api/v1/cases/${(await freshReferral()).caseId}/referrals`, aRecord: true }),
  'GET /api/v1/cases/:id/referrals/suggestions': async () => ({ url: `/api/v1/cases/${await freshCase()}/referrals/suggestions`, aRecord: true }),
  'POST /api/v1/cases/:id/referrals': async () => ({ url: `/api/v1/cases/${await freshCase()}/referrals`, body: { providerId: await matrixProvider() }, ok: [201], aRecord: true }),
  'POST /api/v1/cases/:id/referrals/:referralId/withdraw': async () => {
    const r = await freshReferral();
    return { url: `/api/v1/cases/${r.caseId}/referrals/${r.id}/withdraw`, body: {}, aRecord: true };
  },
  // The attorney portal answers only the provider a referral was made to (referrals.integration.test.ts): staff of any affiliate get 404.
  'GET /api/v1/portal/referrals': async () => ({ url: '/api/v1/portal/referrals', ok: [404] }),
  'GET /api/v1/portal/referrals/:id': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}`, ok: [404], aRecord: true }),
  'GET /api/v1/portal/referrals/:id/header': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/header`, ok: [404], aRecord: true }),
  'GET /api/v1/portal/referrals/:id/conflicts': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/conflicts`, ok: [404], aRecord: true }),
  'POST /api/v1/portal/referrals/:id/conflict': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/conflict`, body: { noConflict: true }, ok: [404], aRecord: true }),
  'POST /api/v1/portal/referrals/:id/accept': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/accept`, ok: [404], aRecord: true }),
  'POST /api/v1/portal/referrals/:id/decline': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/decline`, body: { reason: 'other' }, ok: [404], aRecord: true }),
  'POST /api/v1/portal/referrals/:id/consultation': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/consultation`, body: { at: '2030-01-15T15:00:00Z' }, ok: [404], aRecord: true }),
  'POST /api/v1/portal/referrals/:id/outcome': async () => ({ url: `/api/v1/portal/referrals/${(await freshReferral()).id}/outcome`, body: { outcome: 'other' }, ok: [404], aRecord: true }),
  // The directory is the network's: every affiliate reads every entry (and the export); only the keeper edits one.
  'GET /api/v1/directory/providers': async () => ({ url: '/api/v1/directory/providers?state=IL&language=ko', directory: true }),
  'GET /api/v1/directory/providers/:id': async () => ({ url: `/api/v1/directory/providers/${await freshProvider()}`, directory: true }),
  'POST /api/v1/directory/providers': async () => ({ url: '/api/v1/directory/providers', body: providerBody(), ok: [201] }),
  'PATCH /api/v1/directory/providers/:id': async () => ({ url: `/api/v1/directory/providers/${await freshProvider()}`, body: { version: 1, proBonoPerMonth: 2 }, aRecord: true }),
  'GET /api/v1/directory/export': async () => ({ url: '/api/v1/directory/export', directory: true }),
  'GET /api/v1/alerts': async () => ({ url: '/api/v1/alerts' }),
  'POST /api/v1/alerts': async () => ({ url: '/api/v1/alerts', body: { title: 'Matrix', topic: 'daca', sourceLang: 'en', version: { smsBody: 'Matrix' } }, ok: [201] }),
  'GET /api/v1/alerts/settings': async () => ({ url: '/api/v1/alerts/settings' }),
  'PUT /api/v1/alerts/settings': async () => ({ url: '/api/v1/alerts/settings', body: { twoPersonThreshold: 500 } }),
  'GET /api/v1/alerts/:id': async () => ({ url: `/api/v1/alerts/${await freshAlert()}`, aRecord: true }),
  'PATCH /api/v1/alerts/:id': async () => ({ url: `/api/v1/alerts/${await freshAlert()}`, body: { title: 'Matrix 2', expectedVersion: 1 }, aRecord: true }),
  'PUT /api/v1/alerts/:id/versions/:lang': async () => ({ url: `/api/v1/alerts/${await freshAlert()}/versions/es`, body: { smsBody: 'Las renovaciones siguen abiertas.' }, aRecord: true }),
  // Asking for a review is every writer's; approving a translation (alerts.approve) is tested in compose.integration.test.ts.
  'POST /api/v1/alerts/:id/versions/:lang/review': async () => ({ url: `/api/v1/alerts/${await freshAlert()}/versions/en/review`, body: { status: 'needs_review', expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/preview': async () => ({ url: `/api/v1/alerts/${await freshAlert()}/preview`, aRecord: true }),
  'POST /api/v1/alerts/:id/submit': async () => ({ url: `/api/v1/alerts/${await freshAlert()}/submit`, body: { expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/return-to-draft': async () => ({ url: `/api/v1/alerts/${await freshAlert('in_review')}/return-to-draft`, body: { expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/approve': async () => ({ url: `/api/v1/alerts/${await freshAlert('in_review', 'approved')}/approve`, body: { expectedVersion: 1 }, aRecord: true }),
  // Sending (alerts.approve), follow-ups and progress (alerts.write). The send itself is in sending.integration.test.ts.
  'POST /api/v1/alerts/:id/send': async () => ({ url: `/api/v1/alerts/${await alertIn('approved')}/send`, body: { expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/schedule': async () => ({ url: `/api/v1/alerts/${await alertIn('approved')}/schedule`, body: { at: new Date(Date.now() + 86_400_000).toISOString(), expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/pause': async () => ({ url: `/api/v1/alerts/${await alertIn('sending')}/pause`, body: { expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/resume': async () => ({ url: `/api/v1/alerts/${await alertIn('paused')}/resume`, body: { expectedVersion: 1 }, aRecord: true }),
  'POST /api/v1/alerts/:id/cancel': async () => ({ url: `/api/v1/alerts/${await alertIn('draft')}/cancel`, body: { expectedVersion: 1 }, aRecord: true }),
  // A sent alert that reached nobody: an allowed caller gets the translated 409 follow_up_nothing_sent.
  'POST /api/v1/alerts/:id/follow-up': async () => ({ url: `/api/v1/alerts/${await alertIn('sent')}/follow-up`, body: { kind: 'correction' }, ok: [409], aRecord: true }),
  'GET /api/v1/alerts/:id/progress': async () => ({ url: `/api/v1/alerts/${await alertIn('sending')}/progress`, aRecord: true }),
  'GET /api/v1/alerts/:id/stream': async () => ({ url: `/api/v1/alerts/${await alertIn('sending')}/stream`, ok: [406], aRecord: true }),
  // A dry run (the default): reads the document into the caller's affiliate and writes nothing.
  'POST /api/v1/directory/import': async () => ({
    url: '/api/v1/directory/import',
    body: { contents: [{ name: 'Legal services', status: 'active', contacts: [{ name: 'Matrix Import' }], languages: [{ code: 'es' }], service_areas: [{ name: 'Illinois' }] }] },
  }),
  // Alert subscribers (alerts.subscribers). The import's body is a CSV file (text/csv), which these fixtures cannot send:
  // an allowed caller with no file gets the translated 400 `import_empty`; uploads themselves are in subscriber-import.integration.test.ts.
  'GET /api/v1/alerts/subscribers': async () => ({ url: '/api/v1/alerts/subscribers?lang=ko&topic=daca' }),
  'POST /api/v1/alerts/imports': async () => ({ url: `/api/v1/alerts/imports?attestation=${encodeURIComponent('Signed our paper form at the matrix clinic.')}`, ok: [400] }),
  'POST /api/v1/alerts/imports/:id/confirm': async () => ({ url: `/api/v1/alerts/imports/${await freshAlertImport()}/confirm`, aRecord: true }),
  'POST /api/v1/alerts/imports/:id/discard': async () => ({ url: `/api/v1/alerts/imports/${await freshAlertImport()}/discard`, aRecord: true }),
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const policed = allRoutes.filter((r) => !('public' in r.policy));

beforeAll(async () => {
  t = await startTestApp();
  // A fixture-maker of its own: the roles under test sign themselves out everywhere.
  const db = t.deps.database.db;
  const someone = await orgRepo.findUserByEmail(db, emailOf('affiliate_admin', 'a'));
  const maker = await orgRepo.insertUser(db, { email: 'fixtures@a.test', displayName: 'Fixtures', passwordHash: someone!.passwordHash });
  await orgRepo.upsertMembership(db, maker.id, t.orgs.a, 'affiliate_admin');
  admin = await t.signIn('fixtures@a.test');
  personA = (await admin.get('/api/v1/people?q=Kim')).json().items[0].id;
});
afterAll(() => t?.close());

function allowed(role: Role, policy: Policy) {
  if ('signedIn' in policy) return true;
  if ('action' in policy) return DEFAULT_ROLE_ACTIONS[role].includes(policy.action);
  return true;
}

describe('role matrix', () => {
  it('has a fixture for every route that needs a signed-in caller', () => {
    expect(policed.map(key).filter((k) => !FIXTURES[k])).toEqual([]);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const r of policed) {
      const f = await FIXTURES[key(r)]();
      const res = await t.anonymous().request({ method: r.method, url: f.url, payload: f.body as any });
      expect(res.statusCode, key(r)).toBe(401);
    }
  });

  it('refuses cookie-authenticated changes without the CSRF token', async () => {
    for (const r of policed.filter((x) => x.method !== 'GET')) {
      const c = await t.as('affiliate_admin', 'a');
      const f = await FIXTURES[key(r)]();
      const res = await c.request({ method: r.method, url: f.url, payload: f.body as any, headers: { 'x-csrf-token': 'wrong' } });
      expect(res.statusCode, key(r)).toBe(403);
      expect(res.json().error.code).toBe('csrf');
    }
  });

  for (const role of ROLES) {
    it(`${role}: own affiliate gets exactly what the role allows`, async () => {
      for (const r of policed) {
        const c = await t.signIn(emailOf(role, 'a'));
        const f = await FIXTURES[key(r)]();
        const res = await c.request({ method: r.method, url: f.url, payload: f.body as any });
        const label = `${role} ${key(r)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (allowed(role, r.policy)) expect(f.ok ?? [200], label).toContain(res.statusCode);
        else expect(['action' in r.policy && r.policy.hideAs404 ? 404 : 403], label).toContain(res.statusCode);
      }
    });

    it(`${role}: another affiliate never reaches affiliate A's records`, async () => {
      for (const r of policed) {
        const c = await t.signIn(emailOf(role, 'b'));
        const f = await FIXTURES[key(r)]();
        const res = await c.request({ method: r.method, url: f.url, payload: f.body as any });
        const label = `${role}@b ${key(r)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        if (f.aRecord) expect([403, 404], label).toContain(res.statusCode);
        expect(res.body.includes(personA), label).toBe(false);
        if (key(r) !== 'POST /api/v1/auth/switch-org' && !f.directory) expect(res.body.includes(t.orgs.a), label).toBe(false);
      }
    });
  }

  it('an API token acts only within its scopes and its org', async () => {
    const created = (await admin.post('/api/v1/org/api-tokens', { name: 'crm', scopes: ['people.read'] })).json();
    const bearer = { authorization: `Bearer ${created.secret}` };
    const anon = t.anonymous();
    expect((await anon.get('/api/v1/people?q=Kim', bearer)).statusCode).toBe(200);
    expect((await anon.get(`/api/v1/people/${personA}`, bearer)).statusCode).toBe(200);
    expect((await anon.post('/api/v1/people', { givenName: 'X', preferredLanguage: 'en' }, bearer)).statusCode).toBe(403);
    expect((await anon.get('/api/v1/auth/session', bearer)).statusCode).toBe(403);
    const tooWide = await (await t.as('coordinator', 'a')).post('/api/v1/org/api-tokens', { name: 'x', scopes: ['audit.read'] });
    expect(tooWide.statusCode).toBe(403);
    await admin.delete(`/api/v1/org/api-tokens/${created.id}`);
    expect((await anon.get('/api/v1/people?q=Kim', bearer)).statusCode).toBe(401);
  });
});
