import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema.ts';

export { schema };

/** Both drivers expose the same query builder; we type against node-postgres's. */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = PgTransaction<any, typeof schema, any>;
export type DbOrTx = Db | Tx;

/** Rows of a raw query on either driver (node-postgres and PGlite both answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL: the connection string (the job queue opens its own small pool). */
  url?: string;
  /** PGlite: the instance itself (the job queue shares it: PGlite is one session). */
  pglite?: unknown;
  /** Run raw SQL outside Drizzle (migrations, backup). */
  exec(text: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  poolSize?: number;
  memory?: boolean;
  /** PGlite only: start from a dumped data directory (tests reuse a migrated template). */
  template?: Blob;
}): Promise<Database> {
  if (opts.url) {
    const pg = (await import('pg')).default;
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // an idle client's error must not crash the process; the next query reports it
    return {
      db: drizzle(pool, { schema }),
      kind: 'postgres',
      url: opts.url,
      exec: async (text) => void (await pool.query(text)),
      query: async (text, params) => (await pool.query(text, params as any[])).rows,
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dir: string | undefined;
  let release = () => {};
  if (!opts.memory) {
    dir = path.join(opts.dataDir ?? './.haven', 'pgdata');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    release = lockDataDir(path.dirname(dir));
  }
  const client = new PGlite({ dataDir: dir, extensions: { pg_trgm }, loadDataDir: opts.template });
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    exec: async (text) => void (await client.exec(text)),
    query: async (text, params) => (await client.query(text, params as any[])).rows as any[],
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * Apply the committed migrations, then the grants for the app role. On PostgreSQL an
 * advisory lock keeps two processes that start together from racing (drizzle's migrator
 * takes none).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await withStartupLock(database, async () => {
      await migrate(database.db, { migrationsFolder });
      await applyGrants(database);
    });
    return;
  }
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(database.db as any, { migrationsFolder });
  await applyGrants(database);
}

/** Idempotent: every table to haven_app, but the append-only ones lose UPDATE and DELETE. */
async function applyGrants(database: Database) {
  await database.exec(`
    GRANT USAGE ON SCHEMA public TO haven_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO haven_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO haven_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, consent_events FROM haven_app;
    REVOKE ALL ON data_keys FROM haven_app;
    GRANT SELECT, INSERT ON data_keys TO haven_app;
  `);
  // A non-superuser login must be a member of haven_app to SET ROLE to it.
  const [me] = await database.query<{ rolsuper: boolean }>(`select rolsuper from pg_roles where rolname = current_user`);
  if (!me?.rolsuper) {
    await database.exec(`GRANT haven_app TO CURRENT_USER`).catch(() => {});
  }
}

/**
 * Run `fn` while holding a PostgreSQL session advisory lock, so that processes starting
 * together migrate and seed one after another. PGlite is one process: no lock needed.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return fn();
  const pool = (database.db as unknown as { $client: import('pg').Pool }).$client;
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock(727274)');
    return await fn();
  } finally {
    await conn.query('select pg_advisory_unlock(727274)').catch(() => {});
    conn.release();
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is a database inside one process: a second process opening the same files would
 * corrupt them. A pid file claims the data directory; a claim by a dead process is stale.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'haven.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`the embedded database in ${dataDir} is in use by process ${owner}: stop that Haven first (PGlite serves one process at a time; if none is running, delete ${file})`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  return () => {
    try {
      if (Number(fs.readFileSync(file, 'utf8').trim()) === process.pid) fs.rmSync(file);
    } catch {}
  };
}
