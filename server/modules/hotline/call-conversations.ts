import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { publish } from '../../platform/realtime/index.ts';
import { voiceCalls } from '../messaging/index.ts';
import { people } from '../people/index.ts';
import { scheduleEmergencyAlert } from './emergency-alerts.ts';
import { conversationEvents, conversations } from './hotline.table.ts';
import { intakeMessage } from './intake.ts';

/**
 * A call joins the caller's conversation like a text does: once the language is known (the
 * menu), the call opens or joins the open conversation for that phone in the affiliate the
 * call is for, and the inbox shows it. What happens on the line after that — an emergency
 * key, a responder taking the call, a voicemail — is written on the conversation too.
 */
export async function linkCallToConversation(deps: Deps, q: { orgId: string; callSid: string; from: string; lang: Lang; senderId: string | null }) {
  await deps.database.db.transaction(async (tx) => {
    const [call] = await tx.select({ conversationId: voiceCalls.conversationId }).from(voiceCalls).where(eq(voiceCalls.providerId, q.callSid));
    if (call?.conversationId) return; // a retried webhook
    const [person] = await tx.select({ id: people.id }).from(people).where(and(eq(people.orgId, q.orgId), eq(people.phoneE164, q.from))).limit(1);
    const r = await intakeMessage(deps, tx, { orgId: q.orgId, channel: 'voice', contactAddress: q.from, personId: person?.id ?? null, senderId: q.senderId, text: '', lang: q.lang, at: new Date() });
    await tx.update(voiceCalls).set({ conversationId: r.conversationId, personId: person?.id ?? null, updatedAt: new Date() }).where(eq(voiceCalls.providerId, q.callSid));
    await tx.insert(conversationEvents).values({ orgId: q.orgId, conversationId: r.conversationId, kind: 'call', data: { callSid: q.callSid, lang: q.lang } });
  });
}

async function conversationOf(deps: Deps, callSid: string) {
  const [c] = await deps.database.db.select({ conversationId: voiceCalls.conversationId }).from(voiceCalls).where(eq(voiceCalls.providerId, callSid));
  return c?.conversationId ?? null;
}

/** The caller pressed 9: the conversation becomes an emergency and the coordinator's alert clock starts. */
export async function markCallEmergency(deps: Deps, q: { orgId: string; callSid: string }) {
  const id = await conversationOf(deps, q.callSid);
  if (!id) return;
  await deps.database.db.transaction(async (tx) => {
    const [was] = await tx.select({ urgency: conversations.urgency, firstResponseAt: conversations.firstResponseAt }).from(conversations).where(and(eq(conversations.id, id), eq(conversations.orgId, q.orgId)));
    if (!was || was.urgency === 'emergency') return;
    await tx.update(conversations).set({ urgency: 'emergency' }).where(eq(conversations.id, id));
    await tx.insert(conversationEvents).values({ orgId: q.orgId, conversationId: id, kind: 'escalated', data: { from: was.urgency, to: 'emergency', reason: 'emergency_key' } });
    if (!was.firstResponseAt) await scheduleEmergencyAlert(deps, tx, { orgId: q.orgId, conversationId: id });
    await publish(tx, { orgId: q.orgId, topic: 'hotline.conversation', data: { id, change: 'updated' } });
  });
}

/** A responder pressed 1: the conversation is theirs, and a person has answered (first response). */
export async function callAnswered(deps: Deps, q: { orgId: string; callSid: string; userId: string | null }) {
  const id = await conversationOf(deps, q.callSid);
  if (!id) return;
  await deps.database.db.transaction(async (tx) => {
    await tx
      .update(conversations)
      .set({
        firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, now())`,
        lastActivityAt: new Date(),
        ...(q.userId ? { assignedTo: q.userId, assignedAt: new Date() } : {}),
      })
      .where(and(eq(conversations.id, id), eq(conversations.orgId, q.orgId)));
    await tx.insert(conversationEvents).values({ orgId: q.orgId, conversationId: id, kind: 'call_answered', actorId: q.userId, data: { callSid: q.callSid } });
    await publish(tx, { orgId: q.orgId, topic: 'hotline.conversation', data: { id, change: 'assigned' } });
  });
}

/** Why a call is in the callback queue, and what its conversation's timeline says about it. */
export type CallCallbackReason = 'voicemail' | 'surge' | 'missed';
const CALLBACK_EVENT: Record<CallCallbackReason, string> = { voicemail: 'voicemail', surge: 'callback_requested', missed: 'call_missed' };

/**
 * The conversation a callback belongs to (the call's), with a timeline entry for the
 * voicemail, the callback request or the missed call; in the caller's transaction, so the
 * callback and its entry are written together.
 */
export async function noteCallback(tx: DbOrTx, q: { orgId: string; callSid: string; reason: CallCallbackReason }): Promise<string | null> {
  const [c] = await tx.select({ conversationId: voiceCalls.conversationId }).from(voiceCalls).where(eq(voiceCalls.providerId, q.callSid));
  const id = c?.conversationId ?? null;
  if (!id) return null;
  await tx.insert(conversationEvents).values({ orgId: q.orgId, conversationId: id, kind: CALLBACK_EVENT[q.reason], data: { callSid: q.callSid } });
  await tx.update(conversations).set({ lastActivityAt: new Date() }).where(eq(conversations.id, id));
  await publish(tx, { orgId: q.orgId, topic: 'hotline.conversation', data: { id, change: 'message' } });
  return id;
}
