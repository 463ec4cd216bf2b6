import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { signinThrottle } from '../organizations/index.ts';

/**
 * Abuse limits for the public alert sign-up, as for the hotline's help form: fixed one-hour
 * windows per network address (high: a community center's wifi signs up a room full of
 * people) and per contact (low: each sign-up texts or mails that contact once, so a
 * stranger must not be able to flood someone's phone with confirmation requests). Counters
 * in `signin_throttle` under "alert-signup:" keys, HMACed so no address or phone is stored.
 */
export const SIGNUP_LIMITS = { perAddress: 60, perContact: 3, windowMs: 60 * 60_000 };

export async function checkSignupLimits(deps: Deps, keys: { ip: string | null; contacts: string[] }, now = new Date()) {
  const hash = (s: string) => crypto.createHmac('sha256', deps.linkSigningKey).update(s).digest('base64url').slice(0, 32);
  const checks = [
    ...(keys.ip ? [{ key: `alert-signup:ip:${hash(keys.ip)}`, limit: SIGNUP_LIMITS.perAddress }] : []),
    ...keys.contacts.map((c) => ({ key: `alert-signup:contact:${hash(c)}`, limit: SIGNUP_LIMITS.perContact })),
  ];
  let waitMs = 0;
  const windowStart = new Date(now.getTime() - SIGNUP_LIMITS.windowMs);
  for (const c of checks) {
    const [row] = await deps.database.db
      .insert(signinThrottle)
      .values({ key: c.key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signinThrottle.key,
        set: {
          failures: sql`case when ${signinThrottle.lastFailureAt} <= ${windowStart} then 1 else ${signinThrottle.failures} + 1 end`,
          lastFailureAt: sql`case when ${signinThrottle.lastFailureAt} <= ${windowStart} then ${now} else ${signinThrottle.lastFailureAt} end`,
        },
      })
      .returning();
    if (row.failures > c.limit) waitMs = Math.max(waitMs, row.lastFailureAt.getTime() + SIGNUP_LIMITS.windowMs - now.getTime());
  }
  if (waitMs > 0) throw new AppError('signup_rate_limited', 429, { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
}
