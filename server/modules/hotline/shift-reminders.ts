import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { t, type Lang } from '../../platform/i18n/i18n.ts';
import { enqueueMessages, type OutgoingMessage } from '../messaging/index.ts';
import { memberships, organizations, users } from '../organizations/organizations.table.ts';
import { hotlineResponders } from './hotline.table.ts';
import { loadOverridesAround, loadShiftsAround } from './on-call.ts';
import { concreteIntervals, onCallAt } from './shift-times.ts';

/**
 * Shift reminders: a text to the responder's own phone, in their language, about
 * `REMINDER_LEAD_MINUTES` before each stretch of on-call time starts. A sweep every
 * `SWEEP_MINUTES` looks a little further ahead than the lead and queues each reminder with
 * `notBefore` = start − lead; the outbox's dedupe key (user + start instant) makes it once per
 * occurrence however many sweeps or worker processes see it. No reminder when the person
 * is already on call just before (a 24-hour shift running into the next one), nor when
 * they are `off` then. A shift about to start when first seen (created late, worker down)
 * is reminded at once; one already started is not.
 */
export const REMINDER_LEAD_MINUTES = 30;
export const SWEEP_MINUTES = 5;
const MINUTE = 60_000;

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US', es: 'es-US' };
const clock = (at: Date, lang: Lang, timeZone: string) => new Intl.DateTimeFormat(LOCALES[lang], { timeZone, hour: 'numeric', minute: '2-digit' }).format(at);

export async function sweepShiftReminders(deps: Deps, now = new Date()): Promise<{ queued: number }> {
  const db = deps.database.db;
  // Runs as the system (the table owner) across orgs, like routing: there is no actor.
  const profiles = await db
    .select({ orgId: hotlineResponders.orgId, userId: hotlineResponders.userId, phone: hotlineResponders.phoneE164, lang: users.language })
    .from(hotlineResponders)
    .innerJoin(users, eq(users.id, hotlineResponders.userId))
    .innerJoin(memberships, and(eq(memberships.userId, hotlineResponders.userId), eq(memberships.orgId, hotlineResponders.orgId)))
    .where(and(eq(hotlineResponders.active, true), isNotNull(hotlineResponders.phoneE164), isNull(users.disabledAt)));
  const byOrg = new Map<string, Map<string, { phone: string; lang: Lang }>>();
  for (const p of profiles) {
    if (!byOrg.has(p.orgId)) byOrg.set(p.orgId, new Map());
    byOrg.get(p.orgId)!.set(p.userId, { phone: p.phone!, lang: p.lang as Lang });
  }
  const horizon = new Date(now.getTime() + (REMINDER_LEAD_MINUTES + SWEEP_MINUTES + 1) * MINUTE);
  let queued = 0;
  for (const [orgId, people] of byOrg) {
    try {
      const [org] = await db.select({ name: organizations.name, timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
      const shifts = await loadShiftsAround(db, orgId, now, horizon);
      const overrides = await loadOverridesAround(db, orgId, new Date(now.getTime() - MINUTE), horizon);
      const zoneOf = new Map(shifts.map((s) => [s.id, s.timeZone]));
      const messages: OutgoingMessage[] = [];
      for (const i of concreteIntervals(shifts, overrides, now, horizon)) {
        const who = people.get(i.userId);
        if (!who || i.start <= now || i.start > horizon) continue;
        if (onCallAt(shifts, overrides, new Date(i.start.getTime() - 1)).has(i.userId)) continue;
        const sendAt = new Date(i.start.getTime() - REMINDER_LEAD_MINUTES * MINUTE);
        const body = t(who.lang, 'hotline_shifts.reminder', {
          org: org?.name ?? '',
          role: t(who.lang, `hotline_shifts.roles.${i.role}`),
          time: clock(i.start, who.lang, (i.shiftId && zoneOf.get(i.shiftId)) || org?.timeZone || 'America/New_York'),
        });
        messages.push({
          channel: 'sms',
          to: who.phone,
          lang: who.lang,
          body,
          // To a staff member's own phone about a shift they signed up for: quiet hours would hold
          // a 21:30 reminder for a 22:00 shift until morning, so it goes as a staff alert.
          kind: 'staff_alert',
          priority: 'high',
          dedupeKey: `hotline-shift-reminder:${i.userId}:${i.start.toISOString()}`,
          ...(sendAt > now ? { notBefore: sendAt } : {}),
        });
      }
      if (!messages.length) continue;
      // One reminder per user and start even if two shifts start together (say primary and coordinator).
      const unique = [...new Map(messages.map((m) => [m.dedupeKey, m])).values()];
      const result = await db.transaction((tx) => enqueueMessages(deps, tx, { orgId, messages: unique }));
      queued += result.ids.length;
    } catch (err) {
      // One org without a sending number must not stop the others' reminders.
      deps.log.error({ err, orgId }, 'shift reminders failed');
    }
  }
  return { queued };
}

/** Run the sweep every few minutes in the worker role; returns a stop function. */
export function startShiftReminders(deps: Deps): () => void {
  const run = () =>
    sweepShiftReminders(deps).then(
      ({ queued }) => queued && deps.log.info({ queued }, 'shift reminders queued'),
      (err) => deps.log.error({ err }, 'shift reminder sweep failed'),
    );
  const timer = setInterval(run, SWEEP_MINUTES * MINUTE);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
