import { z } from 'zod';
import { Lang } from './common.ts';

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const Membership = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  orgSlug: z.string(),
  orgKind: z.enum(['network', 'affiliate']),
  role: z.string(),
});
export type Membership = z.infer<typeof Membership>;

/**
 * The session as the web app sees it. `mfa`:
 * - "ok": fully signed in;
 * - "verify": password accepted, enter the TOTP (or a recovery code);
 * - "enrol": the org requires two-factor for this role and the user has none yet.
 */
export const SessionInfo = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string(), language: Lang, mfaEnabled: z.boolean() }),
  mfa: z.enum(['ok', 'verify', 'enrol']),
  csrfToken: z.string(),
  currentOrgId: z.uuid().nullable(),
  role: z.string().nullable(),
  permissions: z.array(z.string()),
  memberships: z.array(Membership),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const MfaCodeInput = z.object({
  code: z.string().trim().min(6).max(32),
});
export type MfaCodeInput = z.infer<typeof MfaCodeInput>;

export const MfaEnrolStart = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export type MfaEnrolStart = z.infer<typeof MfaEnrolStart>;
export const MfaEnrolDone = z.object({ recoveryCodes: z.array(z.string()), session: SessionInfo });
export type MfaEnrolDone = z.infer<typeof MfaEnrolDone>;

export const SwitchOrgInput = z.object({ orgId: z.uuid() });
export type SwitchOrgInput = z.infer<typeof SwitchOrgInput>;

export const UpdateMeInput = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  language: Lang.optional(),
});
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const PasswordResetRequestInput = z.object({ email: z.string().trim().toLowerCase().email().max(320) });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>;
export const PasswordResetCompleteInput = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(12).max(1024),
});
export type PasswordResetCompleteInput = z.infer<typeof PasswordResetCompleteInput>;

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string()).min(1).max(50),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;
/** The secret is shown once, here, and stored only as a hash. */
export const CreatedApiToken = ApiToken.extend({ secret: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
