import { and, asc, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { consentFor, enqueueMessages, messagingSenders, outboundMessages, type OutgoingMessage } from '../messaging/index.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { people } from '../people/index.ts';
import { dacaRecords, dacaReminders } from './cases.table.ts';
import { dacaReference } from './daca-records.ts';
import type { DacaReference } from './daca-reference.ts';
import { dacaPlan } from './daca-rules.ts';

/**
 * The daily DACA reminder run (DESIGN §4: file 150–120 days before the EAD expires). Takes
 * the scheduled daca_reminders rows that fell due (setDaca wrote them at 180/150/120 days)
 * and, for each, texts or emails the person in their language:
 *
 * - only with consent: the latest applicable event on the consent ledger for that channel
 *   (this org's 'affiliate' events and 'network' ones, topic 'all' or 'daca') must be an
 *   opt-in. SMS first, email second; neither → 'skipped_no_consent' (staff see it on the
 *   renewals list and call instead). The outbox re-checks opt-outs at send time.
 * - kind 'notification': the outbox holds it for quiet hours in the person's state.
 * - once: the outbox dedupe key is the reminder id, and the message and the reminder's
 *   'sent' commit in one transaction; rows are claimed FOR UPDATE SKIP LOCKED so two
 *   workers never take the same reminder.
 * - never stale: an expiry that was filed (daca_records.filed_on), changed since, or has
 *   already passed cancels its reminders; when several fell due at once (the worker was
 *   down), only the latest goes and the older ones are cancelled — one text, not three.
 *
 * Runs as the system (table owner, across orgs), like the hotline's retention and routing.
 * "Today" is the UTC date, as in setDaca: reminders are weeks apart, a day either way is fine.
 */
export const DACA_TOPIC = 'daca';
const BATCH = 500;
/** The outbox's natural key for a reminder: once per reminder, however many runs or workers see it. */
export const dacaReminderDedupeKey = (reminderId: string) => `daca-reminder:${reminderId}`;
const keyOf = dacaReminderDedupeKey;

export interface ReminderRunResult {
  sent: number;
  skipped: number;
  cancelled: number;
}

export async function sendDueDacaReminders(deps: Deps, now = new Date()): Promise<ReminderRunResult> {
  const db = deps.database.db;
  const today = now.toISOString().slice(0, 10);
  const total: ReminderRunResult = { sent: 0, skipped: 0, cancelled: 0 };
  const orgs = await db
    .selectDistinct({ orgId: dacaReminders.orgId })
    .from(dacaReminders)
    .where(and(eq(dacaReminders.status, 'scheduled'), lte(dacaReminders.dueOn, today)));
  if (!orgs.length) return total;
  const ref = await dacaReference(db);
  for (const { orgId } of orgs) {
    try {
      // Batches until a short one: a big affiliate's first run after an import may hold thousands.
      for (let i = 0; i < 100; i++) {
        const r = await db.transaction((tx) => runOrgBatch(deps, tx, orgId, today, ref));
        total.sent += r.sent;
        total.skipped += r.skipped;
        total.cancelled += r.cancelled;
        if (r.claimed < BATCH) break;
      }
    } catch (err) {
      // One affiliate without a sending number must not stop the others' reminders; its own stay scheduled for tomorrow.
      deps.log.error({ err, orgId }, 'DACA reminders failed');
    }
  }
  return total;
}

async function runOrgBatch(deps: Deps, tx: DbOrTx, orgId: string, today: string, ref: DacaReference): Promise<ReminderRunResult & { claimed: number }> {
  const due = await tx
    .select({
      id: dacaReminders.id,
      recordId: dacaReminders.dacaRecordId,
      expiresOn: dacaReminders.expiresOn,
      daysBefore: dacaReminders.daysBefore,
      recordExpiresOn: dacaRecords.expiresOn,
      filedOn: dacaRecords.filedOn,
      personId: people.id,
      phone: people.phoneE164,
      email: people.email,
      lang: people.preferredLanguage,
    })
    .from(dacaReminders)
    .innerJoin(dacaRecords, eq(dacaRecords.id, dacaReminders.dacaRecordId))
    .innerJoin(people, eq(people.id, dacaRecords.personId))
    .where(and(eq(dacaReminders.orgId, orgId), eq(dacaReminders.status, 'scheduled'), lte(dacaReminders.dueOn, today)))
    .orderBy(asc(dacaReminders.dacaRecordId), asc(dacaReminders.daysBefore))
    .limit(BATCH)
    .for('update', { of: dacaReminders, skipLocked: true });
  if (!due.length) return { sent: 0, skipped: 0, cancelled: 0, claimed: 0 };

  // Per record: the reminder with the fewest days left is the one worth sending.
  const cancel: string[] = [];
  const toSend = new Map<string, (typeof due)[number]>();
  for (const r of due) {
    const stale = r.filedOn !== null || r.expiresOn !== r.recordExpiresOn || r.expiresOn < today;
    if (stale) cancel.push(r.id);
    else if (toSend.has(r.recordId)) cancel.push(r.id); // ordered by days_before: the first one kept is the latest
    else toSend.set(r.recordId, r);
  }

  const reminders = [...toSend.values()];
  const phones = reminders.map((r) => r.phone).filter((p): p is string => Boolean(p));
  const emails = reminders.map((r) => r.email?.toLowerCase()).filter((e): e is string => Boolean(e));
  const smsConsent = await consentFor(tx, { orgId, channel: 'sms', topic: DACA_TOPIC, addresses: [...new Set(phones)] });
  const emailConsent = await consentFor(tx, { orgId, channel: 'email', topic: DACA_TOPIC, addresses: [...new Set(emails)] });

  const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  const [sender] = await tx
    .select({ phone: messagingSenders.phoneE164 })
    .from(messagingSenders)
    .where(and(eq(messagingSenders.orgId, orgId), isNotNull(messagingSenders.phoneE164)))
    .orderBy(desc(messagingSenders.isDefault), asc(messagingSenders.createdAt))
    .limit(1);

  const skipped: string[] = [];
  const messages: OutgoingMessage[] = [];
  for (const r of reminders) {
    const email = r.email?.toLowerCase();
    const channel = r.phone && smsConsent.get(r.phone)?.status === 'opted_in' ? 'sms' : email && emailConsent.get(email)?.status === 'opted_in' ? 'email' : null;
    if (!channel) {
      skipped.push(r.id);
      continue;
    }
    const plan = dacaPlan({ expiresOn: r.expiresOn, today, ref });
    const text = dacaReminderText(r.lang, {
      org: org?.name ?? '',
      expiresOn: r.expiresOn,
      windowOpensOn: plan.state === 'not_yet' ? plan.windowOpensOn : null,
      ref,
      phone: sender?.phone ?? null,
      channel,
    });
    messages.push({
      channel,
      to: channel === 'sms' ? r.phone! : email!,
      personId: r.personId,
      lang: r.lang,
      body: text.body,
      ...(channel === 'email' ? { subject: text.subject } : {}),
      kind: 'notification',
      topic: DACA_TOPIC,
      dedupeKey: keyOf(r.id),
    });
  }

  const messageIds = new Map<string, string>();
  if (messages.length) {
    await enqueueMessages(deps, tx, { orgId, messages });
    // Looked up by key rather than taken from the insert: a key queued by an earlier, interrupted run yields no new id.
    const rows = await tx
      .select({ id: outboundMessages.id, key: outboundMessages.dedupeKey })
      .from(outboundMessages)
      .where(and(eq(outboundMessages.orgId, orgId), inArray(outboundMessages.dedupeKey, messages.map((m) => m.dedupeKey!))));
    for (const row of rows) messageIds.set(row.key!, row.id);
  }
  for (const r of reminders) {
    const id = messageIds.get(keyOf(r.id));
    if (id) await tx.update(dacaReminders).set({ status: 'sent', messageId: id }).where(eq(dacaReminders.id, r.id));
  }
  if (skipped.length) await tx.update(dacaReminders).set({ status: 'skipped_no_consent' }).where(inArray(dacaReminders.id, skipped));
  if (cancel.length) await tx.update(dacaReminders).set({ status: 'cancelled' }).where(inArray(dacaReminders.id, cancel));
  const result = { sent: messageIds.size, skipped: skipped.length, cancelled: cancel.length };
  await appendAudit(tx, {
    orgId, actorUserId: null, actorLabel: 'system:daca-reminders', action: 'daca.reminders_run', entityType: 'organization', entityId: orgId,
    details: { ...result }, ip: null, requestId: null,
  });
  return { ...result, claimed: due.length };
}

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US', es: 'es-US' };

/** A calendar day in the person's language: "March 1, 2027", "1 de marzo de 2027", "2027년 3월 1일". */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** +17735550100 → (773) 555-0100; other countries stay in E.164. */
export function displayPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/**
 * Spanish texts drop the accents on a i o u for SMS: any of á í ó ú makes the whole text
 * UCS-2 (70 characters a part instead of 160), turning a two-part reminder into four. é ñ ü
 * are GSM-7 and stay. Email keeps the accents. Korean is UCS-2 whatever we do.
 */
export function gsmSpanish(text: string): string {
  return text.replace(/[áíóúÁÍÓÚ]/g, (c) => ({ á: 'a', í: 'i', ó: 'o', ú: 'u', Á: 'A', Í: 'I', Ó: 'O', Ú: 'U' })[c]!);
}

/**
 * The reminder. Before the filing window opens (the 180-day reminder) it says to get ready
 * and from when to file, since USCIS may reject a renewal that arrives too early; from the
 * window on it says the time is now. Hyphen, not en dash, in "120-150": the dash is not GSM-7.
 * English and Spanish fit two GSM-7 parts with a usual affiliate name; Korean, two or three UCS-2 parts.
 */
export function dacaReminderText(
  lang: Lang,
  a: { org: string; expiresOn: string; windowOpensOn: string | null; ref: DacaReference; phone: string | null; channel: 'sms' | 'email' },
): { body: string; subject: string } {
  const date = longDate(a.expiresOn, lang);
  const from = a.ref.filingWindow.closesDaysBefore;
  const to = a.ref.filingWindow.opensDaysBefore;
  const opens = a.windowOpensOn ? longDate(a.windowOpensOn, lang) : null;
  const phone = a.phone ? displayPhone(a.phone) : null;
  const texts: Record<Lang, { subject: string; head: string; when: string; contact: string }> = {
    en: {
      subject: 'Your DACA renewal',
      head: `${a.org}: your DACA work permit expires on ${date}.`,
      when: opens
        ? `Start your renewal now: USCIS recommends filing ${from}-${to} days before, from ${opens}.`
        : `The best time to file your renewal is now (USCIS recommends ${from}-${to} days before).`,
      contact: phone ? `Call us at ${phone} or reply to this message.` : 'Reply to this message to reach us.',
    },
    es: {
      subject: 'Su renovación de DACA',
      head: `${a.org}: su permiso de trabajo de DACA vence el ${date}.`,
      when: opens
        ? `Prepare su renovación ahora: USCIS recomienda presentarla ${from}-${to} días antes, a partir del ${opens}.`
        : `El mejor momento para presentar su renovación es ahora (USCIS recomienda ${from}-${to} días antes).`,
      contact: phone ? `Llámenos al ${phone} o responda a este mensaje.` : 'Responda a este mensaje para hablar con nosotros.',
    },
    ko: {
      subject: 'DACA 갱신 안내',
      head: `${a.org}: DACA 노동허가가 ${date}에 만료됩니다.`,
      when: opens
        ? `지금 갱신을 준비하세요(USCIS 권장: 만료 ${from}~${to}일 전, ${opens}부터).`
        : `지금이 갱신을 신청하기 가장 좋은 때입니다(USCIS 권장: 만료 ${from}~${to}일 전).`,
      contact: phone ? `전화 ${phone} 또는 이 메시지에 답장해 주세요.` : '이 메시지에 답장해 주세요.',
    },
  };
  const t = texts[lang];
  const body = `${t.head} ${t.when} ${t.contact}`;
  return { subject: t.subject, body: a.channel === 'sms' && lang === 'es' ? gsmSpanish(body) : body };
}

/** Run at worker start and then daily; returns a stop function. */
export function startDacaReminders(deps: Deps): () => void {
  const run = () =>
    sendDueDacaReminders(deps).then(
      (r) => (r.sent || r.skipped || r.cancelled) && deps.log.info(r, 'DACA reminders run'),
      (err) => deps.log.error({ err }, 'DACA reminder run failed'),
    );
  const timer = setInterval(run, 24 * 60 * 60_000);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
