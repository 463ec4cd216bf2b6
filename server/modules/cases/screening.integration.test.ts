import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { caseEvents, caseScreenings, dacaRecords, dacaReminders, screeningForms } from './cases.table.ts';
import { earliestNaturalizationFiling } from './naturalization-rules.ts';
import { DEFAULT_SCREENING_FIELDS } from './screening-form-defaults.ts';

/**
 * Screening through the real app: the shipped form served as version 1, an admin's new
 * version leaving earlier answers on theirs, DACA answers scheduling the reminders through
 * setDaca, impossible dates refused by field with nothing written, an A-number sealed in the
 * database and opened for the reader, and the walls (another affiliate, a volunteer).
 */
let t: TestApp;
let responder: Client;
const db = () => t.deps.database.db;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function newCase(type: string, givenName: string) {
  const person = await responder.post('/api/v1/people', { givenName, preferredLanguage: 'ko' });
  expect(person.statusCode, person.body).toBe(201);
  const c = await responder.post('/api/v1/cases', { personId: person.json().id, type });
  expect(c.statusCode, c.body).toBe(201);
  return { caseId: c.json().id as string, personId: person.json().id as string };
}
const screeningsOf = (caseId: string) => db().select().from(caseScreenings).where(eq(caseScreenings.caseId, caseId));
const eventsOf = (caseId: string) => db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId));

beforeAll(async () => {
  t = await startTestApp();
  responder = await t.as('responder', 'a');
});
afterAll(() => t?.close());

describe('screening forms', () => {
  it('serves the shipped form as version 1 with labels in the three languages', async () => {
    const res = await responder.get('/api/v1/cases/screening-forms/daca_renewal');
    expect(res.statusCode, res.body).toBe(200);
    const form = res.json();
    expect(form).toMatchObject({ caseType: 'daca_renewal', version: 1, isDefault: true });
    expect(form.definition.fields.map((f: { key: string }) => f.key)).toEqual([
      'eadExpiresOn', 'lastApprovedOn', 'traveledSinceApproval', 'traveledWithAdvanceParole', 'arrestedSinceApproval', 'convictedSinceApproval',
    ]);
    for (const f of form.definition.fields) for (const lang of ['ko', 'en', 'es']) expect(f.labels[lang]).toBeTruthy();
    expect((await responder.get('/api/v1/cases/screening-forms/not_a_type')).statusCode).toBe(400);
  });
});

describe('DACA answers', () => {
  it('are sealed, yield the plan and schedule the 180/150/120-day reminders; the timeline and audit carry no answers', async () => {
    const { caseId, personId } = await newCase('daca_renewal', 'Jiwoo');
    const res = await responder.put(`/api/v1/cases/${caseId}/screening`, {
      formVersion: 1, caseType: 'daca_renewal',
      answers: { eadExpiresOn: day(200), lastApprovedOn: day(-530), traveledSinceApproval: false, arrestedSinceApproval: false, convictedSinceApproval: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().screening.findings).toEqual({
      daca: { kind: 'renewal', state: 'not_yet', windowOpensOn: day(50), windowClosesOn: day(80), remindersScheduled: 3 },
      reviewNeeded: true,
    });
    const [record] = await db().select().from(dacaRecords).where(eq(dacaRecords.personId, personId));
    expect(record).toMatchObject({ expiresOn: day(200), lastApprovedOn: day(-530), caseId });
    const reminders = await db().select().from(dacaReminders).where(eq(dacaReminders.dacaRecordId, record.id)).orderBy(dacaReminders.dueOn);
    expect(reminders.map((r) => [r.daysBefore, r.dueOn, r.status])).toEqual([
      [180, day(20), 'scheduled'],
      [150, day(50), 'scheduled'],
      [120, day(80), 'scheduled'],
    ]);
    const [stored] = await screeningsOf(caseId);
    expect(stored.formVersion).toBe(1);
    expect(stored.answersEnc).not.toContain(day(200));
    expect(stored.answersEnc).not.toContain('convicted');

    const screened = (await eventsOf(caseId)).filter((e) => e.kind === 'screened');
    expect(screened.map((e) => e.data)).toEqual([{ formVersion: 1 }]);
    const [row] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'case.screening')));
    expect(row.details).toEqual({ formVersion: 1, fields: ['arrestedSinceApproval', 'convictedSinceApproval', 'eadExpiresOn', 'lastApprovedOn', 'traveledSinceApproval'] });
    // Answering again is an update of the one screening, not a second one.
    expect((await responder.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 1, answers: { eadExpiresOn: day(200), traveledSinceApproval: false, arrestedSinceApproval: false, convictedSinceApproval: false } })).statusCode).toBe(200);
    expect(await screeningsOf(caseId)).toHaveLength(1);
  });

  it('refuses impossible dates and bad answers by field, and writes nothing', async () => {
    const { caseId, personId } = await newCase('daca_renewal', 'Minho');
    const adoptee = await newCase('adoptee_citizenship', 'Sunhee');
    const base = { traveledSinceApproval: false, arrestedSinceApproval: false, convictedSinceApproval: false };
    const bad = [
      [caseId, { eadExpiresOn: '2027-02-30', ...base }, 'answers.eadExpiresOn', 'invalid_date'],
      [caseId, { eadExpiresOn: day(100), lastApprovedOn: day(-50), ...base, convictedSinceApproval: 'no' }, 'answers.convictedSinceApproval', 'screening_answer_invalid'],
      [caseId, { eadExpiresOn: day(-400), lastApprovedOn: day(-300), ...base }, 'answers.eadExpiresOn', 'expiry_before_approval'],
      [caseId, { eadExpiresOn: day(100), lastApprovedOn: day(10), ...base }, 'answers.lastApprovedOn', 'date_in_future'],
      [caseId, { lastApprovedOn: day(-10), ...base }, 'answers.eadExpiresOn', 'screening_answer_required'],
      [caseId, { eadExpiresOn: day(100), ...base, arrestDetails: 'x' }, 'answers.arrestDetails', 'screening_unknown_field'],
      [adoptee.caseId, { birthDate: day(3), entryVisaClass: 'IR-3', adoptionFinalized: true, lprBefore18: 'yes' }, 'answers.birthDate', 'date_in_future'],
      [adoptee.caseId, { birthDate: '1990-01-01', entryVisaClass: 'IR-9', adoptionFinalized: true, lprBefore18: 'yes' }, 'answers.entryVisaClass', 'screening_answer_invalid'],
    ] as const;
    for (const [id, answers, field, code] of bad) {
      const res = await responder.put(`/api/v1/cases/${id}/screening`, { formVersion: 1, answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      expect(res.json().error, JSON.stringify(answers)).toMatchObject({ code, field });
    }
    const mismatch = await responder.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 1, caseType: 'naturalization', answers: {} });
    expect(mismatch.json().error).toMatchObject({ code: 'screening_case_type_mismatch', field: 'caseType' });
    const noVersion = await responder.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 7, answers: { eadExpiresOn: day(100), ...base } });
    expect(noVersion.json().error).toMatchObject({ code: 'screening_form_version_unknown', field: 'formVersion' });

    for (const id of [caseId, adoptee.caseId]) {
      expect(await screeningsOf(id)).toHaveLength(0);
      expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['opened']);
    }
    expect(await db().select().from(dacaRecords).where(eq(dacaRecords.personId, personId))).toHaveLength(0);
  });
});

describe('sealed answers and findings', () => {
  it('seals an A-number in the database and opens it for the reader (an audited read)', async () => {
    const { caseId } = await newCase('detention', 'Carlos');
    const res = await responder.put(`/api/v1/cases/${caseId}/screening`, {
      formVersion: 1, answers: { detainedPerson: 'spouse_partner', facility: 'Broadview Processing Center', detainedOn: day(-2), aNumber: 'A246-813-579' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().screening.findings).toEqual({});
    const [stored] = await screeningsOf(caseId);
    for (const plain of ['246813579', '246-813-579', 'Broadview']) expect(stored.answersEnc).not.toContain(plain);
    // The whole number, not a fragment: three digits turn up by chance in ids and hashes.
    expect(JSON.stringify(stored.findings)).not.toMatch(/246-?813-?579/);

    const attorney = await t.as('attorney', 'a');
    const read = await attorney.get(`/api/v1/cases/${caseId}/screening`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ caseType: 'detention', form: { version: 1 }, screening: { formVersion: 1, answers: { aNumber: 'A246813579', facility: 'Broadview Processing Center', detainedPerson: 'spouse_partner' } } });
    const reads = await db().select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'case.screening_read')));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(await db().select().from(auditLog).where(eq(auditLog.entityId, caseId)))).not.toMatch(/246-?813-?579|Broadview/);

    const badNumber = await responder.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 1, answers: { detainedPerson: 'self', aNumber: 'A12345' } });
    expect(badNumber.json().error).toMatchObject({ code: 'invalid_a_number', field: 'answers.aNumber' });
  });

  it('gives the adoptee screen and the earliest naturalization filing day', async () => {
    const adoptee = await newCase('adoptee_citizenship', 'Hana');
    const a = await responder.put(`/api/v1/cases/${adoptee.caseId}/screening`, { formVersion: 1, answers: { birthDate: '1985-03-01', entryVisaClass: 'IR-4', adoptionFinalized: true, lprBefore18: 'unknown' } });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().screening.findings.adoptee).toEqual({ likelyCovered: 'needs_review', reasons: ['under_18_on_or_after_cca', 'adoption_finalized_before_18', 'lpr_before_18_unknown'] });
    const older = await responder.put(`/api/v1/cases/${adoptee.caseId}/screening`, { formVersion: 1, answers: { birthDate: '1980-05-01', entryVisaClass: 'IR-3', adoptionFinalized: true, lprBefore18: 'yes' } });
    expect(older.json().screening.findings.adoptee.likelyCovered).toBe('no');

    const nat = await newCase('naturalization', 'Lucía');
    const n = await responder.put(`/api/v1/cases/${nat.caseId}/screening`, { formVersion: 1, answers: { permanentResidentSince: '2024-04-07', marriedToCitizen3Years: true } });
    expect(n.statusCode, n.body).toBe(200);
    expect(n.json().screening.findings.naturalization).toEqual({ yearsRequired: 3, anniversaryOn: '2027-04-07', earliestFilingOn: earliestNaturalizationFiling({ permanentResidentSince: '2024-04-07', marriedToCitizen3Years: true }).earliestFilingOn });
  });
});

describe('a new form version', () => {
  it('is saved by an admin as the next version; earlier answers keep theirs', async () => {
    const first = await newCase('naturalization', 'Daniel');
    expect((await responder.put(`/api/v1/cases/${first.caseId}/screening`, { formVersion: 1, answers: { permanentResidentSince: '2020-06-01', marriedToCitizen3Years: false } })).statusCode).toBe(200);

    const fields = [...DEFAULT_SCREENING_FIELDS.naturalization, {
      key: 'tripsOver6Months', kind: 'yes_no', required: false, sensitive: false,
      labels: { ko: '6개월 이상 해외 체류', en: 'Any trip abroad over 6 months?', es: '¿Algún viaje de más de 6 meses?' },
    }];
    const admin = await t.as('affiliate_admin', 'a');
    expect((await responder.put('/api/v1/cases/screening-forms/naturalization', { definition: { fields } })).statusCode).toBe(403);
    const dropped = await admin.put('/api/v1/cases/screening-forms/naturalization', { definition: { fields: fields.slice(1) } });
    expect(dropped.json().error).toMatchObject({ code: 'screening_rule_field_missing', field: 'definition.fields' });
    const dupKeys = await admin.put('/api/v1/cases/screening-forms/naturalization', { definition: { fields: [...fields, fields[0]] } });
    expect(dupKeys.statusCode).toBe(400);

    const saved = await admin.put('/api/v1/cases/screening-forms/naturalization', { definition: { fields } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, isDefault: false });
    expect((await responder.get('/api/v1/cases/screening-forms/naturalization')).json().version).toBe(2);
    const rows = await db().select().from(screeningForms).where(and(eq(screeningForms.orgId, t.orgs.a), eq(screeningForms.caseType, 'naturalization')));
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
    const [audited] = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'case.screening_form_version')));
    expect(audited.details).toMatchObject({ caseType: 'naturalization', version: 2 });

    const old = (await responder.get(`/api/v1/cases/${first.caseId}/screening`)).json();
    expect(old.form.version).toBe(1);
    expect(old.screening.formVersion).toBe(1);
    expect(old.form.definition.fields.map((f: { key: string }) => f.key)).not.toContain('tripsOver6Months');

    const second = await newCase('naturalization', 'Yuna');
    const fresh = (await responder.get(`/api/v1/cases/${second.caseId}/screening`)).json();
    expect(fresh).toMatchObject({ form: { version: 2 }, screening: null });
    const v2 = await responder.put(`/api/v1/cases/${second.caseId}/screening`, { formVersion: 2, answers: { permanentResidentSince: '2020-06-01', marriedToCitizen3Years: false, tripsOver6Months: false } });
    expect(v2.statusCode, v2.body).toBe(200);
    // The old version still takes answers on its own terms: the new field is unknown there.
    const stale = await responder.put(`/api/v1/cases/${first.caseId}/screening`, { formVersion: 1, answers: { permanentResidentSince: '2020-06-01', marriedToCitizen3Years: false, tripsOver6Months: true } });
    expect(stale.json().error).toMatchObject({ code: 'screening_unknown_field', field: 'answers.tripsOver6Months' });

    // Affiliate B still has the shipped form.
    const b = await t.as('coordinator', 'b');
    expect((await b.get('/api/v1/cases/screening-forms/naturalization')).json()).toMatchObject({ version: 1, isDefault: true });
  });
});

describe('walls', () => {
  it('hides a case’s screening from another affiliate and refuses a volunteer', async () => {
    const { caseId } = await newCase('tps', 'Rosa');
    expect((await responder.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 1, answers: { helpWith: 'fees' } })).statusCode).toBe(200);
    const b = await t.as('coordinator', 'b');
    expect((await b.get(`/api/v1/cases/${caseId}/screening`)).statusCode).toBe(404);
    expect((await b.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 1, answers: { helpWith: 'other' } })).statusCode).toBe(404);
    const volunteer = await t.as('volunteer', 'a');
    expect((await volunteer.get(`/api/v1/cases/${caseId}/screening`)).statusCode).toBe(403);
    expect((await volunteer.put(`/api/v1/cases/${caseId}/screening`, { formVersion: 1, answers: { helpWith: 'other' } })).statusCode).toBe(403);
    expect((await volunteer.get('/api/v1/cases/screening-forms/tps')).statusCode).toBe(403);
    const [stored] = await screeningsOf(caseId);
    expect(stored.answersEnc).toBeTruthy();
    expect((await responder.get(`/api/v1/cases/${caseId}/screening`)).json().screening.answers).toEqual({ helpWith: 'fees' });
  });
});
