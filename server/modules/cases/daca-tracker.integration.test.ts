import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { addSenders } from '../hotline/conversations.test-helpers.ts';
import { outboundMessages, recordConsent } from '../messaging/index.ts';
import { segmentInfo } from '../messaging/segments.ts';
import { caseEvents, cases, dacaRecords, dacaReminders } from './cases.table.ts';
import { dacaReminderDedupeKey, dacaReminderText, sendDueDacaReminders } from './daca-reminders.ts';
import { csvCell } from './daca-renewals.ts';
import { DEFAULT_DACA_REFERENCE } from './daca-reference.ts';

/**
 * The DACA tracker through the real app: the daily reminder run (consent, language, quiet
 * hours left to the outbox, once per reminder, filed expiries cancelled), the renewals list
 * and its CSV, and clinic day (check-in, filed).
 */
let t: TestApp;
let responder: Client;
/** People made by earlier tests, by given name: the file's tests build on one another. */
const made: Record<string, { personId: string; caseId: string; recordId: string }> = {};
const db = () => t.deps.database.db;
const DAY = 86_400_000;
/** A calendar day n days from the real today (setDaca schedules from the real clock). */
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
/** Mid-afternoon UTC of that day: the run's `now`. */
const at = (n: number) => new Date(`${day(n)}T15:00:00Z`);

async function personWithDaca(p: { givenName: string; familyName?: string; lang: 'ko' | 'en' | 'es'; phone?: string; email?: string }, expiresIn: number) {
  const person = await responder.post('/api/v1/people', { givenName: p.givenName, familyName: p.familyName, preferredLanguage: p.lang, phone: p.phone, email: p.email });
  expect(person.statusCode, person.body).toBe(201);
  const c = await responder.post('/api/v1/cases', { personId: person.json().id, type: 'daca_renewal' });
  expect(c.statusCode, c.body).toBe(201);
  const daca = await responder.put(`/api/v1/cases/${c.json().id}/daca`, { expiresOn: day(expiresIn) });
  expect(daca.statusCode, daca.body).toBe(200);
  const [record] = await db().select().from(dacaRecords).where(eq(dacaRecords.personId, person.json().id));
  return (made[p.givenName] = { personId: person.json().id as string, caseId: c.json().id as string, recordId: record.id });
}

const optIn = (address: string, channel: 'sms' | 'email', status: 'opted_in' | 'opted_out' = 'opted_in') =>
  recordConsent(db(), { orgId: t.orgs.a, address, channel, scope: 'affiliate', status, evidenceKind: 'form', evidence: { form: 'clinic intake' } });
const remindersOf = (recordId: string) => db().select().from(dacaReminders).where(eq(dacaReminders.dacaRecordId, recordId)).orderBy(dacaReminders.dueOn);
const outbox = () => db().select().from(outboundMessages).where(and(eq(outboundMessages.orgId, t.orgs.a), like(outboundMessages.dedupeKey, 'daca-reminder:%')));

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  responder = await t.as('responder', 'a');
});
afterAll(() => t?.close());

describe('DACA reminders', () => {
  it('sends due reminders in the person’s language only with consent, once, and cancels filed ones', async () => {
    const ko = await personWithDaca({ givenName: 'Jiwoo', familyName: 'Park', lang: 'ko', phone: '+17735550601' }, 200);
    const es = await personWithDaca({ givenName: 'Marisol', familyName: 'Núñez', lang: 'es', phone: '+17735550602' }, 200);
    const en = await personWithDaca({ givenName: 'Daniel', familyName: 'Cho', lang: 'en', email: 'daniel.cho@example.org' }, 200);
    const nobody = await personWithDaca({ givenName: 'Sofía', familyName: 'Reyes', lang: 'es', phone: '+17735550604' }, 200);
    const stopped = await personWithDaca({ givenName: 'Hyun', familyName: 'Lee', lang: 'ko', phone: '+17735550605' }, 200);
    const filed = await personWithDaca({ givenName: 'Ana', familyName: 'Lopez', lang: 'es', phone: '+17735550606' }, 200);
    await optIn('+17735550601', 'sms');
    await optIn('+17735550602', 'sms');
    await optIn('daniel.cho@example.org', 'email');
    await optIn('+17735550605', 'sms');
    await optIn('+17735550605', 'sms', 'opted_out');
    await optIn('+17735550606', 'sms');
    // Filed outside the clinic route (an import, a correction): the run must not remind them.
    await db().update(dacaRecords).set({ filedOn: day(0) }).where(eq(dacaRecords.id, filed.recordId));

    // Day 19: nothing due yet (the 180-day reminder is on day 20).
    expect(await sendDueDacaReminders(t.deps, at(19))).toEqual({ sent: 0, skipped: 0, cancelled: 0 });
    expect(await sendDueDacaReminders(t.deps, at(20))).toEqual({ sent: 3, skipped: 2, cancelled: 1 });

    const [koR] = await remindersOf(ko.recordId);
    expect(koR).toMatchObject({ daysBefore: 180, status: 'sent' });
    const [koMsg] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, koR.messageId!));
    expect(koMsg).toMatchObject({ channel: 'sms', toAddress: '+17735550601', lang: 'ko', kind: 'notification', topic: 'daca', dedupeKey: dacaReminderDedupeKey(koR.id), personId: ko.personId });
    expect(koMsg.body).toContain('Affiliate A: DACA 노동허가가');
    expect(koMsg.body).toContain('(312) 555-0150');

    const [esR] = await remindersOf(es.recordId);
    const [esMsg] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, esR.messageId!));
    expect(esMsg.body).toMatch(/^Affiliate A: su permiso de trabajo de DACA vence el \d+ de \w+ de \d{4}\. Prepare su renovacion ahora/);
    // Written without á í ó ú for SMS: GSM-7, two parts instead of four.
    expect(segmentInfo(esMsg.body).encoding).toBe('GSM-7');
    expect(segmentInfo(esMsg.body).segments).toBeLessThanOrEqual(2);

    const [enR] = await remindersOf(en.recordId);
    const [enMsg] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, enR.messageId!));
    expect(enMsg).toMatchObject({ channel: 'email', toAddress: 'daniel.cho@example.org', subject: 'Your DACA renewal' });
    expect(enMsg.body).toContain(`USCIS recommends filing 120-150 days before, from`);

    expect((await remindersOf(nobody.recordId))[0].status).toBe('skipped_no_consent');
    expect((await remindersOf(stopped.recordId))[0].status).toBe('skipped_no_consent');
    expect((await remindersOf(filed.recordId)).map((r) => r.status)).toEqual(['cancelled', 'scheduled', 'scheduled']);

    // Again the same day, or by a second worker: nothing more.
    expect(await sendDueDacaReminders(t.deps, at(20))).toEqual({ sent: 0, skipped: 0, cancelled: 0 });
    expect(await outbox()).toHaveLength(3);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'daca.reminders_run')))).toHaveLength(1);
  });

  it('after a gap sends only the latest due reminder, and says the time to file is now', async () => {
    const late = await personWithDaca({ givenName: 'Carlos', familyName: 'Vega', lang: 'en', phone: '+17735550607' }, 175);
    await optIn('+17735550607', 'sms');
    // 175 days out, the 180-day reminder is already past and was never scheduled.
    expect((await remindersOf(late.recordId)).map((r) => r.daysBefore)).toEqual([150, 120]);
    // Day 56: both of Carlos's reminders (days 25 and 55) are due: one text, the later one. The
    // first test's people are due their 150-day ones (day 50): three with consent, two without,
    // and the filed one cancelled.
    expect(await sendDueDacaReminders(t.deps, at(56))).toEqual({ sent: 4, skipped: 2, cancelled: 2 });
    const rows = await remindersOf(late.recordId);
    expect(rows.map((x) => [x.daysBefore, x.status])).toEqual([[150, 'cancelled'], [120, 'sent']]);
    const [msg] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, rows[1].messageId!));
    expect(msg.body).toContain('The best time to file your renewal is now (USCIS recommends 120-150 days before). Call us at (312) 555-0150');
  });

  it('keeps English and Spanish texts GSM-7 and within two parts', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const windowOpensOn of ['2027-01-30', null]) {
        const { body } = dacaReminderText(lang, { org: 'Korean Resource Center', expiresOn: '2027-06-29', windowOpensOn, ref: DEFAULT_DACA_REFERENCE, phone: '+13125550150', channel: 'sms' });
        expect(segmentInfo(body), body).toMatchObject({ encoding: 'GSM-7' });
        expect(segmentInfo(body).segments, body).toBeLessThanOrEqual(2);
      }
    }
    // Email keeps the accents.
    expect(dacaReminderText('es', { org: 'X', expiresOn: '2027-06-29', windowOpensOn: null, ref: DEFAULT_DACA_REFERENCE, phone: null, channel: 'email' }).body).toContain('renovación');
  });
});

describe('upcoming renewals', () => {
  it('lists this affiliate’s upcoming expiries soonest first, then lapsed ones latest first, with state, days left and reminders; filters by state and window', async () => {
    const lapsedOne = await personWithDaca({ givenName: 'Lapsed', lang: 'en' }, -40);
    const res = await responder.get('/api/v1/daca/renewals?withinDays=250');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.truncated).toBe(false);
    const expiries: string[] = list.items.map((i: { expiresOn: string }) => i.expiresOn);
    const firstLapsed = expiries.findIndex((e) => e < day(0));
    const upcoming = firstLapsed < 0 ? expiries : expiries.slice(0, firstLapsed);
    const lapsed = firstLapsed < 0 ? [] : expiries.slice(firstLapsed);
    expect(upcoming).toEqual([...upcoming].sort());
    expect(lapsed).toEqual([...lapsed].sort().reverse());
    expect(lapsed.every((e) => e < day(0))).toBe(true);
    expect(list.items.find((i: { person: { id: string } }) => i.person.id === lapsedOne.personId)).toMatchObject({ state: 'expired', daysLeft: -40 });
    // A shorter list keeps the soonest upcoming expiries and says it was cut.
    const short = (await responder.get('/api/v1/daca/renewals?withinDays=250&limit=2')).json();
    expect(short).toMatchObject({ truncated: true });
    expect(short.items.map((i: { expiresOn: string }) => i.expiresOn)).toEqual(upcoming.slice(0, 2));
    const carlos = list.items.find((i: { person: { name: string } }) => i.person.name === 'Carlos Vega');
    expect(carlos).toMatchObject({ expiresOn: day(175), daysLeft: 175, state: 'not_yet', kind: 'renewal', filedOn: null, reminders: { sent: 1, noConsent: false } });
    const sofia = list.items.find((i: { person: { name: string } }) => i.person.name === 'Sofía Reyes');
    expect(sofia.reminders).toMatchObject({ sent: 0, noConsent: true, scheduled: 1 });
    expect(list.items.find((i: { person: { name: string } }) => i.person.name === 'Ana Lopez').state).toBe('filed');
    expect(list.referenceCheckedOn).toBe(DEFAULT_DACA_REFERENCE.checkedOn);

    // 180 days ahead by default: an expiry 300 days out is not on it until asked.
    const far = await personWithDaca({ givenName: 'Far', lang: 'en' }, 300);
    const late = await personWithDaca({ givenName: 'Late', lang: 'en' }, 100);
    const names = async (q: string) => (await responder.get(`/api/v1/daca/renewals${q}`)).json().items.map((i: { person: { id: string } }) => i.person.id);
    expect(await names('')).not.toContain(far.personId);
    expect(await names('?withinDays=365')).toContain(far.personId);
    expect(await names('?state=late')).toEqual([late.personId]);
    expect((await responder.get('/api/v1/daca/renewals?withinDays=0')).json().error.field).toBe('withinDays');
    expect(await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'daca.renewals_list')))).not.toHaveLength(0);
  });

  it('exports CSV for clinic staff, with formulas neutralised, and audits the export', async () => {
    await personWithDaca({ givenName: '=HYPERLINK("http://x")', familyName: 'Kim', lang: 'ko' }, 90);
    const res = await responder.get('/api/v1/daca/renewals.csv?withinDays=250');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="daca-renewals-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.startsWith('\uFEFFexpires_on,days_left,state,')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"") Kim"`);
    expect(res.body).toContain('Sofía Reyes');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5')).toBe("'-5");
    expect(await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'daca.renewals_export')))).toHaveLength(1);
  });

  it('shows nothing of affiliate A to affiliate B, and refuses roles without cases', async () => {
    const b = await t.as('coordinator', 'b');
    expect((await b.get('/api/v1/daca/renewals?withinDays=730')).json().items).toEqual([]);
    expect((await b.get('/api/v1/daca/renewals.csv')).body).not.toContain('Sofía');
    expect((await (await t.as('volunteer', 'a')).get('/api/v1/daca/renewals')).statusCode).toBe(403);
  });
});

describe('clinic day', () => {
  it('checks a person in once a day on their live renewal case, opening one if needed', async () => {
    const person = (await responder.post('/api/v1/people', { givenName: 'Walk', familyName: 'In', preferredLanguage: 'es' })).json();
    const first = await responder.post('/api/v1/daca/clinic/check-in', { personId: person.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: true, checkedIn: true, daca: null, case: { type: 'daca_renewal', lang: 'es', status: 'in_progress' } });
    const again = (await responder.post('/api/v1/daca/clinic/check-in', { personId: person.id })).json();
    expect(again).toMatchObject({ created: false, checkedIn: false, case: { id: first.json().case.id } });
    const kinds = (await db().select().from(caseEvents).where(eq(caseEvents.caseId, first.json().case.id))).map((e) => e.kind);
    expect(kinds.sort()).toEqual(['checked_in', 'opened', 'status']);
    // Someone with a case already: that case is reused.
    const carlos = made.Carlos;
    const reused = (await responder.post('/api/v1/daca/clinic/check-in', { personId: carlos.personId })).json();
    expect(reused).toMatchObject({ created: false, checkedIn: true, case: { id: carlos.caseId }, daca: { expiresOn: day(175) } });
    made.WalkIn = { personId: person.id, caseId: first.json().case.id, recordId: '' };
    // Another affiliate's person is not there.
    const [bPerson] = (await (await t.as('coordinator', 'b')).get('/api/v1/people?q=Kim')).json().items;
    expect((await responder.post('/api/v1/daca/clinic/check-in', { personId: bPerson.id })).statusCode).toBe(404);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'case.clinic_check_in')))).toHaveLength(2);
  });

  it('marks a renewal filed: the day, pending reminders cancelled, the case moved to filed', async () => {
    const missing = await responder.post(`/api/v1/cases/${made.WalkIn.caseId}/daca/filed`, { filedOn: day(0) });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.code).toBe('daca_record_missing');

    const sofia = made['Sofía'];
    const sofiaCase = { id: sofia.caseId };
    const sofiaRecord = { id: sofia.recordId, personId: sofia.personId };
    const future = await responder.post(`/api/v1/cases/${sofiaCase.id}/daca/filed`, { filedOn: day(3) });
    expect([future.statusCode, future.json().error.field, future.json().error.code]).toEqual([400, 'filedOn', 'date_in_future']);
    const early = await responder.post(`/api/v1/cases/${sofiaCase.id}/daca/filed`, { filedOn: day(-200) });
    expect([early.statusCode, early.json().error.code]).toEqual([400, 'daca_filed_too_early']);

    // Open → filed is not a move: the case stays open, the record is filed all the same.
    const filed = await responder.post(`/api/v1/cases/${sofiaCase.id}/daca/filed`, { filedOn: day(0) });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ cancelledReminders: 1, daca: { filedOn: day(0), state: 'filed' }, case: { status: 'open' } });
    expect((await remindersOf(sofiaRecord.id)).filter((r) => r.status === 'scheduled')).toHaveLength(0);

    // A case being worked moves to filed; the same day again changes nothing.
    await responder.post('/api/v1/daca/clinic/check-in', { personId: sofiaRecord.personId });
    const moved = (await responder.post(`/api/v1/cases/${sofiaCase.id}/daca/filed`, { filedOn: day(0) })).json();
    expect(moved).toMatchObject({ cancelledReminders: 0, case: { status: 'filed' } });
    const events = (await db().select().from(caseEvents).where(eq(caseEvents.caseId, sofiaCase.id))).map((e) => e.kind);
    expect(events.filter((k) => k === 'daca_filed')).toHaveLength(1);
    const [listed] = (await responder.get('/api/v1/daca/renewals?state=filed&withinDays=250')).json().items.filter((i: { person: { id: string } }) => i.person.id === sofiaRecord.personId);
    expect(listed).toMatchObject({ filedOn: day(0), state: 'filed' });

    // Affiliate B cannot file A's case.
    expect((await (await t.as('coordinator', 'b')).post(`/api/v1/cases/${sofiaCase.id}/daca/filed`, { filedOn: day(0) })).statusCode).toBe(404);
  });

  it('lists the day’s check-ins with their review hand-off and DACA dates, for this affiliate only', async () => {
    const today = (await responder.get('/api/v1/daca/clinic/day')).json();
    expect(today.day).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: today.timeZone }).format(new Date()));
    const ids = today.visits.map((v: { case: { id: string } }) => v.case.id);
    // In the order they arrived; Sofía twice (check-in in the filed test) counts once.
    expect(ids).toEqual([made.WalkIn.caseId, made.Carlos.caseId, made['Sofía'].caseId]);
    expect(today.visits[1]).toMatchObject({ review: null, daca: { expiresOn: day(175) }, case: { person: { id: made.Carlos.personId } } });
    expect(today.visits[0].daca).toBeNull();
    const reviewerNames = today.reviewers.map((r: { name: string }) => r.name).sort();
    // Whoever may write legal advice: attorneys and, by default, admins; not responders or coordinators.
    expect(reviewerNames).toEqual(['affiliate_admin a', 'attorney a', 'network_admin a']);
    expect((await responder.get(`/api/v1/daca/clinic/day?day=${day(-3)}`)).json().visits).toEqual([]);
    const bad = await responder.get('/api/v1/daca/clinic/day?day=2026-02-30');
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'day']);
    const other = (await (await t.as('coordinator', 'b')).get('/api/v1/daca/clinic/day')).json();
    expect(other.visits).toEqual([]);
    expect(JSON.stringify(other)).not.toContain(made.Carlos.personId);
    expect((await (await t.as('volunteer', 'a')).get('/api/v1/daca/clinic/day')).statusCode).toBe(403);
  });

  it('hands a case to an attorney for review once, and refuses anyone who is not one', async () => {
    const attorney = reviewerNamed('attorney a');
    const { caseId } = made.Carlos;
    const attorneyId = (await attorney).userId;
    const first = await responder.post(`/api/v1/cases/${caseId}/daca/review`, { attorneyId });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ requested: true, case: { id: caseId, assignedTo: { userId: attorneyId, name: 'attorney a' } } });
    expect((await responder.post(`/api/v1/cases/${caseId}/daca/review`, { attorneyId })).json()).toMatchObject({ requested: false });
    const events = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'clinic_review_requested')));
    expect(events.map((e) => e.data)).toEqual([{ attorneyId }]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'case.review_requested')))).toHaveLength(1);
    const visit = (await responder.get('/api/v1/daca/clinic/day')).json().visits.find((v: { case: { id: string } }) => v.case.id === caseId);
    expect(visit.review).toMatchObject({ attorney: { userId: attorneyId, name: 'attorney a' } });

    // Not an attorney: a responder of A, and B's attorney; malformed; another affiliate's caller; a closed case.
    const responderId = (await responder.get('/api/v1/auth/session')).json().user.id;
    const bAttorney = (await (await t.as('coordinator', 'b')).get('/api/v1/daca/clinic/day')).json().reviewers.find((r: { name: string }) => r.name === 'attorney b').userId;
    for (const id of [responderId, bAttorney]) {
      const res = await responder.post(`/api/v1/cases/${made.WalkIn.caseId}/daca/review`, { attorneyId: id });
      expect([res.statusCode, res.json().error.code, res.json().error.field]).toEqual([400, 'not_an_attorney', 'attorneyId']);
    }
    const malformed = await responder.post(`/api/v1/cases/${made.WalkIn.caseId}/daca/review`, { attorneyId: 'someone' });
    expect([malformed.statusCode, malformed.json().error.field]).toEqual([400, 'attorneyId']);
    expect((await (await t.as('coordinator', 'b')).post(`/api/v1/cases/${caseId}/daca/review`, { attorneyId: bAttorney })).statusCode).toBe(404);
    const walkIn = (await responder.get(`/api/v1/cases/${made.WalkIn.caseId}`)).json();
    expect((await responder.post(`/api/v1/cases/${walkIn.id}/status`, { status: 'closed', version: walkIn.version })).statusCode).toBe(200);
    const closed = await responder.post(`/api/v1/cases/${walkIn.id}/daca/review`, { attorneyId });
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'case_closed']);
    expect((await responder.get(`/api/v1/cases/${walkIn.id}`)).json().assignedTo?.userId).not.toBe(attorneyId);
  });
});

async function reviewerNamed(name: string): Promise<{ userId: string; name: string }> {
  const reviewers = (await responder.get('/api/v1/daca/clinic/day')).json().reviewers as { userId: string; name: string }[];
  const found = reviewers.find((r) => r.name === name);
  if (!found) throw new Error(`no reviewer ${name}`);
  return found;
}
