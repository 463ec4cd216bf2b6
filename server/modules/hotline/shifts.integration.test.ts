import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { orgRepo } from '../organizations/index.ts';
import { hotlineResponders, hotlineShiftOverrides, hotlineShifts } from './hotline.table.ts';
import { onCallResponders } from './on-call.ts';

let t: TestApp;
let coord: Client;
let resp: Client;
const ids: Record<string, string> = {};
const userId = async (role: string, org: 'a' | 'b' = 'a') => (await orgRepo.findUserByEmail(t.deps.database.db, emailOf(role, org)))!.id;

beforeAll(async () => {
  t = await startTestApp();
  coord = await t.as('coordinator', 'a');
  resp = await t.as('responder', 'a');
  for (const role of ['responder', 'volunteer', 'coordinator', 'organizer', 'attorney']) ids[role] = await userId(role);
  ids.responderB = await userId('responder', 'b');
});
afterAll(() => t?.close());

const auditActions = async (action: string) => (await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.orgId, t.orgs.a)))).length;

describe('responder profiles', () => {
  it('coordinators set up anyone in their org; phones are normalized and validated', async () => {
    const made = await coord.put(`/api/v1/hotline/responders/${ids.responder}`, { languages: ['ko', 'en'], phone: '(312) 555-0177', maxOpen: 5 });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ userId: ids.responder, languages: ['ko', 'en'], phone: '+13125550177', maxOpen: 5, active: true, calendarLinked: false });
    const bad = await coord.put(`/api/v1/hotline/responders/${ids.volunteer}`, { languages: ['es'], phone: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_phone', field: 'phone' });
    const noLang = await coord.put(`/api/v1/hotline/responders/${ids.volunteer}`, { languages: [] });
    expect(noLang.statusCode).toBe(400);
    expect((await coord.put(`/api/v1/hotline/responders/${ids.volunteer}`, { languages: ['es', 'en'], phone: '+13125550178' })).statusCode).toBe(200);
    expect((await coord.put(`/api/v1/hotline/responders/${ids.coordinator}`, { languages: ['en'], phone: '+13125550179' })).statusCode).toBe(200);
    expect(await auditActions('hotline.responder_create')).toBe(3);
  });

  it('a member of another affiliate cannot be made a responder here, and B never sees A’s profiles', async () => {
    const res = await coord.put(`/api/v1/hotline/responders/${ids.responderB}`, { languages: ['ko'] });
    expect(res.statusCode).toBe(404);
    const coordB = await t.as('coordinator', 'b');
    const across = await coordB.put(`/api/v1/hotline/responders/${ids.responder}`, { languages: ['ko'] });
    expect(across.statusCode).toBe(404);
    const listB = await coordB.get('/api/v1/hotline/responders');
    expect(listB.statusCode).toBe(200);
    expect(listB.json().items).toEqual([]);
    expect((await coordB.delete(`/api/v1/hotline/responders/${ids.responder}`)).statusCode).toBe(404);
  });

  it('a responder edits only their own languages and phone, and sees only their own phone', async () => {
    const mine = await resp.put('/api/v1/hotline/responders/me', { languages: ['ko'], phone: '312 555 0180' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ languages: ['ko'], phone: '+13125550180', maxOpen: 5 });
    const load = await resp.put('/api/v1/hotline/responders/me', { languages: ['ko'], maxOpen: 50 });
    expect(load.statusCode).toBe(403);
    expect(load.json().error).toMatchObject({ code: 'coordinator_only', field: 'maxOpen' });
    expect((await resp.put(`/api/v1/hotline/responders/${ids.volunteer}`, { languages: ['ko'] })).statusCode).toBe(403);
    const list = (await resp.get('/api/v1/hotline/responders')).json();
    expect(list.me).toBe(ids.responder);
    const byId = Object.fromEntries(list.items.map((r: { userId: string }) => [r.userId, r]));
    expect(byId[ids.responder].phone).toBe('+13125550180');
    expect(byId[ids.volunteer].phone).toBeNull();
    expect((await coord.get('/api/v1/hotline/responders')).json().items.find((r: { userId: string }) => r.userId === ids.volunteer).phone).toBe('+13125550178');
    // The organizer lacks hotline.respond altogether.
    expect((await (await t.as('organizer', 'a')).get('/api/v1/hotline/responders')).statusCode).toBe(403);
  });
});

describe('shifts and overrides', () => {
  it('coordinators add, change and remove shifts; bad input names the field', async () => {
    const base = { userId: ids.responder, weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00', startsOn: '2026-01-01' };
    expect((await resp.post('/api/v1/hotline/shifts', base)).statusCode).toBe(403);
    const noProfile = await coord.post('/api/v1/hotline/shifts', { ...base, userId: ids.organizer });
    expect(noProfile.json().error).toMatchObject({ code: 'not_a_responder', field: 'userId' });
    const badTz = await coord.post('/api/v1/hotline/shifts', { ...base, timeZone: 'Mars/Olympus' });
    expect(badTz.json().error).toMatchObject({ code: 'invalid_time_zone', field: 'timeZone' });
    const badEnd = await coord.post('/api/v1/hotline/shifts', { ...base, endsOn: '2025-12-01' });
    expect(badEnd.json().error).toMatchObject({ code: 'ends_before_start', field: 'endsOn' });
    const badTime = await coord.post('/api/v1/hotline/shifts', { ...base, startTime: '25:00' });
    expect(badTime.statusCode).toBe(400);

    const made = await coord.post('/api/v1/hotline/shifts', { ...base, weekdays: [5, 1, 3] });
    expect(made.statusCode, made.body).toBe(201);
    // Weekdays come back sorted; the time zone defaults to the org's.
    expect(made.json()).toMatchObject({ weekdays: [1, 3, 5], role: 'primary', endsOn: null });
    const id = made.json().id;
    const changed = await coord.patch(`/api/v1/hotline/shifts/${id}`, { role: 'backup', timeZone: 'America/Chicago' });
    expect(changed.json()).toMatchObject({ role: 'backup', timeZone: 'America/Chicago', startTime: '09:00' });
    const coordB = await t.as('coordinator', 'b');
    expect((await coordB.patch(`/api/v1/hotline/shifts/${id}`, { role: 'primary' })).statusCode).toBe(404);
    expect((await coordB.delete(`/api/v1/hotline/shifts/${id}`)).statusCode).toBe(404);
    expect((await coordB.get('/api/v1/hotline/shifts')).json().shifts).toEqual([]);
    expect((await coord.delete(`/api/v1/hotline/shifts/${id}`)).statusCode).toBe(200);
    expect(await auditActions('hotline.shift_create')).toBe(1);
    expect(await auditActions('hotline.shift_update')).toBe(1);
    expect(await auditActions('hotline.shift_delete')).toBe(1);
  });

  it('responders mark themselves off; putting people on call and touching others’ overrides is for coordinators', async () => {
    const window = { startsAt: '2026-02-02T15:00:00Z', endsAt: '2026-02-02T20:00:00Z' };
    const off = await resp.post('/api/v1/hotline/responders/me/time-off', { ...window, note: 'doctor' });
    expect(off.statusCode, off.body).toBe(201);
    expect(off.json()).toMatchObject({ userId: ids.responder, kind: 'off', note: 'doctor' });
    const backwards = await resp.post('/api/v1/hotline/responders/me/time-off', { startsAt: window.endsAt, endsAt: window.startsAt });
    expect(backwards.json().error).toMatchObject({ code: 'ends_before_start', field: 'endsAt' });
    expect((await resp.post('/api/v1/hotline/shift-overrides', { ...window, userId: ids.responder, kind: 'on' })).statusCode).toBe(403);

    const cover = await coord.post('/api/v1/hotline/shift-overrides', { ...window, userId: ids.volunteer, kind: 'on', role: 'backup' });
    expect(cover.statusCode).toBe(201);
    // Not theirs: it is simply not there for them.
    expect((await resp.delete(`/api/v1/hotline/responders/me/time-off/${cover.json().id}`)).statusCode).toBe(404);
    expect((await (await t.as('coordinator', 'b')).delete(`/api/v1/hotline/shift-overrides/${cover.json().id}`)).statusCode).toBe(404);
    expect((await resp.delete(`/api/v1/hotline/responders/me/time-off/${off.json().id}`)).statusCode).toBe(200);
    expect((await coord.delete(`/api/v1/hotline/shift-overrides/${cover.json().id}`)).statusCode).toBe(200);
    expect(await auditActions('hotline.time_off_create')).toBe(1);
    expect(await auditActions('hotline.time_off_delete')).toBe(1);
    expect(await auditActions('hotline.override_create')).toBe(1);
    expect(await auditActions('hotline.override_delete')).toBe(1);
  });
});

describe('on call', () => {
  // Thursday 2026-01-15. Chicago is UTC−6 in January.
  const thursdayNoon = new Date('2026-01-15T18:00:00Z');
  const fridayThreeAm = new Date('2026-01-16T09:00:00Z');

  beforeAll(async () => {
    await t.deps.database.db.delete(hotlineShifts).where(eq(hotlineShifts.orgId, t.orgs.a));
    await t.deps.database.db.delete(hotlineShiftOverrides).where(eq(hotlineShiftOverrides.orgId, t.orgs.a));
    const tz = 'America/Chicago';
    const add = (body: object) => coord.post('/api/v1/hotline/shifts', { timeZone: tz, startsOn: '2026-01-01', weekdays: [0, 1, 2, 3, 4, 5, 6], ...body });
    for (const body of [
      { userId: ids.responder, role: 'primary', startTime: '09:00', endTime: '17:00' },
      { userId: ids.volunteer, role: 'backup', startTime: '08:00', endTime: '20:00' },
      { userId: ids.coordinator, role: 'coordinator', startTime: '00:00', endTime: '00:00' },
      // Overnight: Thursday 22:00 → Friday 06:00.
      { userId: ids.responder, role: 'backup', startTime: '22:00', endTime: '06:00', weekdays: [4] },
      // Ended before the instant.
      { userId: ids.volunteer, role: 'primary', startTime: '00:00', endTime: '00:00', endsOn: '2026-01-10' },
    ]) {
      const res = await add(body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('computes who is on call from shifts, overnight shifts and endsOn', async () => {
    const noon = await onCallResponders(t.deps.database.db, t.orgs.a, thursdayNoon);
    // In escalation order: primary, backup, coordinator.
    expect(noon.map((r) => [r.userId, r.role])).toEqual([
      [ids.responder, 'primary'],
      [ids.volunteer, 'backup'],
      [ids.coordinator, 'coordinator'],
    ]);
    expect(noon.find((r) => r.userId === ids.responder)).toMatchObject({ languages: ['ko'], phoneE164: '+13125550180', maxOpen: 5, roles: ['primary'] });
    const night = await onCallResponders(t.deps.database.db, t.orgs.a, fridayThreeAm);
    expect(night.map((r) => [r.userId, r.role])).toEqual([
      [ids.responder, 'backup'],
      [ids.coordinator, 'coordinator'],
    ]);
    // Another affiliate's schedule is its own.
    expect(await onCallResponders(t.deps.database.db, t.orgs.b, thursdayNoon)).toEqual([]);
  });

  it('applies overrides: off takes a user out, on adds one; inactive responders and former members ring nobody', async () => {
    const off = await coord.post('/api/v1/hotline/shift-overrides', { userId: ids.responder, kind: 'off', startsAt: '2026-01-15T17:00:00Z', endsAt: '2026-01-15T19:00:00Z' });
    const on = await coord.post('/api/v1/hotline/shift-overrides', { userId: ids.coordinator, kind: 'on', role: 'primary', startsAt: '2026-01-15T17:00:00Z', endsAt: '2026-01-15T19:00:00Z' });
    expect([off.statusCode, on.statusCode]).toEqual([201, 201]);
    let list = await onCallResponders(t.deps.database.db, t.orgs.a, thursdayNoon);
    expect(list.map((r) => r.userId)).not.toContain(ids.responder);
    // The coordinator, covering as primary too, is rung with the first tier.
    expect(list[0]).toMatchObject({ userId: ids.coordinator, role: 'primary', roles: ['primary', 'coordinator'] });

    const now = await coord.get(`/api/v1/hotline/on-call?at=${encodeURIComponent(thursdayNoon.toISOString())}`);
    expect(now.statusCode, now.body).toBe(200);
    // Listed in tier order: the coordinator (primary now) before the volunteer (backup).
    expect(now.json().byLanguage).toEqual({ ko: [], en: [ids.coordinator, ids.volunteer], es: [ids.volunteer] });
    expect(now.json().gaps).toEqual(['ko']);
    expect(now.json().uncovered).toEqual(['ko']);

    expect((await coord.delete(`/api/v1/hotline/responders/${ids.volunteer}`)).statusCode).toBe(200);
    list = await onCallResponders(t.deps.database.db, t.orgs.a, thursdayNoon);
    expect(list.map((r) => r.userId)).toEqual([ids.coordinator]);
    const gaps = (await resp.get(`/api/v1/hotline/on-call?at=${encodeURIComponent(thursdayNoon.toISOString())}`)).json();
    expect(gaps.gaps).toEqual(['ko', 'es']);
    expect(gaps.uncovered).toEqual(['ko', 'es']);
    await coord.put(`/api/v1/hotline/responders/${ids.volunteer}`, { languages: ['es', 'en'], active: true });

    // Someone who left the org keeps their rows but is never on call.
    await orgRepo.deleteMembership(t.deps.database.db, ids.volunteer, t.orgs.a);
    list = await onCallResponders(t.deps.database.db, t.orgs.a, thursdayNoon);
    expect(list.map((r) => r.userId)).not.toContain(ids.volunteer);
    await orgRepo.upsertMembership(t.deps.database.db, ids.volunteer, t.orgs.a, 'volunteer');
    await coord.delete(`/api/v1/hotline/shift-overrides/${off.json().id}`);
    await coord.delete(`/api/v1/hotline/shift-overrides/${on.json().id}`);
  });

  it('expands the schedule into concrete intervals for the next days', async () => {
    const res = await resp.get(`/api/v1/hotline/shifts?from=${encodeURIComponent('2026-01-15T06:00:00Z')}&days=1`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.shifts).toHaveLength(5);
    const mine = body.intervals.filter((i: { userId: string }) => i.userId === ids.responder).map((i: { start: string; end: string; role: string }) => [i.role, i.start, i.end]);
    expect(mine).toEqual([
      ['primary', '2026-01-15T15:00:00.000Z', '2026-01-15T23:00:00.000Z'],
      ['backup', '2026-01-16T04:00:00.000Z', '2026-01-16T12:00:00.000Z'],
    ]);
    expect(body.intervals.every((i: { displayName: string }) => i.displayName)).toBe(true);
    expect((await resp.get('/api/v1/hotline/shifts?days=100')).statusCode).toBe(400);
  });
});

describe('calendar feed', () => {
  const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
  const events = (s: string) => unfold(s).split('BEGIN:VEVENT').slice(1);
  const prop = (ev: string, name: string) => ev.split('\r\n').find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  const path = (url: string) => new URL(url).pathname;

  it('serves the responder’s upcoming shifts behind a secret URL, with stable UIDs, in their language', async () => {
    await resp.patch('/api/v1/auth/me', { language: 'ko' });
    const link = await resp.post('/api/v1/hotline/responders/me/calendar-link');
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json().url).toMatch(/\/p\/hotline\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const [row] = await t.deps.database.db.select().from(hotlineResponders).where(eq(hotlineResponders.userId, ids.responder));
    expect(row!.icalTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(link.json().url).not.toContain(row!.icalTokenHash);

    const anon = t.anonymous();
    const first = await anon.get(path(link.json().url));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/calendar/);
    expect(first.headers['cache-control']).toBe('no-store');
    const body = unfold(first.body);
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain('VERSION:2.0');
    expect(body).toContain('PRODID:');
    expect(body.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const evs = events(first.body);
    // Daily 09:00–17:00 primary plus the Thursday overnight backup, over 67 days.
    expect(evs.length).toBeGreaterThan(60);
    for (const ev of evs.slice(0, 5)) {
      expect(prop(ev, 'DTSTART')).toMatch(/^DTSTART(;TZID=[^:]+)?:\d{8}T\d{6}Z?$/);
      expect(prop(ev, 'DTEND')).toBeTruthy();
      expect(prop(ev, 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
      expect(prop(ev, 'UID')).toMatch(/^UID:[0-9a-f]{32}@/);
      expect(prop(ev, 'SUMMARY')).toContain('핫라인 근무');
    }
    const second = await anon.get(path(link.json().url));
    const uids = (s: string) => events(s).map((ev) => prop(ev, 'UID'));
    expect(uids(second.body)).toEqual(uids(first.body));
    expect(new Set(uids(first.body)).size).toBe(evs.length);
    // Only the responder's own shifts: the coordinator's 24-hour shifts are not in it.
    expect(evs.every((ev) => !prop(ev, 'SUMMARY')!.includes('코디네이터'))).toBe(true);
  });

  it('404s a wrong, rotated, revoked or deactivated link', async () => {
    const anon = t.anonymous();
    expect((await anon.get('/p/hotline/ical/not-a-real-token-at-all-000000000000000.ics')).statusCode).toBe(404);
    expect((await anon.get('/p/hotline/ical/x.ics')).statusCode).toBe(404);
    const one = (await resp.post('/api/v1/hotline/responders/me/calendar-link')).json().url;
    const two = (await resp.post('/api/v1/hotline/responders/me/calendar-link')).json().url;
    expect((await anon.get(path(one))).statusCode).toBe(404);
    expect((await anon.get(path(two))).statusCode).toBe(200);
    expect((await resp.delete('/api/v1/hotline/responders/me/calendar-link')).statusCode).toBe(200);
    expect((await anon.get(path(two))).statusCode).toBe(404);
    const three = (await resp.post('/api/v1/hotline/responders/me/calendar-link')).json().url;
    await coord.delete(`/api/v1/hotline/responders/${ids.responder}`);
    expect((await anon.get(path(three))).statusCode).toBe(404);
    // No profile (or an inactive one): nothing to link.
    expect((await resp.post('/api/v1/hotline/responders/me/calendar-link')).statusCode).toBe(404);
    expect((await (await t.as('attorney', 'a')).post('/api/v1/hotline/responders/me/calendar-link')).statusCode).toBe(403);
    await coord.put(`/api/v1/hotline/responders/${ids.responder}`, { languages: ['ko'], active: true });
    expect(await auditActions('hotline.calendar_link_rotate')).toBe(4);
  });
});
