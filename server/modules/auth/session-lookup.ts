import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { unauthorized } from '../../platform/errors.ts';
import { sessions } from '../organizations/index.ts';

export async function findSessionById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!row) throw unauthorized();
  return row;
}
