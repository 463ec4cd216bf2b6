import type { z } from 'zod';
import type { Alert, AlertList } from '../../../contracts/alerts.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { approvalBlockedReason } from './alert-rules.ts';
import { type AlertRow, type AlertVersionRow, alertsRepo } from './alerts.repository.ts';
import { countAudience } from './preview-alert.ts';

/**
 * The alert as this user sees it, with why they may not approve it (null when they may).
 * The audience is counted only when it decides (the author of an alert in review whose
 * translations are all approved), since counting a large audience is the costly part.
 */
export async function alertView(tx: Ctx, row: AlertRow, versions?: AlertVersionRow[]): Promise<Alert> {
  const vs = versions ?? (await alertsRepo.versions(tx.db, [row.id]));
  const me = tx.actor?.userId;
  const isAuthor = Boolean(me) && (row.createdBy === me || row.editors.includes(me!));
  let reason = approvalBlockedReason({ status: row.status, versions: vs, isAuthor: false, needsTwoPeople: false });
  if (reason === null && isAuthor) {
    const { needsTwoPeople } = await countAudience(tx, row, vs);
    reason = approvalBlockedReason({ status: row.status, versions: vs, isAuthor, needsTwoPeople });
  }
  return alertsRepo.view(tx.db, row, reason, vs);
}

/** One alert of the actor's org; another org's is a 404. Alerts hold no personal data: reads are not audited. */
export async function getAlert({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => alertView(tx, await alertsRepo.find(tx.db, orgId, input.id)));
}

/** The org's alerts, newest first (the latest 200). */
export async function listAlerts({ ctx }: { ctx: Ctx; input?: undefined }): Promise<z.infer<typeof AlertList>> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => ({ items: await alertsRepo.summaries(tx.db, await alertsRepo.list(tx.db, orgId)) }));
}
