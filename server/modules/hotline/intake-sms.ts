import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { enqueueMessages, inboundMessages, openBody, INBOUND_TEXT_QUEUE, type InboundTextJob, messagingSenders } from '../messaging/index.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { EMERGENCY_ALERT_QUEUE, type EmergencyAlertJob } from './emergency-alerts-queue.ts';
import { runEmergencyAlert } from './emergency-alerts.ts';
import { conversationEvents, hotlineSettings } from './hotline.table.ts';
import { AFTER_HOURS_TEXT, displayPhone, formatStaffedAt, SURGE_ACK_TEXT } from './intake-auto-replies.ts';
import { onCallResponders } from './on-call.ts';
import { expectedWaitMinutes } from './surge-wait.ts';
import { intakeMessage } from './intake.ts';
import type { RoutingMemo } from './routing.ts';
import { nextStaffedAt } from './routing-next-staffed.ts';

/**
 * Takes one text (recorded by messaging's webhook, handed over on INBOUND_TEXT_QUEUE) into
 * a conversation. Idempotent: the text's row is locked and skipped once it names its
 * conversation, so a retried or duplicated job changes nothing; with the unique index on
 * open conversations, a provider's retried webhook (one row, by MessageSid) and a retried
 * job both end in one conversation and one message.
 */
export async function takeInboundText(deps: Deps, job: InboundTextJob, now = new Date()): Promise<FiledText> {
  return deps.database.db.transaction((tx) => fileText(deps, tx, job, new Map(), now));
}

type FiledText = { conversationId: string | null; created: boolean };

/**
 * A batch of texts in one transaction, the schedule read once per affiliate (RoutingMemo):
 * in a surge this is what lets filing keep up with the webhooks. If any text fails, the
 * batch is rolled back and each is filed on its own, so one bad text holds up nobody.
 */
export async function takeInboundTexts(deps: Deps, jobs: InboundTextJob[], now = new Date()): Promise<void> {
  try {
    await deps.database.db.transaction(async (tx) => {
      const memo: RoutingMemo = new Map();
      // Affiliates in one order in every batch, so two workers take their routing locks alike and never deadlock.
      const inOrder = [...jobs].sort((a, b) => a.orgId.localeCompare(b.orgId));
      for (const job of inOrder) await fileText(deps, tx, job, memo, now);
    });
    return;
  } catch (err) {
    if (jobs.length === 1) throw err;
    deps.log.warn({ err, texts: jobs.length }, 'hotline intake batch failed; filing one by one');
  }
  let failure: unknown = null;
  for (const job of jobs) {
    try {
      await takeInboundText(deps, job, now);
    } catch (err) {
      deps.log.error({ err, inboundId: job.inboundId }, 'hotline intake failed; the job will be retried');
      failure ??= err;
    }
  }
  if (failure) throw failure;
}

async function fileText(deps: Deps, tx: Tx, job: InboundTextJob, memo: RoutingMemo, now: Date): Promise<FiledText> {
  const [msg] = await tx
    .select()
    .from(inboundMessages)
    .where(and(eq(inboundMessages.id, job.inboundId), eq(inboundMessages.orgId, job.orgId)))
    .for('update');
  if (!msg || msg.conversationId || msg.keyword) return { conversationId: msg?.conversationId ?? null, created: false };
  const result = await intakeMessage(deps, tx, {
    orgId: msg.orgId,
    channel: 'sms',
    contactAddress: msg.fromAddress,
    personId: msg.personId,
    senderId: msg.senderId,
    text: await openBody(deps.keyring, tx, msg.orgId, msg.body),
    // messaging sets it for a keyword (not here) or from the person's record: the record wins over the text
    lang: (msg.lang as Lang | null) ?? null,
    at: msg.receivedAt,
  }, memo);
  await tx.update(inboundMessages).set({ conversationId: result.conversationId, lang: msg.lang ?? result.lang }).where(eq(inboundMessages.id, msg.id));

  if (result.created && !result.staffedNow) {
    // After hours: tell them when we open and what to do if it cannot wait. Once per conversation (dedupe key).
    const [org] = await tx.select({ name: organizations.name, timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, msg.orgId));
    const [sender] = msg.senderId ? await tx.select({ phone: messagingSenders.phoneE164 }).from(messagingSenders).where(eq(messagingSenders.id, msg.senderId)) : [];
    const next = await nextStaffedAt(tx, msg.orgId, now);
    const lang = result.lang;
    const body = AFTER_HOURS_TEXT[lang]({
      org: org?.name ?? 'Haven',
      when: next ? formatStaffedAt(next, lang, org?.timeZone ?? 'America/New_York') : null,
      phone: displayPhone(sender?.phone ?? msg.toAddress),
    });
    const { ids } = await enqueueMessages(deps, tx, {
      orgId: msg.orgId,
      messages: [{
        channel: 'sms', to: msg.fromAddress, personId: msg.personId, lang, body, kind: 'reply', priority: 'high',
        senderId: msg.senderId ?? undefined, conversationId: result.conversationId, dedupeKey: `hotline-after-hours:${result.conversationId}`,
      }],
    });
    await tx.insert(conversationEvents).values({
      orgId: msg.orgId, conversationId: result.conversationId, kind: 'after_hours_reply',
      data: { messageId: ids[0] ?? null, nextStaffedAt: next?.toISOString() ?? null },
    });
  }
  if (result.created && result.staffedNow && (await surgeOn(tx, msg.orgId))) {
    // Surge mode: an immediate acknowledgement with the expected wait, once per conversation.
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, msg.orgId));
    const [sender] = msg.senderId ? await tx.select({ phone: messagingSenders.phoneE164 }).from(messagingSenders).where(eq(messagingSenders.id, msg.senderId)) : [];
    const minutes = await expectedWaitMinutes(tx, msg.orgId, (await onCallResponders(tx, msg.orgId, now)).length);
    const body = SURGE_ACK_TEXT[result.lang]({ org: org?.name ?? 'Haven', minutes, phone: displayPhone(sender?.phone ?? msg.toAddress) });
    const { ids } = await enqueueMessages(deps, tx, {
      orgId: msg.orgId,
      messages: [{
        channel: 'sms', to: msg.fromAddress, personId: msg.personId, lang: result.lang, body, kind: 'reply', priority: 'high',
        senderId: msg.senderId ?? undefined, conversationId: result.conversationId, dedupeKey: `hotline-surge-ack:${result.conversationId}`,
      }],
    });
    await tx.insert(conversationEvents).values({ orgId: msg.orgId, conversationId: result.conversationId, kind: 'surge_ack', data: { messageId: ids[0] ?? null, minutes } });
  }
  return { conversationId: result.conversationId, created: result.created };
}

async function surgeOn(tx: Parameters<typeof expectedWaitMinutes>[0], orgId: string) {
  const [s] = await tx.select({ surge: hotlineSettings.surge }).from(hotlineSettings).where(eq(hotlineSettings.orgId, orgId));
  return s?.surge === true;
}

/**
 * The hotline's job loops (worker role): texts into conversations, and the emergency alert
 * checks. If a batch fails it is retried, which is safe because both handlers skip what is
 * already done.
 */
export async function startHotlineWorkers(deps: Deps) {
  await deps.jobs.work<InboundTextJob>(INBOUND_TEXT_QUEUE, { batchSize: 25, burstWhenBatchFull: true, localConcurrency: 1, pollingIntervalSeconds: 0.5 }, (jobs) =>
    takeInboundTexts(deps, jobs.map((j) => j.data)),
  );
  await deps.jobs.work<EmergencyAlertJob>(EMERGENCY_ALERT_QUEUE, { batchSize: 5, localConcurrency: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) await runEmergencyAlert(deps, job.data);
  });
}
