import type { ConversationSummary, TriageInput } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conversationsRepo } from './conversations.repository.ts';
import { scheduleEmergencyAlert } from './emergency-alerts.ts';
import { loadSummary } from './inbox-query.ts';

/**
 * Triage: category, urgency and tags. The timeline keeps each change (old → new); marking
 * an unanswered conversation an emergency starts the coordinator's alert clock from now.
 */
export async function triageConversation({ ctx, input }: { ctx: Ctx; input: TriageInput & { id: string } }): Promise<ConversationSummary> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    const changes: Record<string, [unknown, unknown]> = {};
    if (input.category !== undefined && input.category !== conv.category) changes.category = [conv.category, input.category];
    if (input.urgency !== undefined && input.urgency !== conv.urgency) changes.urgency = [conv.urgency, input.urgency];
    const tags = input.tags ? [...new Set(input.tags)] : undefined;
    if (tags && (tags.length !== conv.tags.length || tags.some((x, i) => x !== conv.tags[i]))) changes.tags = [conv.tags, tags];
    if (Object.keys(changes).length) {
      await conversationsRepo.update(tx.db, orgId, conv.id, {
        ...(changes.category ? { category: input.category ?? null } : {}),
        ...(changes.urgency ? { urgency: input.urgency } : {}),
        ...(changes.tags ? { tags } : {}),
      });
      await conversationsRepo.event(tx, orgId, conv.id, 'triaged', { changes });
      await audit(tx, { action: 'conversation.triage', entityType: 'conversation', entityId: conv.id, details: { fields: Object.keys(changes) } });
      if (changes.urgency && input.urgency === 'emergency' && conv.status === 'open' && !conv.firstResponseAt && !conv.emergencyAlertedAt) {
        await scheduleEmergencyAlert(ctx.deps, tx.db, { orgId, conversationId: conv.id });
      }
      await conversationsRepo.publish(tx.db, orgId, conv.id, 'updated');
    }
    return (await loadSummary(tx, orgId, conv.id))!.summary;
  });
}
