import { describe, expect, it } from 'vitest';
import { Audience } from '../../../../contracts/alerts.ts';
import { parseList, sameAudience, toggle } from './audience-fields.ts';
import { durationMessage, percentDone } from './progress-math.ts';
import { isoToZonedLocal, zonedLocalToIso } from './schedule-time.ts';
import { parseProgressEvent } from './use-alert-progress.ts';

describe('audience lists as typed', () => {
  it('splits ZIPs on anything, keeps valid ones once, and names the bad ones', () => {
    expect(parseList('60601, 60602\n60601 6060x;1234', 'zips')).toEqual({ values: ['60601', '60602'], invalid: ['6060x', '1234'] });
  });
  it('keeps the spaces inside county names', () => {
    expect(parseList('Cook County, DuPage\nLake County ', 'counties').values).toEqual(['Cook County', 'DuPage', 'Lake County']);
  });
  it('upper-cases states and lower-cases tags', () => {
    expect(parseList('il ny Texas', 'states')).toEqual({ values: ['IL', 'NY'], invalid: ['TEXAS'] });
    expect(parseList('Volunteer, DACA', 'tags').values).toEqual(['volunteer', 'daca']);
  });
  it('toggles a choice in the order of all choices', () => {
    expect(toggle(['es'], 'ko', true, ['ko', 'en', 'es'])).toEqual(['ko', 'es']);
    expect(toggle(['ko', 'es'], 'ko', false, ['ko', 'en', 'es'])).toEqual(['es']);
  });
  it('sees the same audience in another order as unchanged, and a new filter as a change', () => {
    const a = Audience.parse({ zips: ['60601', '60602'], langs: ['ko', 'es'] });
    expect(sameAudience(a, Audience.parse({ zips: ['60602', '60601'], langs: ['es', 'ko'] }))).toBe(true);
    expect(sameAudience(a, { ...a, alsoSourceLang: true })).toBe(false);
  });
});

describe('progress figures', () => {
  const counts = { total: 200, pending: 50, queued: 30, sent: 100, delivered: 80, failed: 10, optedOut: 5, canceled: 5 };
  it('counts done as what left the queue, and says 100 only when nothing is left', () => {
    expect(percentDone(counts)).toBe(60);
    expect(percentDone({ ...counts, pending: 0, queued: 1 })).toBe(99);
    expect(percentDone({ ...counts, pending: 0, queued: 0 })).toBe(100);
    expect(percentDone({ ...counts, total: 0, pending: 0, queued: 0 })).toBe(0);
  });
  it('says a time left in hours and minutes, minutes, or seconds, rounding up', () => {
    expect(durationMessage(40.2)).toEqual({ key: 'duration.seconds', values: { seconds: 41 } });
    expect(durationMessage(61)).toEqual({ key: 'duration.minutes', values: { minutes: 2 } });
    expect(durationMessage(7199)).toEqual({ key: 'duration.hours', values: { hours: 2, minutes: 0 } });
    expect(durationMessage(3900)).toEqual({ key: 'duration.hours', values: { hours: 1, minutes: 5 } });
  });
});

describe('send time in the org time zone', () => {
  it('reads a wall time in New York, in winter and in summer', () => {
    expect(zonedLocalToIso('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedLocalToIso('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedLocalToIso('2026-07-15T09:00', 'America/Los_Angeles')).toBe('2026-07-15T16:00:00.000Z');
  });
  it('keeps the wall time on the day the clocks change', () => {
    expect(zonedLocalToIso('2026-03-08T09:00', 'America/Chicago')).toBe('2026-03-08T14:00:00.000Z');
  });
  it('refuses text that is not a date-time', () => {
    expect(zonedLocalToIso('', 'America/Chicago')).toBeNull();
    expect(zonedLocalToIso('tomorrow 9am', 'America/Chicago')).toBeNull();
  });
  it('shows an instant back as the same wall time', () => {
    expect(isoToZonedLocal('2026-07-15T13:00:00.000Z', 'America/New_York')).toBe('2026-07-15T09:00');
  });
});

describe('progress events from the stream', () => {
  const id = '0b6f0f9e-3a53-4c0e-9a4e-3c1f8d2b7a10';
  const progress = { alertId: id, status: 'sending', counts: { total: 3, pending: 1, queued: 1, sent: 1, delivered: 0, failed: 0, optedOut: 0, canceled: 0 }, byLanguage: [], byState: [], secondsToFinish: 2, clicks: [], at: '2026-01-01T00:00:00Z' };
  it('takes an AlertProgress, bare or in an envelope', () => {
    expect(parseProgressEvent(JSON.stringify(progress), id)).toEqual(progress);
    expect(parseProgressEvent(JSON.stringify({ topic: 'alert.progress', data: progress }), id)).toEqual(progress);
  });
  it("ignores another alert's figures, broken JSON and other shapes", () => {
    expect(parseProgressEvent(JSON.stringify({ ...progress, alertId: 'other' }), id)).toBeNull();
    expect(parseProgressEvent('{not json', id)).toBeNull();
    expect(parseProgressEvent(JSON.stringify({ hello: 1 }), id)).toBeNull();
    expect(parseProgressEvent('null', id)).toBeNull();
  });
});
