import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { SignupConfirmDetails } from '../../../contracts/alert-subscribers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordConsent } from '../messaging/index.ts';
import { organizations } from '../organizations/index.ts';
import { alertSignups } from './alerts.table.ts';
import { hashSignupToken } from './signup.ts';

export type SignupRow = typeof alertSignups.$inferSelect;

/**
 * The double opt-in's record: an opt-in for the sign-up's address and channel from its org
 * (scope affiliate, topic all) whose evidence is the form itself — the text shown, its
 * language, the source, when it was filled — and what confirmed it (the YES's MessageSid,
 * or the email link). Marks the sign-up confirmed in the same transaction.
 */
export async function recordSignupConfirmation(db: DbOrTx, signup: SignupRow, confirmedBy: string, at = new Date()) {
  await recordConsent(db, {
    orgId: signup.orgId, address: signup.address, personId: signup.personId, channel: signup.channel, scope: 'affiliate', topic: 'all',
    status: 'opted_in', evidenceKind: 'form',
    evidence: { textShown: signup.textShown, lang: signup.lang, source: signup.source, signedUpAt: signup.createdAt.toISOString(), confirmedBy, signupId: signup.id },
  });
  await db.update(alertSignups).set({ confirmedAt: at }).where(eq(alertSignups.id, signup.id));
  // Someone known by phone who confirmed a new email (or the reverse): alerts go to the addresses on the person, so the
  // confirmed one fills an empty field (a different address on file is left alone: staff decide between the two).
  await db.execute(sql`
    update people set ${signup.channel === 'sms' ? sql`phone_e164 = ${signup.address}` : sql`email = ${signup.address}`}, updated_at = now(), version = version + 1
    where id = ${signup.personId} and org_id = ${signup.orgId} and ${signup.channel === 'sms' ? sql`phone_e164 is null` : sql`(email is null or email = '')`}`);
}

/** The sign-up a confirmation link names, found before any org is known (by the token's hash; the root handle). */
async function findByToken(ctx: Ctx, token: string): Promise<SignupRow | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await ctx.deps.database.db.select().from(alertSignups).where(eq(alertSignups.tokenHash, hashSignupToken(token)));
  return row ?? null;
}

const statusOf = (s: SignupRow, now: Date): SignupConfirmDetails['status'] => (s.confirmedAt ? 'confirmed' : s.expiresAt <= now ? 'expired' : 'pending');

/** What the confirmation page shows (GET: changes nothing; link scanners prefetch it). */
export async function signupConfirmDetails({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<SignupConfirmDetails> {
  const s = await findByToken(ctx, input.token);
  if (!s) return { status: 'invalid', lang: ctx.lang, orgName: null };
  const [org] = await ctx.deps.database.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, s.orgId));
  return { status: statusOf(s, new Date()), lang: s.lang, orgName: org?.name ?? null };
}

/**
 * The button on the confirmation page (POST). An unknown link is a 404, an expired one a
 * 410, both translated and recording nothing; a second press answers "confirmed" and
 * records nothing twice (the row is locked, so two presses at once record one opt-in).
 */
export async function confirmEmailSignup({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<SignupConfirmDetails> {
  const found = await findByToken(ctx, input.token);
  if (!found) throw new AppError('signup_link_invalid', 404);
  const now = new Date();
  return inTx(
    ctx,
    async (tx) => {
      const [s] = await tx.db.select().from(alertSignups).where(eq(alertSignups.id, found.id)).for('update');
      const [org] = await tx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, s.orgId));
      const status = statusOf(s, now);
      if (status === 'expired') throw new AppError('signup_link_expired', 410);
      if (status === 'pending') {
        await recordSignupConfirmation(tx.db, s, 'email_link', now);
        await audit(tx, { action: 'alerts.signup_confirmed', orgId: s.orgId, entityType: 'person', entityId: s.personId, details: { signupId: s.id, channel: 'email' } });
      }
      return { status: 'confirmed' as const, lang: s.lang, orgName: org?.name ?? null };
    },
    { orgId: found.orgId },
  );
}

/** Pending sign-ups of an address on a channel in an org, oldest first, locked (the YES confirms them). */
export async function pendingSignups(db: DbOrTx, q: { orgId: string; channel: 'sms' | 'email'; address: string; now?: Date }) {
  return db
    .select()
    .from(alertSignups)
    .where(and(eq(alertSignups.orgId, q.orgId), eq(alertSignups.channel, q.channel), eq(alertSignups.address, q.address), isNull(alertSignups.confirmedAt), gt(alertSignups.expiresAt, q.now ?? new Date())))
    .orderBy(alertSignups.createdAt)
    .for('update');
}
