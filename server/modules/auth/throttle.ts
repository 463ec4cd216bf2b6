import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { signinThrottle } from '../organizations/index.ts';

/**
 * Sign-in throttling that slows attackers without letting them lock staff out:
 * - per account *and* IP: a password guesser at one address backs off exponentially (to 15 min);
 *   a staff member at their own address is not affected by guesses from elsewhere;
 * - per IP: one address spraying many accounts backs off (to 15 min);
 * - per account from anywhere: only a short delay (at most 30 s), never a lockout, so a
 *   distributed attack is slowed but cannot keep the real person out.
 * Failures older than the window are forgotten.
 */
const RULES = [
  { prefix: 'acctip', free: 5, maxSeconds: 900 },
  { prefix: 'ip', free: 20, maxSeconds: 900 },
  { prefix: 'acct', free: 10, maxSeconds: 30 },
] as const;
const WINDOW_MS = 15 * 60_000;

export function throttleKeys(email: string, ip: string) {
  return { acctip: `acctip:${email}|${ip}`, ip: `ip:${ip}`, acct: `acct:${email}` };
}

export async function assertNotThrottled(db: DbOrTx, email: string, ip: string, now = new Date()) {
  const keys = Object.values(throttleKeys(email, ip));
  const rows = await db.select().from(signinThrottle).where(inArray(signinThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) {
    throw new AppError('rate_limited', 429, { seconds: Math.ceil((until - now.getTime()) / 1000) });
  }
}

export async function recordFailure(db: DbOrTx, email: string, ip: string, now = new Date()) {
  const keys = throttleKeys(email, ip);
  for (const rule of RULES) {
    const key = keys[rule.prefix];
    const [row] = await db
      .insert(signinThrottle)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signinThrottle.key,
        set: {
          failures: sql`case when ${signinThrottle.lastFailureAt} < ${new Date(now.getTime() - WINDOW_MS)} then 1 else ${signinThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning();
    const over = row.failures - rule.free + 1;
    if (over > 0) {
      // 4 s after the last free failure, doubling each time, up to the rule's ceiling.
      const seconds = Math.min(rule.maxSeconds, 2 ** Math.min(over + 1, 12));
      await db.update(signinThrottle).set({ blockedUntil: new Date(now.getTime() + seconds * 1000) }).where(eq(signinThrottle.key, key));
    }
  }
}

export async function recordSuccess(db: DbOrTx, email: string, ip: string) {
  const keys = throttleKeys(email, ip);
  await db.delete(signinThrottle).where(inArray(signinThrottle.key, [keys.acctip, keys.acct]));
}
