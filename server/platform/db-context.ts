import { sql } from 'drizzle-orm';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

/**
 * Run `fn` in a transaction as the unprivileged haven_app role with the actor's org set,
 * so row-level security applies on top of each query's own org filter. Nested calls reuse
 * the open transaction.
 */
export async function inTx<T>(ctx: Ctx, fn: (txCtx: Ctx) => Promise<T>, opts: { orgId?: string | null } = {}): Promise<T> {
  if ((ctx as Ctx & { inTx?: boolean }).inTx) return fn(ctx);
  const orgId = opts.orgId !== undefined ? opts.orgId : (ctx.actor?.orgId ?? null);
  return ctx.deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'haven_app', true), set_config('haven.org_id', ${orgId ?? ''}, true)`);
    return fn({ ...ctx, db: tx, inTx: true } as Ctx);
  });
}

/** The actor's current org, or a 403 if they act in none (e.g. a user with no membership). */
export function requireOrg(ctx: Ctx): string {
  const orgId = ctx.actor?.orgId;
  if (!orgId) throw new AppError('not_a_member', 403);
  return orgId;
}

/** Point the open transaction at another org (e.g. right after creating that org). */
export async function setTxOrg(ctx: Ctx, orgId: string) {
  await ctx.db.execute(sql`select set_config('haven.org_id', ${orgId}, true)`);
}
