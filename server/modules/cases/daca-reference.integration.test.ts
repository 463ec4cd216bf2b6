import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { dacaRecords, dacaReminders, referenceData } from './cases.table.ts';
import { DEFAULT_DACA_REFERENCE } from './daca-reference.ts';

/**
 * The DACA reference data as the network office edits it: versions kept with their dates,
 * every rule between fields refused by name, only the network office may change it, and
 * the tracker (renewals list, newly scheduled reminders) follows the new figures at once.
 * The tests build on one another (versions 1, 2, …).
 */
let t: TestApp;
let network: Client;
let responder: Client;
const db = () => t.deps.database.db;
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const { reminderDaysBefore, filingWindow, uscisNoticeDaysBefore, initialAfterExpiredDays, fees, checkedOn, sources } = DEFAULT_DACA_REFERENCE;
const base = { reminderDaysBefore, filingWindow, uscisNoticeDaysBefore, initialAfterExpiredDays, fees, checkedOn, sources, sourceNote: 'USCIS DACA page and G-1055, read today' };
const current = async () => (await responder.get('/api/v1/daca/reference')).json();

async function personWithDaca(givenName: string, phone: string, expiresIn: number) {
  const person = await responder.post('/api/v1/people', { givenName, familyName: 'Reference', preferredLanguage: 'en', phone });
  expect(person.statusCode, person.body).toBe(201);
  const c = await responder.post('/api/v1/cases', { personId: person.json().id, type: 'daca_renewal' });
  const daca = await responder.put(`/api/v1/cases/${c.json().id}/daca`, { expiresOn: day(expiresIn) });
  expect(daca.statusCode, daca.body).toBe(200);
  const [record] = await db().select().from(dacaRecords).where(eq(dacaRecords.personId, person.json().id));
  return { personId: person.json().id as string, recordId: record.id };
}
const renewalOf = async (personId: string, query = 'withinDays=365') =>
  (await responder.get(`/api/v1/daca/renewals?${query}`)).json().items.find((i: { person: { id: string } }) => i.person.id === personId);

beforeAll(async () => {
  t = await startTestApp();
  network = await t.as('network_admin', 'net');
  responder = await t.as('responder', 'a');
});
afterAll(() => t?.close());

describe('DACA reference data', () => {
  it('starts as the shipped defaults, version 0, editable only from the network office', async () => {
    const seen = await current();
    expect(seen.current).toMatchObject({ ...base, sourceNote: expect.any(String), version: 0, validFrom: null, validUntil: null });
    expect(seen).toMatchObject({ history: [], canEdit: false });
    expect((await (await t.as('affiliate_admin', 'a')).get('/api/v1/daca/reference')).json().canEdit).toBe(false);
    expect((await network.get('/api/v1/daca/reference')).json().canEdit).toBe(true);
    // No cases.read, no reference (it is case-work data like the rest of the tracker).
    expect((await (await t.as('volunteer', 'a')).get('/api/v1/daca/reference')).statusCode).toBe(403);
  });

  it('refuses every rule between fields by name, in the caller’s language, and writes nothing', async () => {
    const put = (patch: Record<string, unknown>, lang = 'en') => network.put('/api/v1/daca/reference', { ...base, version: 0, ...patch }, { 'accept-language': lang });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ reminderDaysBefore: [180, 150, 150] }, 'reminderDaysBefore', 'reminder_days_duplicate'],
      [{ reminderDaysBefore: [120, 150, 180] }, 'reminderDaysBefore', 'reminder_days_order'],
      [{ reminderDaysBefore: [] }, 'reminderDaysBefore', 'validation'],
      [{ reminderDaysBefore: [180, 0] }, 'reminderDaysBefore.1', 'validation'],
      [{ reminderDaysBefore: [180.5] }, 'reminderDaysBefore.0', 'validation'],
      [{ filingWindow: { opensDaysBefore: 120, closesDaysBefore: 150 } }, 'opensDaysBefore', 'filing_window_order'],
      [{ filingWindow: { opensDaysBefore: 120, closesDaysBefore: 120 } }, 'opensDaysBefore', 'filing_window_order'],
      [{ filingWindow: { opensDaysBefore: 150, closesDaysBefore: 0 } }, 'filingWindow.closesDaysBefore', 'validation'],
      [{ initialAfterExpiredDays: -1 }, 'initialAfterExpiredDays', 'validation'],
      [{ fees: { ...fees, i821d: -85 } }, 'fees.i821d', 'validation'],
      [{ fees: { ...fees, i765Online: 470.5 } }, 'fees.i765Online', 'validation'],
      [{ fees: { ...fees, currency: 'EUR' } }, 'fees.currency', 'validation'],
      [{ fees: { ...fees, effectiveFrom: '2024-02-30' } }, 'fees.effectiveFrom', 'validation'],
      [{ checkedOn: day(2) }, 'checkedOn', 'date_in_future'],
      [{ checkedOn: 'yesterday' }, 'checkedOn', 'validation'],
      [{ sourceNote: '   ' }, 'sourceNote', 'validation'],
      [{ sourceNote: undefined }, 'sourceNote', 'validation'],
      [{ sources: ['not a link'] }, 'sources.0', 'validation'],
      [{ version: -1 }, 'version', 'validation'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await put(patch);
      const label = `${JSON.stringify(patch)} → ${res.body}`;
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error, label).toMatchObject({ field, code });
    }
    const ko = (await put({ reminderDaysBefore: [120, 150, 180] }, 'ko')).json().error.message;
    expect(ko).toContain('만료 전 알림 일수');
    expect((await put({ filingWindow: { opensDaysBefore: 100, closesDaysBefore: 120 } }, 'es')).json().error.message).toContain('el plazo abre');
    expect((await put({}, 'en')).statusCode).toBe(200); // the same body, fixed, goes through
    await network.put('/api/v1/daca/reference', { ...base, version: 1, sourceNote: 'back' }); // version 2, for the tests below to build on
    const rows = await db().select().from(referenceData).where(like(referenceData.key, 'daca%'));
    expect(rows.map((r) => r.key).sort()).toEqual(['daca', 'daca@v0', 'daca@v1']);
  });

  it('refuses affiliate admins (even with org.settings) and roles without it, and a stale version', async () => {
    const before = await current();
    const affiliateAdmin = await (await t.as('affiliate_admin', 'a')).put('/api/v1/daca/reference', { ...base, version: before.current.version });
    expect([affiliateAdmin.statusCode, affiliateAdmin.json().error.code]).toEqual([403, 'network_office_only']);
    const coordinator = await (await t.as('coordinator', 'net')).put('/api/v1/daca/reference', { ...base, version: before.current.version });
    expect([coordinator.statusCode, coordinator.json().error.code]).toEqual([403, 'forbidden']);
    const stale = await network.put('/api/v1/daca/reference', { ...base, version: before.current.version - 1 });
    expect([stale.statusCode, stale.json().error.code, stale.json().error.field]).toEqual([409, 'reference_stale', 'version']);
    expect(await current()).toEqual(before);
  });

  it('keeps each replaced version with its dates, audits the change, and the tracker follows the new figures', async () => {
    const inWindow = await personWithDaca('Window', '+17735550901', 140);
    const lapsed = await personWithDaca('Lapsed', '+17735550902', -250);
    expect(await renewalOf(inWindow.personId)).toMatchObject({ state: 'window_open' });
    expect(await renewalOf(lapsed.personId)).toMatchObject({ state: 'expired', kind: 'renewal' });
    const remindersOf = async (recordId: string) => (await db().select().from(dacaReminders).where(eq(dacaReminders.dacaRecordId, recordId))).map((r) => r.daysBefore).sort();
    // 140 days out: the 180- and 150-day reminders were already past when the expiry was entered.
    expect(await remindersOf(inWindow.recordId)).toEqual([120]);
    const before = await current();

    const edited = {
      ...base,
      version: before.current.version,
      reminderDaysBefore: [210, 170, 165],
      filingWindow: { opensDaysBefore: 200, closesDaysBefore: 160 },
      initialAfterExpiredDays: 200,
      fees: { ...fees, i765Online: 500, effectiveFrom: day(-1) },
      checkedOn: day(0),
      sourceNote: 'Pretend USCIS change for the test',
    };
    const res = await network.put('/api/v1/daca/reference', edited);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.current).toMatchObject({ ...edited, version: before.current.version + 1, validUntil: null });
    expect(Date.parse(after.current.validFrom)).toBeGreaterThan(Date.now() - 60_000);
    const [replaced] = after.history;
    expect(replaced).toMatchObject({ version: before.current.version, sourceNote: 'back', reminderDaysBefore: [180, 150, 120], validFrom: before.current.validFrom });
    expect(Date.parse(replaced.validUntil)).toBe(Date.parse(after.current.validFrom));
    expect(after.history.map((h: { version: number }) => h.version)).toEqual([2, 1, 0]);
    // The shipped defaults, in force until the first save.
    expect(after.history[2]).toMatchObject({ ...base, sourceNote: expect.any(String), validFrom: null, validUntil: after.history[1].validFrom });

    const audits = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.net), eq(auditLog.action, 'daca.reference_update')));
    expect(audits).toHaveLength(3);
    expect(audits.find((a) => (a.details as { to?: number }).to === 3)?.details).toMatchObject({ from: 2, to: 3, changed: ['checkedOn', 'fees', 'filingWindow', 'initialAfterExpiredDays', 'reminderDaysBefore', 'sourceNote'] });

    // The window and the one-year rule apply at once; the lapsed person now needs an initial request.
    expect(await renewalOf(inWindow.personId)).toMatchObject({ state: 'late' });
    expect(await renewalOf(lapsed.personId)).toBeUndefined();
    expect(await renewalOf(lapsed.personId, 'state=initial_required')).toMatchObject({ state: 'initial_required', kind: 'initial' });
    expect((await responder.get('/api/v1/daca/renewals')).json().referenceCheckedOn).toBe(day(0));
    // Reminders are scheduled from the new days from now on; those already scheduled stay as they were.
    const later = await personWithDaca('Later', '+17735550903', 300);
    expect(await remindersOf(later.recordId)).toEqual([165, 170, 210]);
    expect(await remindersOf(inWindow.recordId)).toEqual([120]);
  });

  it('falls back to the shipped defaults when the stored copy is unreadable, and says so', async () => {
    await db().update(referenceData).set({ value: { broken: true } }).where(eq(referenceData.key, 'daca'));
    const seen = (await current()).current;
    expect(seen).toMatchObject({ reminderDaysBefore: [180, 150, 120], validFrom: null });
    expect((await responder.get('/api/v1/daca/renewals')).json().referenceCheckedOn).toBe(DEFAULT_DACA_REFERENCE.checkedOn);
  });
});
