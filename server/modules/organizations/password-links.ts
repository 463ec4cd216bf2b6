import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { t, type Lang } from '../../platform/i18n/i18n.ts';
import { passwordResets } from './organizations.table.ts';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A one-time link to set a password (reset or invitation). Only the hash is stored. */
export async function issuePasswordLink(db: DbOrTx, userId: string, validForMs: number): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(passwordResets).values({ tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + validForMs) });
  return token;
}

/** Mark the link used and return its user, or null when unknown, used or expired. */
export async function consumePasswordLink(db: DbOrTx, token: string): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
    .returning();
  return row?.userId ?? null;
}

export const resetLink = (deps: Deps, token: string) => `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;

/** Sent after the transaction commits: a mail must never announce a change that rolled back. */
export async function sendPasswordMail(
  ctx: Pick<Ctx, 'deps'>,
  kind: 'reset' | 'invite',
  to: { email: string; language: Lang },
  token: string,
  params: Record<string, string> = {},
) {
  const lang = to.language;
  const link = resetLink(ctx.deps, token);
  await ctx.deps.email.send({
    to: to.email,
    subject: t(lang, `email.${kind}_subject`, params),
    text: t(lang, `email.${kind}_body`, { ...params, email: to.email, link }),
  });
}
