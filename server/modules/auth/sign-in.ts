import type { SignInInput } from '../../../contracts/auth.ts';
import { appendAudit, audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { orgRepo } from '../organizations/index.ts';
import { verifyPassword } from './password.ts';
import { sessionInfo } from './session-state.ts';
import { createSession } from './sessions.ts';
import { assertNotThrottled, recordFailure, recordSuccess } from './throttle.ts';

/**
 * Email + password → a new session in the user's first org (or the last one used).
 * The password check runs outside any transaction (argon2 takes tens of ms and must not
 * hold the embedded database). A failure is audited on its own, so it survives.
 */
export async function signIn({ ctx, input, userAgent }: { ctx: Ctx; input: SignInInput; userAgent?: string }) {
  const ip = ctx.ip ?? 'unknown';
  await assertNotThrottled(ctx.db, input.email, ip);
  const user = await orgRepo.findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabledAt) {
    await recordFailure(ctx.db, input.email, ip);
    await inTx(ctx, (tx) =>
      appendAudit(tx.db, {
        orgId: null,
        actorUserId: user?.id ?? null,
        actorLabel: input.email,
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        details: { reason: !user ? 'unknown_email' : user.disabledAt ? 'disabled' : 'bad_password' },
        ip,
        requestId: ctx.requestId,
      }),
    );
    throw new AppError('invalid_credentials', 401);
  }
  await recordSuccess(ctx.db, input.email, ip);
  const memberships = await orgRepo.membershipsOfUser(ctx.db, user.id);
  const orgId = memberships[0]?.orgId ?? null;
  return inTx(ctx, async (tx) => {
    const { token, session } = await createSession(tx.db, {
      userId: user.id,
      orgId,
      mfaVerified: false,
      ip,
      userAgent: userAgent ?? null,
      ttlHours: ctx.deps.config.SESSION_TTL_HOURS,
    });
    await audit({ ...tx, actor: { kind: 'user', userId: user.id, orgId, role: null, permissions: new Set(), label: user.email, mfaVerified: false } }, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      orgId,
    });
    return { token, info: await sessionInfo(tx.db, session, user) };
  }, { orgId });
}
