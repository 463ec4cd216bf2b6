import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { signinThrottle } from '../organizations/index.ts';

/**
 * Abuse limits for the public help form, fixed one-hour windows, per network address and
 * per contact (phone or email). Generous on purpose: a community center's wifi or a
 * church's phone helping a family fill the form during a raid shares one address, so the
 * address limit is high; one contact flooding is slowed on its own without touching anyone
 * else. Nothing looks at what kind of number it is: internet (VoIP) and foreign numbers are
 * as welcome as any.
 *
 * The counters live in the `signin_throttle` table (a key, a count, a time), under keys of
 * their own ("help:…"); keys are HMACs, so the table holds no address or phone in clear.
 * `last_failure_at` holds the start of the key's window here. A refused request still
 * counts, so hammering does not shorten the wait.
 */
export const HELP_LIMITS = { perAddress: 30, perContact: 6, windowMs: 60 * 60_000 };

export async function checkHelpFormLimits(deps: Deps, keys: { ip: string | null; contact: string }, now = new Date()) {
  const hash = (s: string) => crypto.createHmac('sha256', deps.linkSigningKey).update(s).digest('base64url').slice(0, 32);
  const checks = [
    ...(keys.ip ? [{ key: `help:ip:${hash(keys.ip)}`, limit: HELP_LIMITS.perAddress }] : []),
    { key: `help:contact:${hash(keys.contact)}`, limit: HELP_LIMITS.perContact },
  ];
  let waitMs = 0;
  for (const c of checks) {
    const windowStart = new Date(now.getTime() - HELP_LIMITS.windowMs);
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
    if (row.failures > c.limit) waitMs = Math.max(waitMs, row.lastFailureAt.getTime() + HELP_LIMITS.windowMs - now.getTime());
  }
  if (waitMs > 0) throw new AppError('help_rate_limited', 429, { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
}
