import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { sessions, sha256 } from '../organizations/index.ts';

export const SESSION_COOKIE = 'haven_session';

export type SessionRow = typeof sessions.$inferSelect;

export async function createSession(
  db: DbOrTx,
  opts: { userId: string; orgId: string | null; mfaVerified: boolean; ip: string | null; userAgent: string | null; ttlHours: number },
) {
  const token = crypto.randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(sessions)
    .values({
      id: sha256(token),
      userId: opts.userId,
      orgId: opts.orgId,
      mfaVerified: opts.mfaVerified,
      csrfToken: crypto.randomBytes(24).toString('base64url'),
      ip: opts.ip,
      userAgent: opts.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + opts.ttlHours * 3600_000),
    })
    .returning();
  return { token, session: row };
}

export async function findSession(db: DbOrTx, token: string) {
  const [row] = await db.select().from(sessions).where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
  return row ?? null;
}

/** Slide the idle expiry, at most once a minute per session (not a write per request). */
export async function touchSession(db: DbOrTx, row: SessionRow, ttlHours: number) {
  if (Date.now() - row.lastSeenAt.getTime() < 60_000) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlHours * 3600_000) })
    .where(eq(sessions.id, row.id));
}

export async function updateSession(db: DbOrTx, id: string, patch: Partial<Pick<SessionRow, 'orgId' | 'mfaVerified'>>) {
  await db.update(sessions).set(patch).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: DbOrTx, userId: string) {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

export async function purgeExpiredSessions(db: DbOrTx) {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning({ id: sessions.id });
  return rows.length;
}

export const countSessions = async (db: DbOrTx, userId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId)))[0].n;
