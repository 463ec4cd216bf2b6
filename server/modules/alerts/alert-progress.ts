import { and, eq, sql } from 'drizzle-orm';
import type { AlertProgress, AlertStatus, ProgressCounts } from '../../../contracts/alerts.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { notFound } from '../../platform/errors.ts';
import { clicksByLanguage } from './alert-links.ts';
import { alerts } from './alerts.table.ts';

type Lang = 'ko' | 'en' | 'es';
type Bucket = keyof Omit<ProgressCounts, 'total'>;

/** The outbox's state of one delivery, in the words the progress view counts. */
const BUCKET_SQL = sql`
  case
    when d.state = 'pending' then 'pending'
    when d.state = 'canceled' then 'canceled'
    when o.status in ('queued', 'sending') then 'queued'
    when o.status = 'sent' then 'sent'
    when o.status = 'delivered' then 'delivered'
    when o.status in ('failed', 'undelivered') then 'failed'
    when o.status = 'canceled' and o.status_reason = 'opted_out' then 'optedOut'
    else 'canceled'
  end`;

const empty = (): ProgressCounts => ({ total: 0, pending: 0, queued: 0, sent: 0, delivered: 0, failed: 0, optedOut: 0, canceled: 0 });

/**
 * Live progress of an alert. The actor's org must own the alert (checked under row-level
 * security); the counts are then read as the system, because the outbox rows of a
 * network-wide alert belong to the affiliates that send them. Only counts leave: no person,
 * address or text.
 */
export async function alertProgress({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AlertProgress> {
  const alert = await inTx(ctx, async (tx) => {
    const orgId = requireOrg(tx);
    const [row] = await tx.db.select({ id: alerts.id, status: alerts.status }).from(alerts).where(and(eq(alerts.id, input.id), eq(alerts.orgId, orgId)));
    return row;
  });
  if (!alert) throw notFound('alert');
  return progressOf(ctx.deps, alert.id);
}

/** The counts themselves (no access check: callers check first). */
export async function progressOf(deps: Deps, alertId: string): Promise<AlertProgress> {
  const db = deps.database.db;
  const [status] = await queryRows<{ status: AlertStatus }>(db, sql`select status from alerts where id = ${alertId}`);
  const rows = await queryRows<{ lang: Lang; state: string | null; bucket: Bucket; n: number; segments: number }>(db, sql`
    select d.lang, d.place_state as state, ${BUCKET_SQL} as bucket, count(*)::int as n,
           coalesce(sum(o.segments) filter (where o.status in ('queued', 'sending')), 0)::int as segments
    from alert_deliveries d left join outbound_messages o on o.id = d.outbound_id
    where d.alert_id = ${alertId}
    group by 1, 2, 3`);
  const counts = empty();
  const byLang = new Map<Lang, ProgressCounts>();
  const byState = new Map<string, ProgressCounts>();
  let openSegments = 0;
  for (const r of rows) {
    const n = Number(r.n);
    for (const c of [counts, getOr(byLang, r.lang, empty), getOr(byState, r.state ?? '', empty)]) {
      c[r.bucket] += n;
      c.total += n;
    }
    openSegments += Number(r.segments);
  }
  return {
    alertId,
    status: status?.status ?? 'draft',
    counts,
    byLanguage: [...byLang.entries()].map(([lang, c]) => ({ lang, ...c })).sort((a, b) => a.lang.localeCompare(b.lang)),
    byState: [...byState.entries()].map(([state, c]) => ({ state, ...c })).sort((a, b) => b.total - a.total),
    secondsToFinish: await secondsToFinish(db, alertId, counts, openSegments),
    clicks: await clicksByLanguage(db, alertId),
    at: new Date().toISOString(),
  };
}

/**
 * Time to hand the rest to the carrier at the senders' pacing: the segments still to go
 * (pending ones estimated at the average of up to 1,000 already handed over, else 1) over the
 * summed segments per second of the default senders of the orgs involved. Unpaced senders
 * count as the outbox's measured ~2,000 messages/s (docs/performance.md). Quiet hours are not
 * in it: held texts wait for the recipient's morning, which the status view says.
 */
async function secondsToFinish(db: DbOrTx, alertId: string, counts: ProgressCounts, openSegments: number): Promise<number | null> {
  const left = counts.pending + counts.queued;
  if (!left) return null;
  const [pace] = await queryRows<{ rate: number | null; unpaced: number; avg: number | null }>(db, sql`
    select sum(s.segments_per_second)::float as rate, count(*) filter (where s.segments_per_second is null)::int as unpaced,
           (select avg(o.segments)::float
            from (select outbound_id from alert_deliveries where alert_id = ${alertId} and outbound_id is not null limit 1000) d2
            join outbound_messages o on o.id = d2.outbound_id) as avg
    from messaging_senders s
    where s.is_default and s.org_id in (select distinct org_id from alert_deliveries where alert_id = ${alertId} and state in ('pending', 'queued'))`);
  const rate = Number(pace?.rate ?? 0) + Number(pace?.unpaced ?? 0) * 2_000;
  if (!rate) return null;
  const segments = openSegments + counts.pending * Number(pace?.avg ?? 1);
  return Math.ceil(segments / rate);
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (!v) m.set(k, (v = make()));
  return v;
}
