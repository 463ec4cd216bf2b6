import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Action } from '../authz/actions.ts';
import type { Ctx } from '../context.ts';

/**
 * Every route declares who may call it. A route without a policy does not mount
 * (app.ts refuses it at start-up).
 * - public: anyone (health, sign-in, password reset).
 * - signedIn: a signed-in user whatever their org; `partial` also admits a session that
 *   has not finished two-factor (the two-factor routes themselves).
 * - action: the actor's role in their current org must allow it. `hideAs404` answers a
 *   refusal with 404, for reads of sensitive records (so their existence does not leak).
 */
export type Policy =
  | { public: true }
  | { signedIn: true; partial?: boolean }
  | { action: Action; hideAs404?: boolean };

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export interface RouteDef<P = Schema | undefined, Q = Schema | undefined, B = Schema | undefined, R extends Schema = Schema> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  policy: Policy;
  summary: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status of a successful answer (default 200). */
  status?: number;
  /** Largest request body in bytes, where a route needs more than the app-wide limit (an import file). */
  bodyLimit?: number;
  handler: (args: {
    ctx: Ctx;
    params: Infer<P>;
    query: Infer<Q>;
    body: Infer<B>;
    req: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<z.input<R>>;
}

/** Identity function that carries the types from the schemas to the handler. */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(def: RouteDef<P, Q, B, R>): RouteDef<any, any, any, any> {
  return def as RouteDef<any, any, any, any>;
}
