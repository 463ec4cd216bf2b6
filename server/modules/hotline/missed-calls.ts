import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { CALL_ENDED_QUEUE, type CallEndedJob, voiceCalls } from '../messaging/index.ts';
import { callbackTasks, conversations } from './hotline.table.ts';
import { addCallback } from './ivr.ts';

/**
 * A caller who hangs up before anyone takes the call — while the responders' phones ring,
 * during the surge message, before the voicemail beep — is owed a call back as much as one
 * who left a message. Messaging hands over the end of every inbound call (CALL_ENDED_QUEUE,
 * queued by the status callback that ends it); the call goes into the callback queue as
 * 'missed' when it
 *  - joined a conversation: the caller got past the language menu (a hang-up at the menu
 *    is counted by the reports but gets no callback: we cannot tell a caller from a misdial),
 *  - was never taken by a responder (nobody pressed 1 after the whisper), and
 *  - left no message: no recording, no voicemail or surge callback for it.
 * The last two are the reports' "missed" (reports.ts). Its emergency mark is the
 * conversation's. A retried job adds nothing: one callback per call and reason.
 */
export async function takeEndedCall(deps: Deps, job: CallEndedJob): Promise<{ callbackId: string | null }> {
  const db = deps.database.db;
  const none = { callbackId: null };
  const [call] = await db.select().from(voiceCalls).where(and(eq(voiceCalls.orgId, job.orgId), eq(voiceCalls.providerId, job.callSid)));
  if (!call?.conversationId || call.answeredAt || call.recordingUrl) return none;
  // The call's callbacks are filed in the conversation's affiliate, which for the national number is not the call's org.
  const left = await db.select({ id: callbackTasks.id }).from(callbackTasks).where(and(eq(callbackTasks.callSid, job.callSid), inArray(callbackTasks.reason, ['voicemail', 'surge']))).limit(1);
  if (left.length) return none;
  const [conv] = await db.select({ orgId: conversations.orgId, lang: conversations.lang, urgency: conversations.urgency }).from(conversations).where(eq(conversations.id, call.conversationId));
  if (!conv) return none;
  const added = await addCallback(
    deps,
    { org: conv.orgId, lang: call.lang ?? conv.lang, emergency: conv.urgency === 'emergency' },
    { callSid: job.callSid, phone: call.fromAddress, reason: 'missed', recordingUrl: null },
  );
  return { callbackId: added?.id ?? null };
}

/** The worker's loop over ended calls. A failed job is retried, which is safe: a call already handled adds nothing. */
export async function startMissedCallWorker(deps: Deps) {
  await deps.jobs.work<CallEndedJob>(CALL_ENDED_QUEUE, { batchSize: 10, localConcurrency: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    let failure: unknown = null;
    for (const job of jobs) {
      try {
        await takeEndedCall(deps, job.data);
      } catch (err) {
        deps.log.error({ err, callSid: job.data.callSid }, 'missed-call callback failed; the job will be retried');
        failure ??= err;
      }
    }
    if (failure) throw failure;
  });
}
