import { eq } from 'drizzle-orm';
import type { CaseSettings, CaseSettingsPatch } from '../../../contracts/daca.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { caseSettings } from './cases-settings.table.ts';

/** See cases-settings.table.ts for why a year. */
export const DEFAULT_CLOSED_CASE_RETENTION_DAYS = 365;

/** The affiliate's case settings with the defaults filled in (no row yet means the defaults). */
export async function getCaseSettings({ ctx }: { ctx: Ctx; input?: undefined }): Promise<CaseSettings> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [s] = await tx.db.select().from(caseSettings).where(eq(caseSettings.orgId, orgId));
    return { closedCaseRetentionDays: s?.closedCaseRetentionDays ?? DEFAULT_CLOSED_CASE_RETENTION_DAYS };
  });
}

/**
 * Change how long closed cases are kept. It applies to every closed case at the next purge,
 * including those closed before the change: a shorter period redacts more at once (the
 * audit row says from what to what).
 */
export async function updateCaseSettings({ ctx, input }: { ctx: Ctx; input: CaseSettingsPatch }): Promise<CaseSettings> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [current] = await tx.db.select().from(caseSettings).where(eq(caseSettings.orgId, orgId));
    const values = { ...input, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() };
    await tx.db.insert(caseSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: caseSettings.orgId, set: values });
    await audit(tx, {
      action: 'case.settings_update', entityType: 'organization', entityId: orgId,
      details: { closedCaseRetentionDays: { from: current?.closedCaseRetentionDays ?? DEFAULT_CLOSED_CASE_RETENTION_DAYS, to: input.closedCaseRetentionDays } },
    });
    return { closedCaseRetentionDays: input.closedCaseRetentionDays };
  });
}
