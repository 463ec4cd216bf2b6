import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiToken,
  CreateApiTokenInput,
  CreatedApiToken,
  MfaCodeInput,
  MfaEnrolDone,
  MfaEnrolStart,
  PasswordResetCompleteInput,
  PasswordResetRequestInput,
  SessionInfo,
  SignInInput,
  SwitchOrgInput,
  UpdateMeInput,
} from '../../../contracts/auth.ts';
import { IdParams, Ok } from '../../../contracts/common.ts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  completePasswordReset,
  getSession,
  requestPasswordReset,
  signOut,
  signOutEverywhere,
  switchOrg,
  updateMe,
} from './account.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { confirmMfaEnrolment, startMfaEnrolment, verifyMfa } from './mfa.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { signIn } from './sign-in.ts';

const tags = ['auth'];

function setSessionCookie(deps: Deps, req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies || req.protocol === 'https',
    maxAge: deps.config.SESSION_TTL_HOURS * 3600,
  });
}

export const authRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/auth/sign-in', tags, summary: 'Sign in with email and password',
    policy: { public: true }, body: SignInInput, response: SessionInfo,
    handler: async ({ ctx, body, req, reply }) => {
      const { token, info } = await signIn({ ctx, input: body, userAgent: req.headers['user-agent'] });
      setSessionCookie(ctx.deps, req, reply, token);
      return info;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/auth/session', tags, summary: 'The current session, its org, role and permissions',
    policy: { signedIn: true, partial: true }, response: SessionInfo,
    handler: ({ ctx }) => getSession({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/sign-out', tags, summary: 'End this session',
    policy: { signedIn: true, partial: true }, response: Ok,
    handler: async ({ ctx, reply }) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return signOut({ ctx });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/sign-out-everywhere', tags, summary: 'End every session of this user',
    policy: { signedIn: true }, response: Ok,
    handler: async ({ ctx, reply }) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return signOutEverywhere({ ctx });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/mfa/verify', tags, summary: 'Second step of sign-in: a TOTP or recovery code',
    policy: { signedIn: true, partial: true }, body: MfaCodeInput, response: SessionInfo,
    handler: ({ ctx, body }) => verifyMfa({ ctx, input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/mfa/enrol/start', tags, summary: 'Begin two-factor enrolment',
    policy: { signedIn: true, partial: true }, response: MfaEnrolStart,
    handler: ({ ctx }) => startMfaEnrolment({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/mfa/enrol/confirm', tags, summary: 'Finish two-factor enrolment; returns recovery codes once',
    policy: { signedIn: true, partial: true }, body: MfaCodeInput, response: MfaEnrolDone,
    handler: ({ ctx, body }) => confirmMfaEnrolment({ ctx, input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/switch-org', tags, summary: 'Act in another org the user belongs to',
    policy: { signedIn: true }, body: SwitchOrgInput, response: SessionInfo,
    handler: ({ ctx, body }) => switchOrg({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/auth/me', tags, summary: 'Change own name or language',
    policy: { signedIn: true, partial: true }, body: UpdateMeInput, response: SessionInfo,
    handler: ({ ctx, body }) => updateMe({ ctx, input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/password-reset/request', tags, summary: 'Email a password reset link',
    policy: { public: true }, body: PasswordResetRequestInput, response: Ok,
    handler: ({ ctx, body }) => requestPasswordReset({ ctx, input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/password-reset/complete', tags, summary: 'Set a new password with a reset link',
    policy: { public: true }, body: PasswordResetCompleteInput, response: Ok,
    handler: ({ ctx, body }) => completePasswordReset({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/api-tokens', tags, summary: 'API tokens of the current org',
    policy: { action: 'tokens.manage' }, response: z.object({ items: z.array(ApiToken) }),
    handler: ({ ctx }) => listApiTokens({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/api-tokens', tags, summary: 'Create a scoped API token (secret shown once)',
    policy: { action: 'tokens.manage' }, body: CreateApiTokenInput, response: CreatedApiToken, status: 201,
    handler: ({ ctx, body }) => createApiToken({ ctx, input: body }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/org/api-tokens/:id', tags, summary: 'Revoke an API token',
    policy: { action: 'tokens.manage' }, params: IdParams, response: Ok,
    handler: ({ ctx, params }) => revokeApiToken({ ctx, input: params }),
  }),
];
