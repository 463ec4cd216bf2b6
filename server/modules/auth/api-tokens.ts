import crypto from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiToken, CreateApiTokenInput } from '../../../contracts/auth.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { apiTokens, sha256 } from '../organizations/index.ts';

type TokenRow = typeof apiTokens.$inferSelect;
const toApiToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export const TOKEN_PREFIX = 'hvn_';

export async function listApiTokens({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.orgId, orgId)).orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(toApiToken) };
}

/** Scoped to the current org and to actions the creator holds; the secret is returned once. */
export async function createApiToken({ ctx, input }: { ctx: Ctx; input: CreateApiTokenInput }) {
  const orgId = requireOrg(ctx);
  const scopes = [...new Set(input.scopes)].sort();
  if (scopes.some((s) => !ctx.actor?.permissions.has(s))) throw new AppError('token_scope', 400, {}, 'scopes');
  const secret = TOKEN_PREFIX + crypto.randomBytes(30).toString('base64url');
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(apiTokens)
      .values({ orgId, name: input.name, tokenHash: sha256(secret), scopes, createdBy: ctx.actor?.userId ?? null })
      .returning();
    await audit(tx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, details: { name: input.name, scopes } });
    return { ...toApiToken(row), secret };
  });
}

export async function revokeApiToken({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, input.id), eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!rows.length) throw notFound('api_token');
    await audit(tx, { action: 'api_token.revoke', entityType: 'api_token', entityId: input.id });
    return { ok: true as const };
  });
}

export async function findActiveToken(db: DbOrTx, secret: string) {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

export async function markTokenUsed(db: DbOrTx, row: TokenRow) {
  if (row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < 60_000) return;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
}
