import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/realtime/index.ts';
import { type CATEGORIES, type CONVERSATION_CHANNELS, conversationEvents, conversations, type DISPOSITIONS, type URGENCIES } from './hotline.table.ts';

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationChange = 'created' | 'message' | 'assigned' | 'updated' | 'closed';

export const conversationsRepo = {
  /** The org's conversation, locked for the rest of the transaction (changes to one conversation queue up); 404 otherwise. */
  async lock(db: DbOrTx, orgId: string, id: string): Promise<ConversationRow> {
    const [row] = await db.select().from(conversations).where(and(eq(conversations.orgId, orgId), eq(conversations.id, id))).for('update');
    if (!row) throw notFound('conversation');
    return row;
  },
  async update(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof conversations.$inferInsert>) {
    const [row] = await db.update(conversations).set(patch).where(and(eq(conversations.orgId, orgId), eq(conversations.id, id))).returning();
    return row;
  },
  async event(ctx: Pick<Ctx, 'db' | 'actor'>, orgId: string, conversationId: string, kind: string, data: Record<string, unknown> = {}) {
    await ctx.db.insert(conversationEvents).values({ orgId, conversationId, kind, actorId: ctx.actor?.userId ?? null, data });
  },
  /** A hint for open inboxes (ids only: NOTIFY payloads pass through PostgreSQL in clear); sent when the transaction commits. */
  publish(db: DbOrTx, orgId: string, id: string, change: ConversationChange) {
    return publish(db, { orgId, topic: 'hotline.conversation', data: { id, change } });
  },
};

// contracts/hotline.ts repeats the tables' value lists (contracts import nothing from the server): keep them equal.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ContractsInStep = [
  Same<import('../../../contracts/hotline.ts').Category, (typeof CATEGORIES)[number]>,
  Same<import('../../../contracts/hotline.ts').Urgency, (typeof URGENCIES)[number]>,
  Same<import('../../../contracts/hotline.ts').Disposition, (typeof DISPOSITIONS)[number]>,
  Same<import('../../../contracts/hotline.ts').ConversationChannel, (typeof CONVERSATION_CHANNELS)[number]>,
];
export const CONTRACTS_IN_STEP: ContractsInStep = [true, true, true, true];
