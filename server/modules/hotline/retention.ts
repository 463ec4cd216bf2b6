import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { inboundMessages, outboundMessages, voiceCalls } from '../messaging/index.ts';
import { conversations } from './hotline.table.ts';

const DEFAULT_DAYS = 90;
const BATCH = 500;

/**
 * Retention is code (DESIGN §3 rule 5): a conversation closed longer ago than its
 * affiliate's `retention_days` (default 90) is deleted with its notes, events, callbacks and
 * transfers (foreign keys cascade), and the texts and calls it held are emptied — the rows
 * stay, so delivery counts and the consent ledger's evidence keep their ids, but no words,
 * recordings or links to the conversation remain. One audit row per affiliate and run.
 */
export async function purgeExpiredConversations(deps: Deps, now = new Date()): Promise<{ purged: number }> {
  const due = await queryRows<{ id: string; org_id: string }>(deps.database.db, sql`
    select c.id, c.org_id from conversations c
    left join hotline_settings s on s.org_id = c.org_id
    where c.status = 'closed' and c.closed_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.retention_days, ${DEFAULT_DAYS}))
    limit ${BATCH}`);
  if (!due.length) return { purged: 0 };
  const byOrg = new Map<string, string[]>();
  for (const r of due) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r.id]);
  await deps.database.db.transaction(async (tx) => {
    for (const [orgId, ids] of byOrg) {
      await tx.update(inboundMessages).set({ body: '', conversationId: null }).where(and(eq(inboundMessages.orgId, orgId), inArray(inboundMessages.conversationId, ids)));
      await tx.update(outboundMessages).set({ body: '', html: null, conversationId: null }).where(and(eq(outboundMessages.orgId, orgId), inArray(outboundMessages.conversationId, ids)));
      await tx.update(voiceCalls).set({ recordingUrl: null, conversationId: null }).where(and(eq(voiceCalls.orgId, orgId), inArray(voiceCalls.conversationId, ids)));
      await tx.delete(conversations).where(and(eq(conversations.orgId, orgId), inArray(conversations.id, ids)));
      await appendAudit(tx, {
        orgId, actorUserId: null, actorLabel: 'system:retention', action: 'hotline.retention_purge', entityType: 'conversation', entityId: null,
        details: { conversations: ids.length }, ip: null, requestId: null,
      });
    }
  });
  return { purged: due.length };
}
