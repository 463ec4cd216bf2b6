import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * Per-sender pacing in segments per second, shared by every worker process: each send
 * reserves the sender's next free slot with one atomic UPDATE (a generic cell rate
 * algorithm: the row holds the time the sender is next free). A message of n segments
 * moves that time by n / rate seconds. Reservations only reach `horizonMs` ahead, so a
 * bulk send never books the sender far into the future and a priority message, which
 * reserves from the same row, waits at most about the horizon.
 *
 * Returns when the message may go (now or a moment later), or null when the sender is
 * booked beyond the horizon (then `retryAt` says when to try again).
 */
export async function reserveSendSlot(
  db: DbOrTx,
  q: { senderId: string; segments: number; segmentsPerSecond: number; horizonMs: number },
): Promise<{ at: Date } | { at: null; retryAt: Date }> {
  const cost = q.segments / q.segmentsPerSecond;
  const [row] = await queryRows<{ slot: Date | string; reserved: boolean; next: Date | string }>(db, sql`
    with s as (
      select id, greatest(pacing_next_at, clock_timestamp()) as slot
      from messaging_senders where id = ${q.senderId} for update
    ), u as (
      update messaging_senders m
      set pacing_next_at = s.slot + make_interval(secs => ${cost})
      from s
      where m.id = s.id and s.slot <= clock_timestamp() + make_interval(secs => ${q.horizonMs / 1000})
      returning m.pacing_next_at
    )
    select s.slot, exists(select 1 from u) as reserved, s.slot as next from s
  `);
  if (!row) throw new Error(`pacing: sender ${q.senderId} does not exist`);
  const slot = new Date(row.slot);
  if (row.reserved) return { at: slot };
  return { at: null, retryAt: new Date(slot.getTime() - q.horizonMs / 2) };
}
