import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context.ts';
import type { ResolvedAuth } from '../../platform/http/mount.ts';
import { orgRepo } from '../organizations/index.ts';
import { findActiveToken, markTokenUsed, TOKEN_PREFIX } from './api-tokens.ts';
import { sessionState } from './session-state.ts';
import { findSession, SESSION_COOKIE, touchSession } from './sessions.ts';

/** Who is calling: a bearer API token, or the session cookie. Unknown or expired → anonymous. */
export function createResolveAuth(deps: Deps) {
  const db = deps.database.db;
  return async function resolveAuth(req: FastifyRequest): Promise<ResolvedAuth | null> {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const secret = header.slice(7).trim();
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const token = await findActiveToken(db, secret);
      if (!token) return null;
      await markTokenUsed(db, token);
      return {
        via: 'token',
        csrfToken: null,
        language: null,
        actor: {
          kind: 'token',
          userId: null,
          tokenId: token.id,
          orgId: token.orgId,
          role: null,
          permissions: new Set(token.scopes),
          label: `token:${token.name}`,
          mfaVerified: true,
        },
      };
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (!cookie) return null;
    const session = await findSession(db, cookie);
    if (!session) return null;
    const user = await orgRepo.findUser(db, session.userId);
    if (!user || user.disabledAt) return null;
    await touchSession(db, session, deps.config.SESSION_TTL_HOURS);
    const state = await sessionState(db, session, user);
    return {
      via: 'cookie',
      csrfToken: session.csrfToken,
      language: user.language,
      actor: {
        kind: 'user',
        userId: user.id,
        sessionId: session.id,
        orgId: state.orgId,
        role: state.role,
        permissions: new Set(state.permissions),
        label: user.email,
        mfaVerified: state.mfa === 'ok',
      },
    };
  };
}
