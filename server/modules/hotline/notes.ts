import { eq } from 'drizzle-orm';
import type { Note, NoteInput } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { users } from '../organizations/organizations.table.ts';
import { conversationsRepo } from './conversations.repository.ts';
import { conversationNotes } from './hotline.table.ts';

/**
 * An internal note on a conversation (never shown to the member), sealed with the org's
 * data key before it reaches the database: a dump shows ciphertext only. Notes may be
 * added to a closed conversation too (a follow-up after the fact). The audit row says a
 * note was written, never what it says.
 */
export async function addNote({ ctx, input }: { ctx: Ctx; input: NoteInput & { id: string } }): Promise<Note> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    const bodyEnc = await ctx.deps.keyring.encrypt(tx.db, orgId, input.body);
    const [note] = await tx.db
      .insert(conversationNotes)
      .values({ orgId, conversationId: conv.id, authorId: ctx.actor?.userId ?? null, bodyEnc })
      .returning();
    await audit(tx, { action: 'conversation.note', entityType: 'conversation', entityId: conv.id, details: { noteId: note.id, chars: [...input.body].length } });
    await conversationsRepo.publish(tx.db, orgId, conv.id, 'updated');
    const author = note.authorId ? (await tx.db.select({ name: users.displayName }).from(users).where(eq(users.id, note.authorId)))[0] : undefined;
    return { id: note.id, at: note.createdAt.toISOString(), body: input.body, author: note.authorId ? { userId: note.authorId, name: author?.name ?? '' } : null };
  });
}
