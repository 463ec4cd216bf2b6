import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { isLang, type Lang } from '../../platform/i18n/i18n.ts';
import { publish } from '../../platform/realtime/index.ts';
import { enqueueMessages, messagingSenders } from '../messaging/index.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { EMERGENCY_ALERT_QUEUE, type EmergencyAlertJob } from './emergency-alerts-queue.ts';
import { conversationEvents, conversations, hotlineSettings } from './hotline.table.ts';
import { onCallResponders } from './on-call.ts';

/**
 * An emergency conversation that nobody on staff has answered within
 * hotline_settings.emergency_alert_seconds (default 120) texts the on-call coordinator once.
 *
 * How: when a conversation becomes an emergency (emergency words in a text or the form, or
 * a responder's triage), a delayed job is queued in the same transaction, due at that
 * moment plus the delay. When it runs it checks, in one UPDATE, that the conversation is
 * still open, still an emergency, still without a human reply and not alerted yet, and
 * stamps `emergency_alerted_at`: a job retried, run twice or queued twice alerts once.
 * The text goes in the outbox as kind 'staff_alert' (priority lane, never held by quiet
 * hours) to the coordinators on call with a phone on their responder profile — or, with no
 * coordinator on call, to the backups — in each one's own language. It names no member and
 * quotes nothing they wrote: it is a staff member's personal phone.
 *
 * In a surge hundreds of emergencies can go unanswered at once; a phone buzzing hundreds of
 * times helps nobody. So each person gets at most one alert per ALERT_WINDOW_MS, and when
 * more than one emergency is waiting it gives their number and points at the inbox's
 * emergency view. Every conversation is still stamped and its timeline says who was told.
 */
const ALERT_WINDOW_MS = 5 * 60_000;

export async function emergencyAlertSeconds(db: DbOrTx, orgId: string): Promise<number> {
  const [s] = await db.select({ seconds: hotlineSettings.emergencyAlertSeconds }).from(hotlineSettings).where(eq(hotlineSettings.orgId, orgId));
  return s?.seconds ?? 120;
}

/** Queue the check for `delay` from now, in the caller's transaction. */
export async function scheduleEmergencyAlert(deps: Deps, tx: DbOrTx, input: EmergencyAlertJob) {
  const seconds = await emergencyAlertSeconds(tx, input.orgId);
  await deps.jobs.enqueue<EmergencyAlertJob>(tx, EMERGENCY_ALERT_QUEUE, [{ data: input, startAfter: new Date(Date.now() + seconds * 1000) }]);
}

const wait = (seconds: number, lang: Lang) => {
  if (seconds < 60) return { ko: `${seconds}초`, en: `${seconds} s`, es: `${seconds} s` }[lang];
  const m = Math.round(seconds / 60);
  return { ko: `${m}분`, en: `${m} min`, es: `${m} min` }[lang];
};

/** Plain GSM-7 where the language allows it (no accents in Spanish), like the keyword replies. */
export const EMERGENCY_ALERT_TEXT: Record<Lang, (a: { org: string; waited: string; lang: string; link: string }) => string> = {
  en: (a) => `${a.org} hotline: an EMERGENCY conversation (${a.lang}) has had no reply for ${a.waited}. Please answer or assign it now: ${a.link}`,
  ko: (a) => `${a.org} 핫라인: 긴급 대화(${a.lang})에 ${a.waited}째 답변이 없습니다. 지금 답변하거나 배정해 주세요: ${a.link}`,
  es: (a) => `${a.org} linea de ayuda: una conversacion de EMERGENCIA (${a.lang}) lleva ${a.waited} sin respuesta. Respondala o asignela ahora: ${a.link}`,
};

/** Several at once (a surge): how many, and the inbox filtered to emergencies. */
export const EMERGENCY_ALERTS_TEXT: Record<Lang, (a: { org: string; count: number; link: string }) => string> = {
  en: (a) => `${a.org} hotline: ${a.count} EMERGENCY conversations are waiting for a reply. Please answer or assign them now: ${a.link}`,
  ko: (a) => `${a.org} 핫라인: 긴급 대화 ${a.count}건이 답변을 기다리고 있습니다. 지금 답변하거나 배정해 주세요: ${a.link}`,
  es: (a) => `${a.org} linea de ayuda: ${a.count} conversaciones de EMERGENCIA esperan respuesta. Respondalas o asignelas ahora: ${a.link}`,
};

export async function runEmergencyAlert(deps: Deps, job: EmergencyAlertJob, now = new Date()): Promise<{ alerted: number }> {
  return deps.database.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(conversations)
      .set({ emergencyAlertedAt: now })
      .where(
        and(
          eq(conversations.id, job.conversationId),
          eq(conversations.orgId, job.orgId),
          eq(conversations.status, 'open'),
          eq(conversations.urgency, 'emergency'),
          isNull(conversations.firstResponseAt),
          isNull(conversations.emergencyAlertedAt),
        ),
      )
      .returning();
    if (!claimed) return { alerted: 0 };
    const event = (kind: string, data: Record<string, unknown>) =>
      tx.insert(conversationEvents).values({ orgId: job.orgId, conversationId: job.conversationId, kind, data });

    const onCall = await onCallResponders(tx, job.orgId, now);
    const holds = (r: (typeof onCall)[number], role: 'coordinator' | 'backup') => (r.roles ?? [r.role]).includes(role);
    let to = onCall.filter((r) => holds(r, 'coordinator') && r.phoneE164);
    if (!to.length) to = onCall.filter((r) => holds(r, 'backup') && r.phoneE164);
    const sender = await usableSender(tx, job.orgId, claimed.senderId);
    if (!to.length || !sender) {
      // Nobody to text: leave the conversation unstamped (the column means "the coordinator was texted") and say why in its timeline.
      await tx.update(conversations).set({ emergencyAlertedAt: null }).where(eq(conversations.id, job.conversationId));
      await event('emergency_alert_undelivered', { reason: sender ? 'nobody_on_call_with_phone' : 'no_sender' });
      await publish(tx, { orgId: job.orgId, topic: 'hotline.conversation', data: { id: job.conversationId, change: 'updated' } });
      return { alerted: 0 };
    }
    const langs = new Map(
      (await tx.select({ id: users.id, language: users.language }).from(users).where(inArray(users.id, to.map((r) => r.userId)))).map((u) => [u.id, u.language]),
    );
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, job.orgId));
    const waited = Math.max(1, Math.round((now.getTime() - claimed.firstInboundAt.getTime()) / 1000));
    const waiting = await waitingEmergencies(tx, job.orgId);
    // the inbox's conversation page, or its emergency view (web/src/app/paths.ts; inbox-options.ts reads ?urgency)
    const link = waiting > 1 ? `${deps.config.publicUrl}/hotline?urgency=emergency` : `${deps.config.publicUrl}/hotline/${job.conversationId}`;
    const window = Math.floor(now.getTime() / ALERT_WINDOW_MS);
    const sent = await enqueueMessages(deps, tx, {
      orgId: job.orgId,
      messages: to.map((r) => {
        const lang: Lang = isLang(langs.get(r.userId)) ? (langs.get(r.userId) as Lang) : 'en';
        const name = org?.name ?? 'Haven';
        return {
          channel: 'sms' as const,
          to: r.phoneE164!,
          lang,
          body: waiting > 1
            ? EMERGENCY_ALERTS_TEXT[lang]({ org: name, count: waiting, link })
            : EMERGENCY_ALERT_TEXT[lang]({ org: name, waited: wait(waited, lang), lang: claimed.lang.toUpperCase(), link }),
          kind: 'staff_alert' as const,
          priority: 'high' as const,
          senderId: sender,
          // One per person per window: later emergencies in the window are covered by this text's count or by the next window's.
          dedupeKey: `emergency-alert:${r.userId}:${window}`,
        };
      }),
    });
    if (!sent.ids.length) {
      // Everyone was texted in this window already (about fewer emergencies): look again when it ends, with the count then.
      await tx.update(conversations).set({ emergencyAlertedAt: null }).where(eq(conversations.id, job.conversationId));
      await deps.jobs.enqueue<EmergencyAlertJob>(tx, EMERGENCY_ALERT_QUEUE, [{ data: job, startAfter: new Date((window + 1) * ALERT_WINDOW_MS + 1000) }]);
      return { alerted: 0 };
    }
    await event('emergency_alerted', { to: to.map((r) => r.userId), afterSeconds: waited });
    await publish(tx, { orgId: job.orgId, topic: 'hotline.conversation', data: { id: job.conversationId, change: 'updated' } });
    return { alerted: to.length };
  });
}

/** Open emergencies nobody on staff has answered yet (this one included). */
async function waitingEmergencies(tx: DbOrTx, orgId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.status, 'open'), eq(conversations.urgency, 'emergency'), isNull(conversations.firstResponseAt)));
  return Number(r?.n ?? 0);
}

/** The conversation's hotline number if it still exists, else the org's default (or any) sender; null when the org has none. */
export async function usableSender(db: DbOrTx, orgId: string, preferred: string | null): Promise<string | null> {
  const rows = await db
    .select({ id: messagingSenders.id })
    .from(messagingSenders)
    .where(eq(messagingSenders.orgId, orgId))
    .orderBy(sql`${messagingSenders.id} = ${preferred ?? '00000000-0000-0000-0000-000000000000'} desc`, sql`${messagingSenders.isDefault} desc`, messagingSenders.createdAt)
    .limit(1);
  return rows[0]?.id ?? null;
}
