import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { publish } from '../../platform/realtime/index.ts';
import { conversationEvents, conversations } from './hotline.table.ts';
import { type OnCall, onCallResponders } from './on-call.ts';
import { chooseResponder, mergeOnCall, type RoutingCandidate } from './routing-rules.ts';

/**
 * Give an unassigned conversation to someone on call (rules in routing-rules.ts), in the
 * caller's transaction. Routing in one org is serialized by a transaction-scoped advisory
 * lock: two conversations arriving together are counted one after the other, so the
 * balance by load holds in a surge (each routing is a handful of indexed reads, so the
 * lock is held for milliseconds). Returns who got it and how many people are on call
 * (0 = after hours).
 */
export async function routeConversation(
  tx: DbOrTx,
  input: { orgId: string; conversationId: string; lang: Lang; at: Date; /** Write an 'unrouted' event when nobody fits (for a new conversation; not again at every message). */ recordUnrouted: boolean },
  memo?: RoutingMemo,
): Promise<{ assignedTo: string | null; onCall: number }> {
  const onCall = await lockedOnCall(tx, input.orgId, input.at, memo);
  const candidates = await withLoad(tx, input.orgId, onCall);
  const decision = chooseResponder(candidates, input.lang);
  if (decision.kind === 'unassigned') {
    if (input.recordUnrouted) {
      await tx.insert(conversationEvents).values({ orgId: input.orgId, conversationId: input.conversationId, kind: 'unrouted', data: { reason: decision.reason } });
    }
    return { assignedTo: null, onCall: onCall.length };
  }
  const [done] = await tx
    .update(conversations)
    .set({ assignedTo: decision.userId, assignedAt: new Date() })
    // only if still unassigned: a coordinator may have just taken it
    .where(and(eq(conversations.id, input.conversationId), eq(conversations.orgId, input.orgId), isNull(conversations.assignedTo)))
    .returning({ id: conversations.id });
  if (!done) return { assignedTo: null, onCall: onCall.length };
  await tx.insert(conversationEvents).values({
    orgId: input.orgId, conversationId: input.conversationId, kind: 'assigned',
    data: { to: decision.userId, from: null, via: 'routing', role: decision.role },
  });
  await publish(tx, { orgId: input.orgId, topic: 'hotline.conversation', data: { id: input.conversationId, change: 'assigned' } });
  return { assignedTo: decision.userId, onCall: onCall.length };
}

/**
 * What one transaction that files many texts learns once per org and minute: the lock is
 * taken and the schedule read for the first text, and reused for the rest (shifts start
 * and end on whole minutes). Loads are still counted for every text, since each
 * assignment in the batch changes them.
 */
export type RoutingMemo = Map<string, OnCall[]>;

async function lockedOnCall(tx: DbOrTx, orgId: string, at: Date, memo?: RoutingMemo): Promise<OnCall[]> {
  const key = `${orgId} ${Math.floor(at.getTime() / 60_000)}`;
  const known = memo?.get(key);
  if (known) return known;
  if (!memo || ![...memo.keys()].some((k) => k.startsWith(`${orgId} `))) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hotline.route:${orgId}`}))`);
  }
  const onCall = mergeOnCall(await onCallResponders(tx, orgId, at));
  memo?.set(key, onCall);
  return onCall;
}

/** Each person's open conversations in the org now, and when they were last given one. */
async function withLoad(tx: DbOrTx, orgId: string, onCall: Awaited<ReturnType<typeof onCallResponders>>): Promise<RoutingCandidate[]> {
  if (!onCall.length) return [];
  const rows = await tx
    .select({ userId: conversations.assignedTo, open: sql<number>`count(*)::int`, last: sql<Date | string | null>`max(${conversations.assignedAt})` })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.status, 'open'), inArray(conversations.assignedTo, onCall.map((r) => r.userId))))
    .groupBy(conversations.assignedTo);
  const load = new Map(rows.map((r) => [r.userId, r]));
  return onCall.map((r) => {
    const l = load.get(r.userId);
    return {
      userId: r.userId, role: r.role, languages: r.languages, maxOpen: r.maxOpen,
      open: Number(l?.open ?? 0),
      lastAssignedAt: l?.last ? new Date(l.last) : null,
    };
  });
}
