import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss, type JobInsert, type WorkOptions } from 'pg-boss';
import type { Database, DbOrTx } from '../../db/client.ts';

/**
 * Jobs live in PostgreSQL through pg-boss (DESIGN.md §1), so a job and the row it belongs
 * to commit together: `enqueue` takes the caller's transaction. pg-boss keeps its tables in
 * the `pgboss` schema and migrates them itself at start.
 */
export interface QueueSpec {
  name: string;
  /** A job still active after this long is taken to be lost (its worker died) and retried. */
  expireInSeconds: number;
  retryLimit: number;
  retryDelay: number;
  retryBackoff?: boolean;
}

export interface Jobs {
  readonly boss: PgBoss;
  /** Install or migrate pg-boss's schema and make sure the queues exist. */
  start(): Promise<void>;
  stop(opts?: { graceful?: boolean }): Promise<void>;
  /** Insert jobs inside the caller's transaction (or on their own when `db` is the root handle). */
  enqueue<T extends object>(db: DbOrTx, queue: string, jobs: JobInsert<T>[]): Promise<void>;
  work<T>(queue: string, options: WorkOptions, handler: (jobs: { id: string; data: T; retryCount?: number }[]) => Promise<void>): Promise<string>;
}

export interface JobsOptions {
  queues: QueueSpec[];
  /** How often the supervisor looks for expired jobs; kept short so a crashed worker's batch resumes quickly. */
  superviseIntervalSeconds: number;
  /** Expire and retry lost jobs from this process: the worker role does, web processes only enqueue. */
  supervise: boolean;
}

export function createJobs(database: Database, opts: JobsOptions): Jobs {
  const common = {
    supervise: opts.supervise,
    schedule: false,
    superviseIntervalSeconds: opts.superviseIntervalSeconds,
    monitorIntervalSeconds: opts.superviseIntervalSeconds,
  };
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: database.url, max: 4 })
      : new PgBoss({ ...common, db: fromPglite(database.pglite as never), backend: 'pglite' });
  boss.on('error', () => {}); // pg-boss reports transient connection errors here; the next poll retries
  let started = false;

  return {
    boss,
    async start() {
      if (started) return;
      await boss.start();
      started = true;
      for (const q of opts.queues) {
        const existing = await boss.getQueue(q.name);
        const options = { expireInSeconds: q.expireInSeconds, retryLimit: q.retryLimit, retryDelay: q.retryDelay, retryBackoff: q.retryBackoff ?? false };
        if (!existing) await boss.createQueue(q.name, options);
        else await boss.updateQueue(q.name, options);
        // Warm pg-boss's queue cache now: on PGlite (one session) a lookup from inside a
        // request's transaction would wait on that very transaction.
        await boss.insert(q.name, []);
      }
      // Request transactions run as haven_app; they enqueue jobs, so the role needs the queue tables.
      await database.exec(`
        GRANT USAGE ON SCHEMA pgboss TO haven_app;
        GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA pgboss TO haven_app;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO haven_app;
      `);
    },
    async stop({ graceful = true } = {}) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful, wait: true, timeout: 10_000, close: true } as never);
    },
    async enqueue(db, queue, jobs) {
      if (!jobs.length) return;
      await boss.insert(queue, jobs, { db: fromDrizzle(db as never, sql as never) });
    },
    async work(queue, options, handler) {
      return boss.work(queue, options, handler as never);
    },
  };
}
