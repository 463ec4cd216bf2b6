import crypto from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { SYSTEM_SCOPE } from '../../platform/crypto/keyring.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { orgRepo, recoveryCodes, sha256, users } from '../organizations/index.ts';
import { sessionInfo } from './session-state.ts';
import { findSessionById } from './session-lookup.ts';
import { updateSession } from './sessions.ts';

const totpFor = (email: string, secret: string) =>
  new OTPAuth.TOTP({ issuer: 'Haven', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

/**
 * The time step a code belongs to (±1 step of clock drift), or null; a step at or before
 * the last one accepted is refused, so an observed code cannot be replayed.
 */
function acceptedStep(email: string, secret: string, code: string, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(email, secret).validate({ token: code, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(Date.now() / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

async function currentUser(ctx: Ctx) {
  const userId = ctx.actor?.userId;
  if (!userId) throw unauthorized();
  const user = await orgRepo.findUser(ctx.db, userId);
  if (!user) throw unauthorized();
  return user;
}

/** Step 1 of enrolment: a fresh secret (kept encrypted as "pending") and its QR code. */
export async function startMfaEnrolment({ ctx }: { ctx: Ctx; input?: undefined }) {
  const user = await currentUser(ctx);
  if (user.totpEnabledAt) throw new AppError('mfa_already_enrolled', 409);
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await inTx(ctx, async (tx) => {
    const enc = await ctx.deps.keyring.encrypt(tx.db, SYSTEM_SCOPE, secret);
    await orgRepo.updateUser(tx.db, user.id, { totpPendingEnc: enc });
  });
  const otpauthUrl = totpFor(user.email, secret).toString();
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

/** Step 2: a correct code turns two-factor on, verifies this session and returns ten recovery codes (shown once). */
export async function confirmMfaEnrolment({ ctx, input }: { ctx: Ctx; input: { code: string } }) {
  const user = await currentUser(ctx);
  if (user.totpEnabledAt) throw new AppError('mfa_already_enrolled', 409);
  if (!user.totpPendingEnc) throw new AppError('mfa_not_enrolled', 409);
  const secret = await ctx.deps.keyring.decrypt(ctx.db, SYSTEM_SCOPE, user.totpPendingEnc);
  const step = acceptedStep(user.email, secret, input.code.replace(/\s/g, ''), null);
  if (step === null) throw new AppError('mfa_invalid_code', 400, {}, 'code');
  const codes = Array.from({ length: 10 }, () => {
    const raw = crypto.randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return inTx(ctx, async (tx) => {
    const updated = await orgRepo.updateUser(tx.db, user.id, {
      totpSecretEnc: user.totpPendingEnc,
      totpPendingEnc: null,
      totpEnabledAt: new Date(),
      totpLastStep: step,
    });
    await tx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.db.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, codeHash: sha256(normalizeRecovery(c)) })));
    await updateSession(tx.db, ctx.actor!.sessionId!, { mfaVerified: true });
    await audit(tx, { action: 'auth.mfa_enrol', entityType: 'user', entityId: user.id });
    const session = await findSessionById(tx.db, ctx.actor!.sessionId!);
    return { recoveryCodes: codes, session: await sessionInfo(tx.db, session, updated) };
  });
}

/** Second step of sign-in: a current TOTP code, or one unused recovery code (which is then spent). */
export async function verifyMfa({ ctx, input }: { ctx: Ctx; input: { code: string } }) {
  const user = await currentUser(ctx);
  if (!user.totpEnabledAt || !user.totpSecretEnc) throw new AppError('mfa_not_enrolled', 409);
  const code = input.code.replace(/\s/g, '');
  const secret = await ctx.deps.keyring.decrypt(ctx.db, SYSTEM_SCOPE, user.totpSecretEnc);
  return inTx(ctx, async (tx) => {
    let method = 'totp';
    const step = acceptedStep(user.email, secret, code, user.totpLastStep);
    // Claim the step atomically: of two requests racing with one code, only one wins.
    const claimed =
      step !== null &&
      (
        await tx.db
          .update(users)
          .set({ totpLastStep: step })
          .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
          .returning({ id: users.id })
      ).length > 0;
    if (!claimed) {
      const spent = await tx.db
        .update(recoveryCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, sha256(normalizeRecovery(code))), isNull(recoveryCodes.usedAt)))
        .returning();
      if (!spent.length) throw new AppError('mfa_invalid_code', 400, {}, 'code');
      method = 'recovery_code';
    }
    await updateSession(tx.db, ctx.actor!.sessionId!, { mfaVerified: true });
    await audit(tx, { action: 'auth.mfa_verify', entityType: 'user', entityId: user.id, details: { method } });
    const session = await findSessionById(tx.db, ctx.actor!.sessionId!);
    return sessionInfo(tx.db, session, user);
  });
}
