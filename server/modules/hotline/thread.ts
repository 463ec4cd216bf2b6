import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ConversationDetail, PersonCard, ThreadItem } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { notFound } from '../../platform/errors.ts';
import { isLang } from '../../platform/i18n/i18n.ts';
import { consentFor, inboundMessages, openBody, outboundMessages, voiceCalls } from '../messaging/index.ts';
import { users } from '../organizations/organizations.table.ts';
import { people } from '../people/index.ts';
import { conversationEvents, conversationNotes } from './hotline.table.ts';
import { loadSummary } from './inbox-query.ts';

/** Items of each kind a thread shows (the newest); a conversation this long is rare and the rest is in the person's history. */
export const THREAD_LIMIT = 500;

/** Event data shown to staff: ids, kinds and categorical values only (a web request's encrypted fields become the inbound item). */
const SAFE_EVENT_KEYS = ['channel', 'lang', 'urgency', 'langDetected', 'from', 'to', 'via', 'role', 'reason', 'changes', 'disposition', 'messageId', 'nextStaffedAt', 'afterSeconds'];

/**
 * One conversation as a responder works it: the summary, the thread in time order (texts
 * both ways with delivery status, web requests, calls, internal notes decrypted, and what
 * happened to it), the person's card and whether a reply can go out. Reading it is reading
 * someone's situation: audited like reading a person's record (ids and counts only).
 */
export async function getConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ConversationDetail> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const found = await loadSummary(tx, orgId, input.id);
    if (!found) throw notFound('conversation');
    const { row, summary } = found;
    const db = tx.db;

    const [inbound, outbound, calls, notes, events] = [
      await db.select().from(inboundMessages).where(and(eq(inboundMessages.orgId, orgId), eq(inboundMessages.conversationId, row.id))).orderBy(desc(inboundMessages.receivedAt)).limit(THREAD_LIMIT),
      await db.select().from(outboundMessages).where(and(eq(outboundMessages.orgId, orgId), eq(outboundMessages.conversationId, row.id))).orderBy(desc(outboundMessages.createdAt)).limit(THREAD_LIMIT),
      await db.select().from(voiceCalls).where(and(eq(voiceCalls.orgId, orgId), eq(voiceCalls.conversationId, row.id))).orderBy(desc(voiceCalls.createdAt)).limit(THREAD_LIMIT),
      await db.select().from(conversationNotes).where(and(eq(conversationNotes.orgId, orgId), eq(conversationNotes.conversationId, row.id))).orderBy(desc(conversationNotes.createdAt)).limit(THREAD_LIMIT),
      await db.select().from(conversationEvents).where(and(eq(conversationEvents.orgId, orgId), eq(conversationEvents.conversationId, row.id))).orderBy(desc(conversationEvents.createdAt)).limit(THREAD_LIMIT),
    ];
    const truncated = [inbound, outbound, calls, notes, events].some((l) => l.length >= THREAD_LIMIT);

    const userIds = [...new Set([...outbound.map((o) => o.createdBy), ...notes.map((n) => n.authorId), ...events.map((e) => e.actorId)].filter((x): x is string => Boolean(x)))];
    const names = new Map(userIds.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]) : []);
    const ref = (id: string | null) => (id ? { userId: id, name: names.get(id) ?? '' } : null);
    const keyring = ctx.deps.keyring;

    const thread: ThreadItem[] = [];
    for (const m of inbound) thread.push({ type: 'inbound', id: m.id, at: m.receivedAt.toISOString(), channel: 'sms', body: await openBody(keyring, db, orgId, m.body), lang: m.lang });
    for (const m of outbound) {
      thread.push({
        type: 'outbound', id: m.id, at: m.createdAt.toISOString(), channel: m.channel, body: m.body, status: m.status,
        statusReason: m.statusReason, auto: m.createdBy === null, author: ref(m.createdBy),
      });
    }
    for (const c of calls) thread.push({ type: 'call', id: c.id, at: c.createdAt.toISOString(), direction: c.direction, status: c.status, hasRecording: Boolean(c.recordingUrl) });
    for (const n of notes) thread.push({ type: 'note', id: n.id, at: n.createdAt.toISOString(), body: await keyring.decrypt(db, orgId, n.bodyEnc), author: ref(n.authorId) });
    for (const e of events) {
      const data = (e.data ?? {}) as Record<string, unknown>;
      if (e.kind === 'web_request') {
        // The member's message from the web form: shown as what they wrote, not as an event.
        const body = typeof data.bodyEnc === 'string' ? await keyring.decrypt(db, orgId, data.bodyEnc) : '';
        thread.push({ type: 'inbound', id: e.id, at: e.createdAt.toISOString(), channel: 'web', body, lang: isLang(data.lang) ? data.lang : null });
        continue;
      }
      thread.push({
        type: 'event', id: e.id, at: e.createdAt.toISOString(), kind: e.kind, actor: ref(e.actorId),
        data: Object.fromEntries(Object.entries(data).filter(([k]) => SAFE_EVENT_KEYS.includes(k))),
      });
    }
    // Oldest first; at the same instant the member's message comes before what it caused.
    const order = { inbound: 0, call: 1, event: 2, outbound: 3, note: 4 } as const;
    thread.sort((a, b) => a.at.localeCompare(b.at) || order[a.type] - order[b.type]);

    let person: PersonCard | null = null;
    if (row.person_id) {
      const [p] = await db.select().from(people).where(and(eq(people.orgId, orgId), eq(people.id, row.person_id)));
      if (p) person = { id: p.id, givenName: p.givenName, familyName: p.familyName, nameKo: p.nameKo, preferredLanguage: p.preferredLanguage, phone: p.phoneE164, email: p.email, state: p.state };
    }
    const phone = summary.contact.phone;
    const smsConsent = phone ? ((await consentFor(db, { orgId, channel: 'sms', topic: 'all', addresses: [phone] })).get(phone)?.status ?? null) : null;
    const replyBlockedBy = summary.status === 'closed' ? 'closed' : smsConsent === 'opted_out' ? 'opted_out' : !phone && !summary.contact.email ? 'no_address' : null;

    await audit(tx, { action: 'conversation.read', entityType: 'conversation', entityId: row.id, details: { items: thread.length, personId: row.person_id } });
    return {
      ...summary,
      hotlineNumber: row.hotline_number,
      emergencyAlertedAt: row.emergency_alerted_at ? new Date(row.emergency_alerted_at).toISOString() : null,
      person,
      smsConsent,
      canReply: replyBlockedBy === null,
      replyBlockedBy,
      thread,
      threadTruncated: truncated,
    };
  });
}
