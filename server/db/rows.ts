import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/** Raw SQL through Drizzle, rows typed by the caller. Both drivers answer `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
