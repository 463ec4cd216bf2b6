import type {
  MfaEnrolDone,
  MfaEnrolStart,
  PasswordResetCompleteInput,
  PasswordResetRequestInput,
  SessionInfo,
  SignInInput,
  UpdateMeInput,
} from '../../../../contracts/auth.ts';
import type { Ok } from '../../../../contracts/common.ts';
import { api } from '../../lib/api.ts';

export const authApi = {
  signIn: (body: SignInInput) => api<SessionInfo>('/api/v1/auth/sign-in', { method: 'POST', body }),
  signOut: () => api<Ok>('/api/v1/auth/sign-out', { method: 'POST' }),
  signOutEverywhere: () => api<Ok>('/api/v1/auth/sign-out-everywhere', { method: 'POST' }),
  verifyMfa: (code: string) => api<SessionInfo>('/api/v1/auth/mfa/verify', { method: 'POST', body: { code } }),
  startEnrolment: () => api<MfaEnrolStart>('/api/v1/auth/mfa/enrol/start', { method: 'POST' }),
  confirmEnrolment: (code: string) => api<MfaEnrolDone>('/api/v1/auth/mfa/enrol/confirm', { method: 'POST', body: { code } }),
  switchOrg: (orgId: string) => api<SessionInfo>('/api/v1/auth/switch-org', { method: 'POST', body: { orgId } }),
  updateMe: (body: UpdateMeInput) => api<SessionInfo>('/api/v1/auth/me', { method: 'PATCH', body }),
  requestPasswordReset: (body: PasswordResetRequestInput) => api<Ok>('/api/v1/auth/password-reset/request', { method: 'POST', body }),
  completePasswordReset: (body: PasswordResetCompleteInput) => api<Ok>('/api/v1/auth/password-reset/complete', { method: 'POST', body }),
};
