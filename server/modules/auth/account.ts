import type { PasswordResetCompleteInput, PasswordResetRequestInput, SwitchOrgInput, UpdateMeInput } from '../../../contracts/auth.ts';
import { appendAudit, audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { consumePasswordLink, issuePasswordLink, orgRepo, sendPasswordMail } from '../organizations/index.ts';
import { hashPassword } from './password.ts';
import { sessionInfo } from './session-state.ts';
import { findSessionById } from './session-lookup.ts';
import { deleteSession, deleteUserSessions, updateSession } from './sessions.ts';

async function me(ctx: Ctx) {
  const userId = ctx.actor?.userId;
  const sessionId = ctx.actor?.sessionId;
  if (!userId || !sessionId) throw unauthorized();
  const user = await orgRepo.findUser(ctx.db, userId);
  if (!user) throw unauthorized();
  return { user, session: await findSessionById(ctx.db, sessionId) };
}

export async function getSession({ ctx }: { ctx: Ctx; input?: undefined }) {
  const { user, session } = await me(ctx);
  return sessionInfo(ctx.db, session, user);
}

export async function switchOrg({ ctx, input }: { ctx: Ctx; input: SwitchOrgInput }) {
  const { user, session } = await me(ctx);
  if (!(await orgRepo.membership(ctx.db, user.id, input.orgId))) throw new AppError('not_a_member', 403, {}, 'orgId');
  return inTx(ctx, async (tx) => {
    await updateSession(tx.db, session.id, { orgId: input.orgId });
    await audit(tx, { action: 'auth.switch_org', entityType: 'organization', entityId: input.orgId, orgId: input.orgId });
    return sessionInfo(tx.db, { ...session, orgId: input.orgId }, user);
  }, { orgId: input.orgId });
}

export async function updateMe({ ctx, input }: { ctx: Ctx; input: UpdateMeInput }) {
  const { user, session } = await me(ctx);
  return inTx(ctx, async (tx) => {
    const updated = await orgRepo.updateUser(tx.db, user.id, input);
    await audit(tx, { action: 'user.update_self', entityType: 'user', entityId: user.id, details: { changed: Object.keys(input) } });
    return sessionInfo(tx.db, session, updated);
  });
}

export async function signOut({ ctx }: { ctx: Ctx; input?: undefined }) {
  const { session } = await me(ctx);
  await inTx(ctx, async (tx) => {
    await deleteSession(tx.db, session.id);
    await audit(tx, { action: 'auth.sign_out', entityType: 'user', entityId: session.userId });
  });
  return { ok: true as const };
}

/** Ends every session of the user, on every device (a lost laptop, a shared computer). */
export async function signOutEverywhere({ ctx }: { ctx: Ctx; input?: undefined }) {
  const { user } = await me(ctx);
  await inTx(ctx, async (tx) => {
    const count = await deleteUserSessions(tx.db, user.id);
    await audit(tx, { action: 'auth.sign_out_everywhere', entityType: 'user', entityId: user.id, details: { sessions: count } });
  });
  return { ok: true as const };
}

/** Always answers ok, whether or not the email has an account (no enumeration). */
export async function requestPasswordReset({ ctx, input }: { ctx: Ctx; input: PasswordResetRequestInput }) {
  const user = await orgRepo.findUserByEmail(ctx.db, input.email);
  if (user && !user.disabledAt) {
    const token = await inTx(ctx, async (tx) => {
      const t = await issuePasswordLink(tx.db, user.id, 3600_000);
      await appendAudit(tx.db, {
        orgId: null, actorUserId: null, actorLabel: 'anonymous', action: 'auth.password_reset_request',
        entityType: 'user', entityId: user.id, details: {}, ip: ctx.ip, requestId: ctx.requestId,
      });
      return t;
    });
    await sendPasswordMail(ctx, 'reset', { email: user.email, language: user.language }, token);
  }
  return { ok: true as const };
}

/** A valid link sets the password and ends every existing session of that user. */
export async function completePasswordReset({ ctx, input }: { ctx: Ctx; input: PasswordResetCompleteInput }) {
  const passwordHash = await hashPassword(input.password);
  await inTx(ctx, async (tx) => {
    const userId = await consumePasswordLink(tx.db, input.token);
    if (!userId) throw new AppError('reset_token_invalid', 400, {}, 'token');
    await orgRepo.updateUser(tx.db, userId, { passwordHash });
    await deleteUserSessions(tx.db, userId);
    await appendAudit(tx.db, {
      orgId: null, actorUserId: userId, actorLabel: 'password-link', action: 'auth.password_reset',
      entityType: 'user', entityId: userId, details: {}, ip: ctx.ip, requestId: ctx.requestId,
    });
  });
  return { ok: true as const };
}
