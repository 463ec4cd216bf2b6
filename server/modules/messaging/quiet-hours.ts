/**
 * Quiet hours for texts, by the recipient's local time (DESIGN.md §4; rules checked
 * 2025-11). Federal: 8:00–21:00. Stricter states listed below. Data with a checked-on
 * date, not logic: update the table when a state changes its law.
 */
export const QUIET_HOURS_CHECKED_ON = '2025-11-15';

interface Window {
  start: number;
  end: number;
}
type WeekRule = Window | { weekday: Window; sunday: Window };

export const FEDERAL_WINDOW: Window = { start: 8, end: 21 };

export const STATE_WINDOWS: Record<string, WeekRule> = {
  FL: { start: 8, end: 20 },
  MD: { start: 8, end: 20 },
  MS: { start: 8, end: 20 },
  NJ: { start: 8, end: 20 },
  OK: { start: 8, end: 20 },
  CT: { start: 9, end: 20 },
  TX: { weekday: { start: 9, end: 21 }, sunday: { start: 12, end: 21 } },
};

/** The main time zone of each state; ZIP prefixes below refine the states that span two. */
export const STATE_TIME_ZONES: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago', CA: 'America/Los_Angeles',
  CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York',
  GA: 'America/New_York', HI: 'Pacific/Honolulu', ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago', KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago', MS: 'America/Chicago',
  MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago', NV: 'America/Los_Angeles', NH: 'America/New_York',
  NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago',
  OH: 'America/New_York', OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago', UT: 'America/Denver',
  VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles', WV: 'America/New_York', WI: 'America/Chicago',
  WY: 'America/Denver', PR: 'America/Puerto_Rico', GU: 'Pacific/Guam',
};

/** ZIP3 prefixes whose time zone differs from their state's main one. */
export const ZIP3_TIME_ZONES: Record<string, string> = {
  '798': 'America/Denver', '799': 'America/Denver', // El Paso, TX
  '324': 'America/Chicago', '325': 'America/Chicago', // Florida panhandle
  '838': 'America/Los_Angeles', // northern Idaho
  '979': 'America/Boise', // eastern Oregon
  '497': 'America/Menominee', '498': 'America/Menominee', '499': 'America/Menominee', // Michigan's Upper Peninsula
  '423': 'America/Chicago', '424': 'America/Chicago', // western Kentucky
};

export function recipientTimeZone(opts: { state?: string | null; zip?: string | null; fallback?: string }): string {
  const zip3 = opts.zip?.slice(0, 3);
  if (zip3 && ZIP3_TIME_ZONES[zip3]) return ZIP3_TIME_ZONES[zip3];
  return (opts.state && STATE_TIME_ZONES[opts.state.toUpperCase()]) || opts.fallback || 'America/New_York';
}

// Building a DateTimeFormat costs far more than using one; a send batch asks for the same few zones many times.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hour12: false, weekday: 'short', hour: 'numeric', minute: 'numeric' })));
  return f;
};

function localParts(at: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), hour: Number(get('hour')) % 24, minute: Number(get('minute')) };
}

function windowFor(state: string | null | undefined, weekday: string): Window {
  const rule = state ? STATE_WINDOWS[state.toUpperCase()] : undefined;
  if (!rule) return FEDERAL_WINDOW;
  if ('start' in rule) return rule;
  return weekday === 'Sun' ? rule.sunday : rule.weekday;
}

/** May a text reach this recipient now? */
export function isWithinSendWindow(at: Date, recipient: { state?: string | null; zip?: string | null }): boolean {
  const tz = recipientTimeZone(recipient);
  const { weekday, hour, minute } = localParts(at, tz);
  const w = windowFor(recipient.state, weekday);
  const minutes = hour * 60 + minute;
  return minutes >= w.start * 60 && minutes < w.end * 60;
}

/** The first moment at or after `at` when the recipient's window is open (scans by minute steps of 15). */
export function nextSendTime(at: Date, recipient: { state?: string | null; zip?: string | null }): Date {
  if (isWithinSendWindow(at, recipient)) return at;
  let t = new Date(Math.ceil(at.getTime() / 900_000) * 900_000);
  for (let i = 0; i < 4 * 48; i++) {
    if (isWithinSendWindow(t, recipient)) return t;
    t = new Date(t.getTime() + 900_000);
  }
  return t;
}

type Place = { state?: string | null; zip?: string | null };

/**
 * Where we do not know where the recipient is, the window must be open in every place they
 * might be (e.g. every state the affiliate serves): holding a text is better than waking
 * someone at 6 a.m.
 */
export function isWithinAllWindows(at: Date, places: Place[]): boolean {
  return places.every((p) => isWithinSendWindow(at, p));
}

/** The first moment at or after `at` when every place's window is open. */
export function nextSendTimeForAll(at: Date, places: Place[]): Date {
  let t = at;
  // Each step moves to the latest opening among the places; windows overlap within a day or two.
  for (let i = 0; i < 10 && !isWithinAllWindows(t, places); i++) {
    t = new Date(Math.max(...places.map((p) => nextSendTime(t, p).getTime())));
  }
  return t;
}

/** Places a recipient of an org may be in when their own is unknown: its states, or the four contiguous time zones. */
export const UNKNOWN_PLACE_FALLBACK = ['NY', 'IL', 'CO', 'CA'];
