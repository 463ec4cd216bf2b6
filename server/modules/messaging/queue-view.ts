import { asc, eq, sql } from 'drizzle-orm';
import type { QueueCounts, QueueSenderRow, QueueView } from '../../../contracts/messaging.ts';
import { queryRows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { messagingSenders } from './messaging.table.ts';

interface CountRow {
  sender_id: string | null;
  queued: number;
  held: number;
  sending: number;
  sent_minute: number;
  segments_minute: number;
  failed_hour: number;
  oldest_queued: string | Date | null;
  now: string | Date;
}

const ZERO: QueueCounts = { queued: 0, held: 0, sending: 0, sentLastMinute: 0, segmentsLastMinute: 0, failedLastHour: 0 };

/**
 * Open and recent messages of the org, counted per sender in one grouped query (the
 * senders themselves are a second, small query). `now()` is the transaction's clock, so
 * every count and the age use the same instant.
 *
 * The outer WHERE keeps the scan to open messages and the recent finished ones; each OR
 * branch has its own index (outbound_org_open_idx, _sent_idx, _failed_idx), so a large
 * outbox is not read whole. Every failed or undelivered message has final_at set.
 */
const countsSql = (orgId: string) => sql`
  select sender_id,
    count(*) filter (where status = 'queued' and (not_before is null or not_before <= now()))::int as queued,
    count(*) filter (where status = 'queued' and not_before > now())::int as held,
    count(*) filter (where status = 'sending')::int as sending,
    count(*) filter (where sent_at >= now() - interval '60 seconds')::int as sent_minute,
    coalesce(sum(segments) filter (where sent_at >= now() - interval '60 seconds'), 0)::int as segments_minute,
    count(*) filter (where status in ('failed', 'undelivered') and final_at >= now() - interval '1 hour')::int as failed_hour,
    min(created_at) filter (where status = 'queued' and (not_before is null or not_before <= now())) as oldest_queued,
    now() as now
  from outbound_messages
  where org_id = ${orgId}
    and (status in ('queued', 'sending')
         or sent_at >= now() - interval '60 seconds'
         or (status in ('failed', 'undelivered') and final_at >= now() - interval '1 hour'))
  group by sender_id`;

const toCounts = (r: CountRow | undefined): QueueCounts =>
  r
    ? { queued: r.queued, held: r.held, sending: r.sending, sentLastMinute: r.sent_minute, segmentsLastMinute: r.segments_minute, failedLastHour: r.failed_hour }
    : ZERO;

const add = (a: QueueCounts, b: QueueCounts): QueueCounts =>
  Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof QueueCounts] + b[k as keyof QueueCounts]])) as QueueCounts;

const iso = (v: string | Date) => new Date(v).toISOString();

export async function getQueueView({ ctx }: { ctx: Ctx; input?: undefined }): Promise<QueueView> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const senders = await tx.db.select().from(messagingSenders).where(eq(messagingSenders.orgId, orgId)).orderBy(asc(messagingSenders.createdAt));
    const counts = await queryRows<CountRow>(tx.db, countsSql(orgId));
    const bySender = new Map(counts.map((c) => [c.sender_id, c]));
    const rows: QueueSenderRow[] = senders.map((s) => ({
      senderId: s.id,
      label: s.label,
      phone: s.phoneE164,
      segmentsPerSecond: s.segmentsPerSecond,
      ...toCounts(bySender.get(s.id)),
    }));
    // Email and not-yet-assigned texts have no sender; shown on their own line so totals add up.
    const unassigned = bySender.get(null);
    if (unassigned) rows.push({ senderId: null, label: null, phone: null, segmentsPerSecond: null, ...toCounts(unassigned) });
    const totals = rows.reduce<QueueCounts>((sum, r) => add(sum, r), ZERO);
    // Held messages wait on purpose (quiet hours), so they do not make the queue look stuck.
    const oldest = counts.map((c) => c.oldest_queued).filter((v): v is string | Date => v != null).map(iso).sort()[0] ?? null;
    const now = counts[0]?.now ? new Date(counts[0].now) : new Date();
    return {
      senders: rows,
      totals,
      oldestQueuedAt: oldest,
      oldestQueuedAgeSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - new Date(oldest).getTime()) / 1000)) : null,
      generatedAt: now.toISOString(),
    };
  });
}
