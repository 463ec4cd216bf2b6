import { describe, expect, it } from 'vitest';
import { concreteIntervals, expandShifts, isValidTimeZone, localDateOf, onCallAt, senior, shiftOccurrences, subtractIntervals, zonedToUtc, type RecurringShift, type ShiftOverride } from './shift-times.ts';

const CHI = 'America/Chicago';
const shift = (p: Partial<RecurringShift>): RecurringShift => ({
  id: 's1',
  userId: 'u1',
  role: 'primary',
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  startTime: '09:00',
  endTime: '17:00',
  timeZone: CHI,
  startsOn: '2026-01-01',
  endsOn: null,
  ...p,
});
const at = (iso: string) => new Date(iso);
const onAt = (s: RecurringShift, iso: string) => shiftOccurrences(s, at(iso), new Date(at(iso).getTime() + 1)).length > 0;
const hours = (o: { start: Date; end: Date }) => (o.end.getTime() - o.start.getTime()) / 3_600_000;

describe('zonedToUtc', () => {
  it('reads wall time in winter and summer', () => {
    expect(zonedToUtc('2026-01-15', '09:00', CHI).toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(zonedToUtc('2026-07-15', '09:00', CHI).toISOString()).toBe('2026-07-15T14:00:00.000Z');
    expect(zonedToUtc('2026-07-15', '09:00', 'Asia/Seoul').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });
  it('moves a skipped time (spring forward) later by the gap', () => {
    // 2026-03-08 02:30 does not exist in Chicago: 03:30 CDT = 08:30Z.
    expect(zonedToUtc('2026-03-08', '02:30', CHI).toISOString()).toBe('2026-03-08T08:30:00.000Z');
    expect(zonedToUtc('2026-03-08', '03:00', CHI).toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });
  it('takes the first of a repeated time (fall back)', () => {
    // 2026-11-01 01:30 happens at 06:30Z (CDT) and 07:30Z (CST).
    expect(zonedToUtc('2026-11-01', '01:30', CHI).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });
  it('knows local dates and time zones', () => {
    expect(localDateOf(at('2026-01-16T03:00:00Z'), CHI)).toBe('2026-01-15');
    expect(isValidTimeZone(CHI)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('shiftOccurrences', () => {
  it('covers a day shift on its weekdays only', () => {
    const s = shift({ weekdays: [1, 2, 3, 4, 5] }); // Mon–Fri
    expect(onAt(s, '2026-01-15T15:00:00Z')).toBe(true); // Thu 09:00 CST
    expect(onAt(s, '2026-01-15T14:59:00Z')).toBe(false); // 08:59
    expect(onAt(s, '2026-01-15T23:00:00Z')).toBe(false); // 17:00: the end is exclusive
    expect(onAt(s, '2026-01-17T16:00:00Z')).toBe(false); // Saturday
  });

  it('runs an overnight shift past midnight, keyed by its starting day', () => {
    const s = shift({ weekdays: [5], startTime: '22:00', endTime: '06:00' }); // Friday nights
    expect(onAt(s, '2026-01-17T04:00:00Z')).toBe(true); // Fri 22:00 CST
    expect(onAt(s, '2026-01-17T09:00:00Z')).toBe(true); // Sat 03:00 CST, still Friday's shift
    expect(onAt(s, '2026-01-17T12:00:00Z')).toBe(false); // Sat 06:00
    expect(onAt(s, '2026-01-18T09:00:00Z')).toBe(false); // Sun 03:00: Saturday has no shift
    const [occ] = shiftOccurrences(s, at('2026-01-17T09:00:00Z'), at('2026-01-17T09:00:01Z'));
    expect(occ!.localDate).toBe('2026-01-16');
  });

  it('makes the overnight shift 7 hours on the spring-forward night and 9 on the fall-back night', () => {
    const s = shift({ weekdays: [6], startTime: '22:00', endTime: '06:00' }); // Saturday nights
    const [spring] = shiftOccurrences(s, at('2026-03-07T12:00:00Z'), at('2026-03-09T00:00:00Z'));
    expect(spring!.start.toISOString()).toBe('2026-03-08T04:00:00.000Z'); // 22:00 CST
    expect(spring!.end.toISOString()).toBe('2026-03-08T11:00:00.000Z'); // 06:00 CDT
    expect(hours(spring!)).toBe(7);
    const [fall] = shiftOccurrences(s, at('2026-10-31T12:00:00Z'), at('2026-11-02T00:00:00Z'));
    expect(fall!.start.toISOString()).toBe('2026-11-01T03:00:00.000Z'); // 22:00 CDT
    expect(fall!.end.toISOString()).toBe('2026-11-01T12:00:00.000Z'); // 06:00 CST
    expect(hours(fall!)).toBe(9);
  });

  it('keeps day shifts at the same wall time across a DST change', () => {
    const s = shift({ weekdays: [0] }); // Sundays 09:00–17:00
    const occ = shiftOccurrences(s, at('2026-03-01T00:00:00Z'), at('2026-03-09T00:00:00Z'));
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2026-03-01T15:00:00.000Z', '2026-03-08T14:00:00.000Z']);
    expect(occ.map(hours)).toEqual([8, 8]);
  });

  it('treats an end equal to the start as 24 hours', () => {
    const s = shift({ weekdays: [4], startTime: '08:00', endTime: '08:00' });
    const [occ] = shiftOccurrences(s, at('2026-01-15T00:00:00Z'), at('2026-01-16T00:00:00Z'));
    expect(hours(occ!)).toBe(24);
  });

  it('respects startsOn and endsOn (the last day a shift starts; an overnight one still ends the next morning)', () => {
    const s = shift({ weekdays: [5, 6], startTime: '22:00', endTime: '06:00', startsOn: '2026-01-09', endsOn: '2026-01-16' });
    expect(onAt(s, '2026-01-03T09:00:00Z')).toBe(false); // Sat 2026-01-03 03:00: before startsOn
    expect(onAt(s, '2026-01-17T09:00:00Z')).toBe(true); // Sat 03:00 after Friday 01-16 (endsOn)
    expect(onAt(s, '2026-01-18T09:00:00Z')).toBe(false); // Saturday 01-17's shift is after endsOn
    const occ = shiftOccurrences(s, at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'));
    expect(occ.map((o) => o.localDate)).toEqual(['2026-01-09', '2026-01-10', '2026-01-16']);
  });

  it('expands several shifts in time order', () => {
    const a = shift({ id: 'a', userId: 'ua', weekdays: [4], startTime: '18:00', endTime: '23:00' });
    const b = shift({ id: 'b', userId: 'ub', weekdays: [4], startTime: '08:00', endTime: '12:00', timeZone: 'America/New_York' });
    const occ = expandShifts([a, b], at('2026-01-15T00:00:00Z'), at('2026-01-16T12:00:00Z'));
    expect(occ.map((o) => o.shiftId)).toEqual(['b', 'a']);
    expect(occ[0]!.start.toISOString()).toBe('2026-01-15T13:00:00.000Z');
  });
});

describe('onCallAt', () => {
  const day = shift({ id: 'd', userId: 'u1', role: 'primary' });
  const coord = shift({ id: 'c', userId: 'u1', role: 'coordinator' });
  const backup = shift({ id: 'b', userId: 'u2', role: 'backup' });
  const noon = at('2026-01-15T18:00:00Z'); // 12:00 CST
  const ov = (p: Partial<ShiftOverride>): ShiftOverride => ({ id: 'o', userId: 'u3', kind: 'on', role: 'primary', startsAt: at('2026-01-15T17:00:00Z'), endsAt: at('2026-01-15T19:00:00Z'), ...p });

  it('collects every role per user in escalation order', () => {
    const who = onCallAt([coord, day, backup], [], noon);
    expect(who.get('u1')).toEqual(['primary', 'coordinator']);
    expect(who.get('u2')).toEqual(['backup']);
    expect(senior(who.get('u1')!)).toBe('primary');
  });

  it('adds `on` overrides for their window only', () => {
    expect(onCallAt([], [ov({ role: 'backup' })], noon).get('u3')).toEqual(['backup']);
    expect(onCallAt([], [ov({})], at('2026-01-15T19:00:00Z')).size).toBe(0); // end exclusive
    expect(onCallAt([backup], [ov({ userId: 'u2', role: 'coordinator' })], noon).get('u2')).toEqual(['backup', 'coordinator']);
  });

  it('takes a user with an `off` override out entirely, even over an `on` override', () => {
    const who = onCallAt([day, coord, backup], [ov({ userId: 'u1', kind: 'off' }), ov({ userId: 'u2', kind: 'on' }), ov({ userId: 'u2', kind: 'off', startsAt: at('2026-01-15T17:30:00Z') })], noon);
    expect(who.has('u1')).toBe(false);
    expect(who.has('u2')).toBe(false);
    // Outside the off window they are back.
    expect(onCallAt([day], [ov({ userId: 'u1', kind: 'off' })], at('2026-01-15T20:00:00Z')).get('u1')).toEqual(['primary']);
  });
});

describe('subtractIntervals', () => {
  it('cuts an off window out of a shift', () => {
    const s = at('2026-01-15T15:00:00Z');
    const e = at('2026-01-15T23:00:00Z');
    const parts = subtractIntervals(s, e, [{ startsAt: at('2026-01-15T17:00:00Z'), endsAt: at('2026-01-15T18:00:00Z') }]);
    expect(parts.map((p) => [p.start.toISOString(), p.end.toISOString()])).toEqual([
      ['2026-01-15T15:00:00.000Z', '2026-01-15T17:00:00.000Z'],
      ['2026-01-15T18:00:00.000Z', '2026-01-15T23:00:00.000Z'],
    ]);
    expect(subtractIntervals(s, e, [{ startsAt: at('2026-01-15T00:00:00Z'), endsAt: at('2026-01-16T00:00:00Z') }])).toEqual([]);
  });
});

describe('concreteIntervals', () => {
  it('cuts off-time out of occurrences and adds on-overrides, keeping the off beating the on', () => {
    const s = shift({ id: 's', userId: 'u1', weekdays: [4] }); // Thursday 09:00–17:00 CST = 15:00–23:00Z
    const overrides: ShiftOverride[] = [
      { id: 'off1', userId: 'u1', kind: 'off', role: 'primary', startsAt: at('2026-01-15T17:00:00Z'), endsAt: at('2026-01-15T18:00:00Z') },
      { id: 'on1', userId: 'u2', kind: 'on', role: 'backup', startsAt: at('2026-01-15T20:00:00Z'), endsAt: at('2026-01-16T02:00:00Z') },
      { id: 'off2', userId: 'u2', kind: 'off', role: 'primary', startsAt: at('2026-01-16T00:00:00Z'), endsAt: at('2026-01-16T03:00:00Z') },
    ];
    const list = concreteIntervals([s], overrides, at('2026-01-15T00:00:00Z'), at('2026-01-16T00:00:00Z'));
    expect(list.map((i) => [i.userId, i.role, i.start.toISOString().slice(11, 16), i.end.toISOString().slice(11, 16), i.shiftId ?? i.overrideId])).toEqual([
      ['u1', 'primary', '15:00', '17:00', 's'],
      ['u1', 'primary', '18:00', '23:00', 's'],
      ['u2', 'backup', '20:00', '00:00', 'on1'],
    ]);
  });
});
