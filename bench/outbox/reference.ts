import pg from 'pg';
import { since } from '../lib/stats.ts';

/**
 * The physical limit of an outbox: the same rows written with plain multi-row INSERTs into
 * a table shaped like outbound_messages (primary key and one partial index for the claim,
 * nothing else), then drained by `concurrency` connections that each claim 100 rows with
 * FOR UPDATE SKIP LOCKED and mark them sent, one statement per step. No job queue, no
 * checks, no provider: what any outbox on this database cannot beat.
 */
export async function rawOutbox(url: string, rows: { to: string; body: string }[], opts: { orgId: string; senderId: string; concurrency: number; chunk: number; batch: number }) {
  const pool = new pg.Pool({ connectionString: url, max: opts.concurrency + 1 });
  try {
    await pool.query(`drop table if exists bench_raw_outbox`);
    await pool.query(`create table bench_raw_outbox (like outbound_messages including defaults)`);
    await pool.query(`alter table bench_raw_outbox add primary key (id)`);
    await pool.query(`create index on bench_raw_outbox (created_at) where status = 'queued'`);

    let t = performance.now();
    for (let i = 0; i < rows.length; i += opts.chunk) {
      const part = rows.slice(i, i + opts.chunk);
      await pool.query(
        `insert into bench_raw_outbox (org_id, channel, to_address, sender_id, lang, body, segments, kind, topic, priority)
         select $1, 'sms', t, $2, 'en', b, 1, 'broadcast', 'all', 'bulk' from unnest($3::text[], $4::text[]) as u(t, b)`,
        [opts.orgId, opts.senderId, part.map((r) => r.to), part.map((r) => r.body)],
      );
    }
    const insertMs = since(t);

    t = performance.now();
    let claimed = 0;
    const drain = async () => {
      for (;;) {
        const { rows: got } = await pool.query<{ id: string }>(
          `update bench_raw_outbox set status = 'sending', claimed_at = now(), attempts = attempts + 1
           where id in (select id from bench_raw_outbox where status = 'queued' order by created_at limit $1 for update skip locked)
           returning id`,
          [opts.batch],
        );
        if (!got.length) return;
        await pool.query(`update bench_raw_outbox set status = 'sent', provider_id = 'SM' || md5(id::text), sent_at = now() where id = any($1::uuid[])`, [got.map((r) => r.id)]);
        claimed += got.length;
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, drain));
    const claimMs = since(t);
    if (claimed !== rows.length) throw new Error(`reference drained ${claimed} of ${rows.length} rows`);
    await pool.query(`drop table bench_raw_outbox`);
    return { insertMs, claimMs, totalMs: insertMs + claimMs };
  } finally {
    await pool.end();
  }
}
