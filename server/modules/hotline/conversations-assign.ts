import { and, eq, isNull } from 'drizzle-orm';
import type { AssignInput, ConversationSummary } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { memberships, rolePermissions, users } from '../organizations/organizations.table.ts';
import { conversationsRepo } from './conversations.repository.ts';
import { loadSummary } from './inbox-query.ts';

/**
 * Who works a conversation. A coordinator (hotline.coordinate) assigns anyone in the
 * affiliate whose role may answer the hotline, or unassigns. Anyone else who answers
 * (hotline.respond) may take an unassigned conversation for themselves or give back their
 * own; moving someone else's is a coordinator's call (403). Assigning to whoever already
 * has it changes nothing.
 */
export async function assignConversation({ ctx, input }: { ctx: Ctx; input: AssignInput & { id: string } }): Promise<ConversationSummary> {
  const orgId = requireOrg(ctx);
  const me = ctx.actor?.userId ?? null;
  const coordinator = Boolean(ctx.actor?.permissions.has('hotline.coordinate'));
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    const to = input.userId;
    if (to !== conv.assignedTo) {
      const takesFree = to !== null && to === me && conv.assignedTo === null;
      const givesBackOwn = to === null && conv.assignedTo !== null && conv.assignedTo === me;
      if (!coordinator && !takesFree && !givesBackOwn) throw new AppError('assign_not_allowed', 403);
      if (to !== null && !(await mayAnswer(tx, orgId, to))) throw new AppError('assignee_not_responder', 400, {}, 'userId');
      const now = new Date();
      await conversationsRepo.update(tx.db, orgId, conv.id, { assignedTo: to, assignedAt: to ? now : null });
      await conversationsRepo.event(tx, orgId, conv.id, 'assigned', { from: conv.assignedTo, to, via: coordinator && to !== me ? 'coordinator' : 'self' });
      await audit(tx, { action: 'conversation.assign', entityType: 'conversation', entityId: conv.id, details: { from: conv.assignedTo, to } });
      await conversationsRepo.publish(tx.db, orgId, conv.id, 'assigned');
    }
    return (await loadSummary(tx, orgId, conv.id))!.summary;
  });
}

/** A current, enabled member of the org whose role holds hotline.respond. */
async function mayAnswer(ctx: Ctx, orgId: string, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(rolePermissions, and(eq(rolePermissions.orgId, memberships.orgId), eq(rolePermissions.role, memberships.role), eq(rolePermissions.action, 'hotline.respond')))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isNull(users.disabledAt)));
  return Boolean(row);
}
