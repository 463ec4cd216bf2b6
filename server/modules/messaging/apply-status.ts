import { eq, sql } from 'drizzle-orm';
import type { MessageStatusCallback } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import { publish } from '../../platform/realtime/index.ts';
import { outboundMessages, voiceCalls } from './messaging.table.ts';
import { CALL_ENDED_QUEUE, type CallEndedJob } from './queues.ts';
import { actOnPermanentFailure } from './send-batch.ts';

/** Provider statuses on our scale; a message only moves up it, so a late or repeated callback changes nothing. */
const RANK: Record<string, number> = { queued: 1, accepted: 1, scheduled: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4, read: 4, canceled: 4 };
const OURS: Record<string, 'sent' | 'delivered' | 'undelivered' | 'failed' | null> = {
  sent: 'sent', delivered: 'delivered', read: 'delivered', undelivered: 'undelivered', failed: 'failed', canceled: 'failed',
};

/**
 * A message status callback. `messageRef` is our outbox id from the callback URL: if the
 * sender died before recording the provider's id, the callback adopts it here.
 */
export async function applyMessageStatus(deps: Deps, cb: MessageStatusCallback, messageRef: string | null): Promise<{ changed: boolean }> {
  const target = OURS[cb.status];
  return deps.database.db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(outboundMessages)
      .where(messageRef ? eq(outboundMessages.id, messageRef) : eq(outboundMessages.providerId, cb.messageSid))
      .for('update');
    if (!m || (m.providerId && m.providerId !== cb.messageSid)) return { changed: false };
    const adopt = m.providerId === null;
    const rankNow = m.status === 'queued' ? 0 : m.status === 'sending' ? 2 : (RANK[m.status] ?? 0);
    const moves = target !== null && (RANK[cb.status] ?? 0) > rankNow;
    if (!adopt && !moves) return { changed: false };
    const final = target === 'delivered' || target === 'undelivered' || target === 'failed';
    await tx
      .update(outboundMessages)
      .set({
        providerId: cb.messageSid,
        ...(moves ? { status: target!, ...(final ? { finalAt: new Date() } : {}) } : adopt && m.status === 'sending' ? { status: 'sent' as const } : {}),
        ...(m.sentAt ? {} : { sentAt: new Date() }),
        ...(cb.error ? { errorCode: cb.error.code, statusReason: cb.error.reason } : {}),
      })
      .where(eq(outboundMessages.id, m.id));
    if (cb.error?.permanent) await actOnPermanentFailure(tx, m.orgId, m, cb.error.code, cb.error.reason);
    // A reply in a hotline conversation: the open inbox shows its delivery status move (an id and a kind, no text).
    if (moves && m.conversationId) await publish(tx, { orgId: m.orgId, topic: 'hotline.conversation', data: { id: m.conversationId, change: 'message' } });
    return { changed: true };
  });
}

/** A call's last statuses: the provider sends one of them once, when the call is over. */
const CALL_ENDED = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * A call status callback: the call's status follows the provider's until the call ends, and
 * then stays (a retried or late callback changes nothing). The callback that ends an inbound
 * call hands it to the hotline by a job queued in the same transaction (CALL_ENDED_QUEUE, see
 * queues.ts): only that one callback queues it, so there is one job per call.
 */
export async function applyCallStatus(deps: Deps, q: { callSid: string; status: string }): Promise<{ changed: boolean; ended: boolean }> {
  return deps.database.db.transaction(async (tx) => {
    const [call] = await tx
      .select({ id: voiceCalls.id, orgId: voiceCalls.orgId, direction: voiceCalls.direction, status: voiceCalls.status })
      .from(voiceCalls)
      .where(eq(voiceCalls.providerId, q.callSid))
      .for('update');
    if (!call || CALL_ENDED.has(call.status)) return { changed: false, ended: false };
    await tx.update(voiceCalls).set({ status: q.status, updatedAt: sql`now()` }).where(eq(voiceCalls.id, call.id));
    const ended = CALL_ENDED.has(q.status);
    if (ended && call.direction === 'inbound') {
      await deps.jobs.enqueue<CallEndedJob>(tx, CALL_ENDED_QUEUE, [{ data: { orgId: call.orgId, callSid: q.callSid } }]);
    }
    return { changed: true, ended };
  });
}
