import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, forbidden, notFound, unauthorized } from '../errors.ts';
import type { Actor, Ctx, Deps } from '../context.ts';
import { isLang, type Lang, negotiateLang } from '../i18n/i18n.ts';
import type { Policy, RouteDef } from './route.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor | null;
    /** How the actor authenticated: the session cookie needs a CSRF token on mutations. */
    authVia: 'cookie' | 'token' | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export interface ResolvedAuth {
  actor: Actor;
  via: 'cookie' | 'token';
  csrfToken: string | null;
  language: Lang | null;
}

export type ResolveAuth = (req: FastifyRequest) => Promise<ResolvedAuth | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who may call, decided before the handler runs; see Policy in route.ts. */
export function checkPolicy(req: FastifyRequest, policy: Policy) {
  if ('public' in policy) return;
  const actor = req.actor;
  if (!actor) throw unauthorized();
  if (req.authVia === 'cookie' && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (!sent || sent !== req.csrfToken) throw new AppError('csrf', 403);
  }
  if (!actor.mfaVerified && !('signedIn' in policy && policy.partial)) throw new AppError('mfa_required', 401);
  if ('signedIn' in policy) {
    if (actor.kind !== 'user') throw forbidden();
    return;
  }
  if (!actor.orgId || !actor.permissions.has(policy.action)) {
    throw policy.hideAs404 ? notFound() : forbidden();
  }
}

export function mountRoutes(app: FastifyInstance, deps: Deps, routes: RouteDef<any, any, any, any>[]) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const def of routes) {
    typed.route({
      method: def.method,
      url: def.url,
      ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
      config: { policy: def.policy },
      schema: {
        summary: def.summary,
        tags: def.tags,
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { querystring: def.query } : {}),
        ...(def.body ? { body: def.body } : {}),
        response: { [def.status ?? 200]: def.response },
        ...('public' in def.policy ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      },
      // Before validation: a caller who may not call the route learns nothing about its input.
      preValidation: async (req) => checkPolicy(req, def.policy),
      handler: async (req, reply) => {
        const ctx: Ctx = {
          deps,
          actor: req.actor,
          lang: req.lang,
          requestId: String(req.id),
          ip: req.ip,
          db: deps.database.db,
        };
        const result = await def.handler({ ctx, params: req.params, query: req.query, body: req.body, req, reply });
        reply.status(def.status ?? 200);
        return result;
      },
    });
  }
}

/** Resolve the actor and the language for every request (before routing decisions). */
export function installAuth(app: FastifyInstance, resolveAuth: ResolveAuth) {
  app.decorateRequest('lang', 'en');
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    const explicit = req.headers['x-haven-lang'];
    const auth = req.url.startsWith('/api/') ? await resolveAuth(req) : null;
    if (auth) {
      req.actor = auth.actor;
      req.authVia = auth.via;
      req.csrfToken = auth.csrfToken;
    }
    req.lang = isLang(explicit) ? explicit : negotiateLang(req.headers['accept-language'], auth?.language ?? 'en');
  });
}

export interface MountedRoute {
  method: string;
  url: string;
  policy: Policy | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as mounted, for the policy and matrix tests. */
    mountedRoutes: MountedRoute[];
  }
}

/**
 * Deny by default: a route without a declared policy does not mount — start-up fails
 * naming it. Only the static app shell and the API documentation are exempt.
 */
export function denyRoutesWithoutPolicy(app: FastifyInstance, exempt: RegExp[]) {
  app.decorate('mountedRoutes', [] as MountedRoute[]);
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    const policy = (route.config as { policy?: Policy } | undefined)?.policy ?? null;
    for (const method of methods) app.mountedRoutes.push({ method, url: route.url, policy });
    if (policy) return;
    const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
    if (readOnly && exempt.some((re) => re.test(route.url))) return;
    throw new Error(`route ${methods.join(',')} ${route.url} has no policy; refusing to mount it`);
  });
}
