import { and, asc, eq } from 'drizzle-orm';
import type { CannedResponse, CannedResponseInput, CannedResponseList, CannedResponsePatch } from '../../../contracts/hotline.ts';
import type { Ok } from '../../../contracts/common.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { notFound } from '../../platform/errors.ts';
import { cannedResponses } from './hotline.table.ts';

/**
 * Canned responses: answers written once in Korean, English and Spanish (all three
 * required, so the inbox can always insert the conversation's language). Responders read
 * them; coordinators write them. Every change is audited (ids and fields, not the text).
 */
type Row = typeof cannedResponses.$inferSelect;
const toView = (r: Row): CannedResponse => ({ id: r.id, title: r.title, category: r.category, bodies: r.bodies, updatedAt: r.updatedAt.toISOString() });

export async function listCannedResponses({ ctx }: { ctx: Ctx }): Promise<CannedResponseList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx.db.select().from(cannedResponses).where(eq(cannedResponses.orgId, orgId)).orderBy(asc(cannedResponses.title), asc(cannedResponses.id));
    return { items: rows.map(toView) };
  });
}

export async function createCannedResponse({ ctx, input }: { ctx: Ctx; input: CannedResponseInput }): Promise<CannedResponse> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(cannedResponses)
      .values({ orgId, title: input.title, category: input.category ?? null, bodies: input.bodies, createdBy: ctx.actor?.userId ?? null })
      .returning();
    await audit(tx, { action: 'canned_response.create', entityType: 'canned_response', entityId: row.id });
    return toView(row);
  });
}

export async function updateCannedResponse({ ctx, input }: { ctx: Ctx; input: CannedResponsePatch & { id: string } }): Promise<CannedResponse> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .update(cannedResponses)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.bodies !== undefined ? { bodies: input.bodies } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(cannedResponses.orgId, orgId), eq(cannedResponses.id, input.id)))
      .returning();
    if (!row) throw notFound('canned_response');
    await audit(tx, { action: 'canned_response.update', entityType: 'canned_response', entityId: row.id, details: { fields: Object.keys(input).filter((k) => k !== 'id') } });
    return toView(row);
  });
}

export async function deleteCannedResponse({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Ok> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db.delete(cannedResponses).where(and(eq(cannedResponses.orgId, orgId), eq(cannedResponses.id, input.id))).returning({ id: cannedResponses.id });
    if (!row) throw notFound('canned_response');
    await audit(tx, { action: 'canned_response.delete', entityType: 'canned_response', entityId: row.id });
    return { ok: true as const };
  });
}
