import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AuditPage, AuditQuery } from '../../../contracts/audit.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';

/** The current org's audit chain, newest first, with keyset paging. */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: AuditQuery }): Promise<AuditPage> {
  const orgId = requireOrg(ctx);
  const where: (SQL | undefined)[] = [eq(auditLog.orgId, orgId)];
  if (input.entityType) where.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
  if (input.action) where.push(eq(auditLog.action, input.action));
  if (input.before) where.push(lt(auditLog.id, input.before));
  return inTx(ctx, async (tx) => {
    const rows = await tx.db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        seq: r.seq,
        actorLabel: r.actorLabel,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        details: r.details as Record<string, unknown>,
        ip: r.ip,
        createdAt: r.createdAt.toISOString(),
      })),
      nextBefore: rows.length > input.limit ? page[page.length - 1].id : null,
    };
  });
}
