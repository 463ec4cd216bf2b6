import { z } from 'zod';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { alertsRepo } from './alerts.repository.ts';

/** Per org: above how many recipients the author of an alert needs a second person to approve it. */
export const AlertSettings = z.object({ twoPersonThreshold: z.number().int().min(0).max(10_000_000) });
export type AlertSettings = z.infer<typeof AlertSettings>;

export async function getAlertSettings({ ctx }: { ctx: Ctx; input?: undefined }): Promise<AlertSettings> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => ({ twoPersonThreshold: await alertsRepo.threshold(tx.db, orgId) }));
}

/**
 * Change the threshold. It applies at the next approval, including alerts already in review
 * (the rule is checked when someone approves, against the audience counted then). Audited
 * with the value it replaced. 0 makes every alert need a second person.
 */
export async function updateAlertSettings({ ctx, input }: { ctx: Ctx; input: AlertSettings }): Promise<AlertSettings> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const before = await alertsRepo.threshold(tx.db, orgId);
    await alertsRepo.setThreshold(tx.db, orgId, input.twoPersonThreshold);
    await audit(tx, { action: 'alert.settings_update', entityType: 'organization', entityId: orgId, details: { twoPersonThreshold: { from: before, to: input.twoPersonThreshold } } });
    return { twoPersonThreshold: input.twoPersonThreshold };
  });
}
