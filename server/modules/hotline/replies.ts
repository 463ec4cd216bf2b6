import { eq } from 'drizzle-orm';
import type { ReplyInput, ReplyResult } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { consentFor, enqueueMessages } from '../messaging/index.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { conversationsRepo } from './conversations.repository.ts';
import { usableSender } from './emergency-alerts.ts';
import { loadSummary } from './inbox-query.ts';

/**
 * A responder answers the member: one outbox message in the priority lane, from the
 * hotline number the conversation came in on (the member sees one number), in the same
 * transaction as its bookkeeping. The first human reply stamps first_response_at (it also
 * stops the emergency alert clock). Replying to an unassigned conversation takes it, so two
 * responders do not answer the same person.
 *
 * Refused, with a message saying what to do: a closed conversation (reopen it first: the
 * member's next text would start a new one anyway, and the numbers would lie), a number
 * that has opted out (STOP; the carrier would refuse too), nothing to reply to (no phone or
 * email). A repeated clientRequestId sends nothing twice.
 */
export async function sendReply({ ctx, input }: { ctx: Ctx; input: ReplyInput & { id: string } }): Promise<ReplyResult> {
  const orgId = requireOrg(ctx);
  const me = ctx.actor?.userId ?? null;
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    if (conv.status !== 'open') throw conflict('conversation_closed');
    const isPhone = conv.contactAddress.startsWith('+');
    if (isPhone) {
      const consent = (await consentFor(tx.db, { orgId, channel: 'sms', topic: 'all', addresses: [conv.contactAddress] })).get(conv.contactAddress);
      if (consent?.status === 'opted_out') throw conflict('recipient_opted_out');
    } else if (!conv.contactAddress.includes('@')) {
      throw conflict('conversation_no_address');
    }
    const senderId = isPhone ? await usableSender(tx.db, orgId, conv.senderId) : null;
    if (isPhone && !senderId) throw new AppError('no_sender', 409);
    const [org] = isPhone ? [] : await tx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));

    const { ids } = await enqueueMessages(ctx.deps, tx.db, {
      orgId,
      createdBy: me,
      messages: [{
        channel: isPhone ? 'sms' : 'email',
        to: conv.contactAddress,
        personId: conv.personId,
        lang: conv.lang,
        body: input.body,
        ...(isPhone ? { senderId: senderId! } : { subject: t(conv.lang, 'hotline.reply_subject', { org: org?.name ?? 'Haven' }) }),
        kind: 'reply',
        priority: 'high',
        conversationId: conv.id,
        dedupeKey: input.clientRequestId ? `hotline-reply:${input.clientRequestId}` : undefined,
      }],
    });
    if (!ids.length) {
      const again = await loadSummary(tx, orgId, conv.id);
      return { messageId: null, duplicate: true, conversation: again!.summary };
    }
    const now = new Date();
    const take = !conv.assignedTo && me;
    await conversationsRepo.update(tx.db, orgId, conv.id, {
      lastActivityAt: now,
      ...(me && !conv.firstResponseAt ? { firstResponseAt: now } : {}),
      ...(take ? { assignedTo: me, assignedAt: now } : {}),
    });
    if (take) await conversationsRepo.event(tx, orgId, conv.id, 'assigned', { to: me, from: null, via: 'reply' });
    await audit(tx, { action: 'conversation.reply', entityType: 'conversation', entityId: conv.id, details: { messageId: ids[0], channel: isPhone ? 'sms' : 'email', chars: [...input.body].length, first: Boolean(me && !conv.firstResponseAt) } });
    await conversationsRepo.publish(tx.db, orgId, conv.id, 'message');
    if (take) await conversationsRepo.publish(tx.db, orgId, conv.id, 'assigned');
    const summary = (await loadSummary(tx, orgId, conv.id))!.summary;
    return { messageId: ids[0], duplicate: false, conversation: summary };
  });
}
