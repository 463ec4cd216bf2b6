import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

const STEP = 5;
const FLOOR = 5;
const CEILING = 240;

/**
 * The wait a texter is told in surge mode, in minutes (a multiple of 5): how long first
 * replies took over the last hour, scaled by how many conversations are waiting per
 * responder on call now. An estimate that errs long: a promise kept beats a hope dashed.
 */
export async function expectedWaitMinutes(db: DbOrTx, orgId: string, onCall: number): Promise<number> {
  const [r] = await queryRows<{ recent: number | null; waiting: number }>(db, sql`
    select
      (select percentile_cont(0.5) within group (order by extract(epoch from first_response_at - first_inbound_at))
         from conversations where org_id = ${orgId} and first_response_at > now() - interval '1 hour') as recent,
      (select count(*)::int from conversations where org_id = ${orgId} and status = 'open' and first_response_at is null) as waiting`);
  const perResponder = Number(r.waiting) / Math.max(1, onCall);
  const recentMinutes = r.recent === null ? FLOOR : Number(r.recent) / 60;
  const minutes = Math.max(recentMinutes, perResponder * FLOOR);
  return Math.min(CEILING, Math.max(FLOOR, Math.ceil(minutes / STEP) * STEP));
}
