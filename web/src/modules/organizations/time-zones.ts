/** US time zones first (where affiliates are); the full IANA list stays available below them. */
export const US_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'Pacific/Guam',
];

export function timeZoneOptions(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = all.filter((z) => !US_TIME_ZONES.includes(z));
  const list = [...US_TIME_ZONES, ...rest];
  return list.includes(current) ? list : [current, ...list];
}
