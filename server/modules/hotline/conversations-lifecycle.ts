import { and, eq, ne } from 'drizzle-orm';
import type { CloseInput, ConversationSummary } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conflict } from '../../platform/errors.ts';
import { conversationsRepo } from './conversations.repository.ts';
import { conversations } from './hotline.table.ts';
import { loadSummary } from './inbox-query.ts';

/**
 * Close with a disposition; the member's next message opens a new conversation. Closing a
 * closed one changes nothing (a double click), so it is not an error.
 */
export async function closeConversation({ ctx, input }: { ctx: Ctx; input: CloseInput & { id: string } }): Promise<ConversationSummary> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    if (conv.status === 'open') {
      await conversationsRepo.update(tx.db, orgId, conv.id, { status: 'closed', closedAt: new Date(), closedBy: ctx.actor?.userId ?? null, disposition: input.disposition });
      await conversationsRepo.event(tx, orgId, conv.id, 'closed', { disposition: input.disposition });
      await audit(tx, { action: 'conversation.close', entityType: 'conversation', entityId: conv.id, details: { disposition: input.disposition } });
      await conversationsRepo.publish(tx.db, orgId, conv.id, 'closed');
    }
    return (await loadSummary(tx, orgId, conv.id))!.summary;
  });
}

/**
 * Open a closed conversation again (to reply after closing too soon). Refused when the
 * member has since started a new one: only one may be open per contact, and the new one is
 * where the conversation goes on.
 */
export async function reopenConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ConversationSummary> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    if (conv.status === 'closed') {
      const [newer] = await tx.db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.orgId, orgId), eq(conversations.contactAddress, conv.contactAddress), eq(conversations.status, 'open'), ne(conversations.id, conv.id)));
      if (newer) throw conflict('conversation_newer_open');
      try {
        await conversationsRepo.update(tx.db, orgId, conv.id, { status: 'open', closedAt: null, closedBy: null, disposition: null, lastActivityAt: new Date() });
      } catch (err) {
        // a text opened a new one between the check and here: the unique index on open conversations says no
        if (isUniqueViolation(err)) throw conflict('conversation_newer_open');
        throw err;
      }
      await conversationsRepo.event(tx, orgId, conv.id, 'reopened', { disposition: conv.disposition });
      await audit(tx, { action: 'conversation.reopen', entityType: 'conversation', entityId: conv.id });
      await conversationsRepo.publish(tx.db, orgId, conv.id, 'updated');
    }
    return (await loadSummary(tx, orgId, conv.id))!.summary;
  });
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};
