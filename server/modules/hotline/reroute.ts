import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { conversations } from './hotline.table.ts';
import { routeConversation } from './routing.ts';

const PER_RUN = 200;

/**
 * Unassigned open conversations are offered to routing again every minute, so a text that
 * came in after hours (or when everyone was at capacity) reaches the first responder who
 * comes on call or frees up, without waiting for the member to write again. Emergencies
 * first, then oldest first. Routing itself holds the per-org lock and assigns only what is
 * still unassigned, so this never fights a coordinator or the intake worker.
 */
export async function rerouteWaiting(deps: Deps, now = new Date()): Promise<{ assigned: number }> {
  const waiting = await deps.database.db
    .select({ id: conversations.id, orgId: conversations.orgId, lang: conversations.lang })
    .from(conversations)
    .where(and(eq(conversations.status, 'open'), isNull(conversations.assignedTo)))
    .orderBy(sql`(${conversations.urgency} = 'emergency') desc`, asc(conversations.firstInboundAt))
    .limit(PER_RUN);
  let assigned = 0;
  // Once a conversation finds nobody, the others of its org and language would not fare better
  // this minute (nobody on call, or everyone who speaks it at capacity): skip them, so a surge
  // of waiting texts costs a few routing runs a minute, not hundreds.
  const hopeless = new Set<string>();
  for (const c of waiting) {
    if (hopeless.has(c.orgId) || hopeless.has(`${c.orgId}|${c.lang}`)) continue;
    const r = await deps.database.db.transaction((tx) => routeConversation(tx, { orgId: c.orgId, conversationId: c.id, lang: c.lang, at: now, recordUnrouted: false }));
    if (r.assignedTo) assigned++;
    else hopeless.add(r.onCall === 0 ? c.orgId : `${c.orgId}|${c.lang}`);
  }
  return { assigned };
}
