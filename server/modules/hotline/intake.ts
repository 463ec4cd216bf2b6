import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Deps } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { publish } from '../../platform/realtime/index.ts';
import { scheduleEmergencyAlert } from './emergency-alerts.ts';
import { conversationEvents, conversations, type URGENCIES } from './hotline.table.ts';
import { detectEmergency, detectLanguage } from './language-detect.ts';
import { routeConversation, type RoutingMemo } from './routing.ts';

type Urgency = (typeof URGENCIES)[number];

export interface IntakeInput {
  orgId: string;
  channel: 'sms' | 'voice' | 'web';
  /** E.164 phone, or a lower-case email for a web request without a phone. */
  contactAddress: string;
  personId: string | null;
  /** The hotline number it came in on (replies go out from it). */
  senderId: string | null;
  text: string;
  /** A language known for sure (the web form's choice, the person's record); null → read it from the text. */
  lang: Lang | null;
  at: Date;
}

export interface IntakeResult {
  conversationId: string;
  created: boolean;
  lang: Lang;
  urgency: Urgency;
  assignedTo: string | null;
  /** False when routing ran and found nobody at all on call (after hours); true otherwise (routing did not run: it was assigned already). */
  staffedNow: boolean;
}

/**
 * A message from a member opens a conversation or joins the open one for that contact in
 * that affiliate. One statement decides which, under the unique index on open conversations
 * (org, contact): two messages from the same phone racing each other both land in the one
 * conversation, whichever commits first having created it. Runs in the caller's transaction
 * (as the system: the org comes from the number called or the form, not from a session).
 *
 * New conversations are routed at once (routing.ts); an unassigned one is offered to
 * routing again at each new message, so a text that came in after hours is picked up by
 * the first responder on call once someone is. Emergency words raise the urgency (never
 * lower it) and start the coordinator's alert clock.
 */
export async function intakeMessage(deps: Deps, tx: DbOrTx, input: IntakeInput, memo?: RoutingMemo): Promise<IntakeResult> {
  const lang = input.lang ?? detectLanguage(input.text);
  const emergency = detectEmergency(input.text);
  const at = input.at.toISOString();
  const [row] = await queryRows<{ id: string; created: boolean; lang: Lang; urgency: Urgency; assigned_to: string | null; first_response_at: unknown }>(tx, sql`
    insert into conversations (org_id, person_id, contact_address, channel, sender_id, lang, urgency, first_inbound_at, last_inbound_at, last_activity_at)
    values (${input.orgId}, ${input.personId}, ${input.contactAddress}, ${input.channel}, ${input.senderId}, ${lang},
            ${emergency ? 'emergency' : 'routine'}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (org_id, contact_address) where status = 'open' do update set
      last_inbound_at = greatest(conversations.last_inbound_at, excluded.last_inbound_at),
      last_activity_at = greatest(conversations.last_activity_at, excluded.last_activity_at),
      person_id = coalesce(conversations.person_id, excluded.person_id),
      sender_id = coalesce(conversations.sender_id, excluded.sender_id)
    returning id, (xmax = 0) as created, lang, urgency, assigned_to, first_response_at`);
  const id = row.id;
  let urgency = row.urgency;
  let escalated = false;
  const created = row.created === true || String(row.created) === 'true';
  const change = (c: string) => publish(tx, { orgId: input.orgId, topic: 'hotline.conversation', data: { id, change: c } });

  if (created) {
    await tx.insert(conversationEvents).values({ orgId: input.orgId, conversationId: id, kind: 'created', data: { channel: input.channel, lang, urgency, langDetected: input.lang === null } });
    await change('created');
  } else {
    if (emergency && urgency !== 'emergency') {
      await tx.update(conversations).set({ urgency: 'emergency' }).where(and(eq(conversations.id, id), eq(conversations.orgId, input.orgId)));
      await tx.insert(conversationEvents).values({ orgId: input.orgId, conversationId: id, kind: 'escalated', data: { from: urgency, to: 'emergency', reason: 'emergency_words' } });
      urgency = 'emergency';
      escalated = true;
    }
    await change('message');
  }
  // The clock starts when the conversation becomes an emergency (once; later messages do not restart it).
  if ((created && emergency) || (escalated && row.first_response_at == null)) await scheduleEmergencyAlert(deps, tx, { orgId: input.orgId, conversationId: id });

  let assignedTo = row.assigned_to;
  let staffedNow = true;
  if (!assignedTo) {
    const routed = await routeConversation(tx, { orgId: input.orgId, conversationId: id, lang: row.lang, at: input.at, recordUnrouted: created }, memo);
    assignedTo = routed.assignedTo;
    staffedNow = routed.onCall > 0;
  }
  return { conversationId: id, created, lang: row.lang, urgency, assignedTo, staffedNow };
}
