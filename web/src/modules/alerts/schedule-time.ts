/**
 * "Send at" is typed in the org's time zone (the organizers plan in their own day), whatever
 * the browser's zone. A datetime-local value has no zone, so it is converted here.
 */

/** The zone's offset from UTC in minutes at one instant (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-03-10T09:00" in `timeZone` → an ISO instant with its offset, or null when the text is
 * not a date-time. Around a DST change the offset is taken at the resulting instant, so
 * 09:00 on the day clocks move is still 09:00 on the wall.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const wallAsUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let offset = zoneOffsetMinutes(new Date(wallAsUtc), timeZone);
  offset = zoneOffsetMinutes(new Date(wallAsUtc - offset * 60_000), timeZone);
  const instant = new Date(wallAsUtc - offset * 60_000);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** An instant as the datetime-local text in `timeZone` (to prefill the field). */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const wall = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
  return wall.toISOString().slice(0, 16);
}

/** The browser's own zone: the fallback when the org's is not readable by this person. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
