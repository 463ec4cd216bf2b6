import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { outboundMessages } from '../messaging/index.ts';
import { orgRepo } from '../organizations/index.ts';
import { sweepShiftReminders } from './shift-reminders.ts';

let t: TestApp;
let admin: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('affiliate_admin', 'a');
  expect((await admin.post('/api/v1/messaging/senders', { label: 'Hotline', phone: '(312) 555-0100' })).statusCode).toBe(201);
  for (const role of ['responder', 'volunteer', 'coordinator']) ids[role] = (await orgRepo.findUserByEmail(t.deps.database.db, emailOf(role, 'a')))!.id;
  await (await t.as('volunteer', 'a')).patch('/api/v1/auth/me', { language: 'es' });
  await admin.put(`/api/v1/hotline/responders/${ids.responder}`, { languages: ['ko'], phone: '+13125550181' });
  await admin.put(`/api/v1/hotline/responders/${ids.volunteer}`, { languages: ['es'], phone: '+13125550182' });
  await admin.put(`/api/v1/hotline/responders/${ids.coordinator}`, { languages: ['en'], phone: '+13125550183' });
  const shift = (body: object) => admin.post('/api/v1/hotline/shifts', { timeZone: 'America/Chicago', startsOn: '2026-01-15', weekdays: [0, 1, 2, 3, 4, 5, 6], ...body });
  for (const body of [
    { userId: ids.responder, startTime: '09:00', endTime: '17:00' },
    { userId: ids.volunteer, startTime: '09:00', endTime: '17:00', role: 'backup' },
    // 24 hours a day from Thursday 2026-01-15 00:00 CST (06:00Z): one reminder, not one a day.
    { userId: ids.coordinator, startTime: '00:00', endTime: '00:00', role: 'coordinator' },
  ]) {
    const res = await shift(body);
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t?.close());

const reminders = () => t.deps.database.db.select().from(outboundMessages).where(and(eq(outboundMessages.orgId, t.orgs.a), like(outboundMessages.dedupeKey, 'hotline-shift-reminder:%')));

describe('shift reminders', () => {
  it('queues one text per occurrence, 30 minutes before, in the responder’s language, whatever the number of sweeps', async () => {
    // Thursday 08:25 CST: the 09:00 shifts are 35 minutes away.
    const now = new Date('2026-01-15T14:25:00Z');
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-15T14:10:00Z'))).toEqual({ queued: 0 }); // 50 minutes ahead: not yet
    expect(await sweepShiftReminders(t.deps, now)).toEqual({ queued: 2 });
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-15T14:27:00Z'))).toEqual({ queued: 0 });
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-15T14:45:00Z'))).toEqual({ queued: 0 });
    const rows = await reminders();
    expect(rows).toHaveLength(2);
    const byPhone = Object.fromEntries(rows.map((r) => [r.toAddress, r]));
    expect(byPhone['+13125550181']).toMatchObject({ channel: 'sms', kind: 'staff_alert', priority: 'high', lang: 'en' });
    expect(byPhone['+13125550181']!.notBefore!.toISOString()).toBe('2026-01-15T14:30:00.000Z');
    expect(byPhone['+13125550181']!.body).toContain('9:00');
    expect(byPhone['+13125550182']).toMatchObject({ lang: 'es' });
    expect(byPhone['+13125550182']!.body).toMatch(/turno.*respaldo.*9:00/);
    expect(byPhone['+13125550182']!.dedupeKey).toBe(`hotline-shift-reminder:${ids.volunteer}:2026-01-15T15:00:00.000Z`);
  });

  it('reminds a 24-hour shift once, not again while it runs on, and skips someone who is off', async () => {
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-15T05:40:00Z'))).toEqual({ queued: 1 });
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-16T05:40:00Z'))).toEqual({ queued: 0 });
    const off = await admin.post('/api/v1/hotline/shift-overrides', { userId: ids.responder, kind: 'off', startsAt: '2026-01-16T14:00:00Z', endsAt: '2026-01-16T20:00:00Z' });
    expect(off.statusCode).toBe(201);
    // Friday 08:25 CST: only the volunteer's 09:00 shift gets a reminder.
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-16T14:25:00Z'))).toEqual({ queued: 1 });
    const coordinatorRows = (await reminders()).filter((r) => r.toAddress === '+13125550183');
    expect(coordinatorRows).toHaveLength(1);
    // A shift about to start when first seen is reminded at once; one that already started is not.
    await t.deps.database.db.delete(outboundMessages).where(eq(outboundMessages.orgId, t.orgs.a));
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-17T14:50:00Z'))).toEqual({ queued: 2 });
    expect((await reminders()).every((r) => r.notBefore === null)).toBe(true);
    expect(await sweepShiftReminders(t.deps, new Date('2026-01-18T15:01:00Z'))).toEqual({ queued: 0 });
  });
});
