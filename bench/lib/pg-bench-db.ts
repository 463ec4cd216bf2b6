import pg from 'pg';

/** A PostgreSQL admin connection for the length of `fn`. */
export async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Databases left by benchmark runs that were killed (their process is gone). */
async function dropStaleDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'haven\\_bench\\_%'`);
  for (const { datname } of rows) {
    const pid = Number(/^haven_bench_(?:[a-z]+_)?(\d+)$/.exec(datname)?.[1]);
    if (!pid) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code !== 'ESRCH';
    }
    if (!alive) await admin.query(`drop database if exists ${datname} with (force)`);
  }
}

/** A fresh database `haven_bench_<tag>_<pid>` (stale ones of dead runs dropped first); returns its URL and a drop function. */
export async function createBenchDatabase(adminUrl: string, tag: string) {
  const name = `haven_bench_${tag}_${process.pid}`;
  await withAdmin(adminUrl, async (admin) => {
    await dropStaleDatabases(admin);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`)),
  };
}
