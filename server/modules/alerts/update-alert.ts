import type { z } from 'zod';
import { EDITABLE_STATUSES } from '../../../contracts/alert-workflow.ts';
import type { Alert, UpdateAlertInput } from '../../../contracts/alerts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { type AlertRow, alertsRepo, checkVersion } from './alerts.repository.ts';
import { alertView } from './get-alert.ts';
import { checkAudience } from './preview-alert.ts';

type Input = z.infer<typeof UpdateAlertInput> & { id: string };

/** Text and audience change only in draft: submitting freezes what the approver reads. */
export function requireEditable(row: AlertRow) {
  if (!EDITABLE_STATUSES.includes(row.status)) throw conflict('alert_wrong_status', { status: row.status });
}

/**
 * Edit a draft's title, topic, emergency flag, audience or planned time. The editor sends the
 * version they saw: someone else's save in between is a 409 `stale_version`, not a silent
 * overwrite. The audience may name only the org itself or, for the network office, its affiliates.
 */
export async function updateAlert({ ctx, input }: { ctx: Ctx; input: Input }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.lock(tx.db, orgId, input.id);
    requireEditable(row);
    checkVersion(row, input.expectedVersion);
    if (input.audience) await checkAudience(tx.db, orgId, input.audience);
    let scheduledAt: Date | null | undefined;
    if (input.scheduledAt !== undefined) {
      scheduledAt = input.scheduledAt === null ? null : new Date(input.scheduledAt);
      if (scheduledAt && scheduledAt.getTime() <= Date.now()) throw invalid('scheduled_in_past', 'scheduledAt');
    }
    const set = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.topic !== undefined ? { topic: input.topic } : {}),
      ...(input.emergency !== undefined ? { emergency: input.emergency } : {}),
      ...(input.audience !== undefined ? { audience: input.audience } : {}),
      ...(scheduledAt !== undefined ? { scheduledAt } : {}),
    };
    const updated = await alertsRepo.update(tx.db, row, set, { editedBy: ctx.actor?.userId ?? null });
    await audit(tx, { action: 'alert.update', entityType: 'alert', entityId: row.id, details: { fields: Object.keys(set) } });
    return alertView(tx, updated);
  });
}
