import { type Alert, CreateAlertInput } from '../../../contracts/alerts.ts';
import type { z } from 'zod';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { alertsRepo } from './alerts.repository.ts';
import { alertView } from './get-alert.ts';
import { checkAudience } from './preview-alert.ts';

type Input = z.infer<typeof CreateAlertInput>;

/**
 * A new draft alert with its source-language text. A double-clicked "create" makes one alert:
 * the client's requestId is unique per org, and a repeat gets the first alert back
 * (`created: false`, answered 200 instead of 201).
 */
export async function createAlert({ ctx, input }: { ctx: Ctx; input: Input }): Promise<Alert & { created: boolean }> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    if (input.requestId) {
      const earlier = await alertsRepo.findByRequestId(tx.db, orgId, input.requestId);
      if (earlier) return { ...(await alertView(tx, earlier)), created: false };
    }
    await checkAudience(tx.db, orgId, input.audience);
    const me = ctx.actor?.userId ?? null;
    const row = await alertsRepo.insert(tx.db, {
      orgId, title: input.title, topic: input.topic, sourceLang: input.sourceLang, emergency: input.emergency,
      audience: input.audience, requestId: input.requestId ?? null, createdBy: me, editors: me ? [me] : [],
    });
    if (!row) {
      // A concurrent click with the same requestId won the unique index while we waited on it: its alert stands.
      const winner = input.requestId ? await alertsRepo.findByRequestId(tx.db, orgId, input.requestId) : null;
      if (!winner) throw new AppError('conflict', 409);
      return { ...(await alertView(tx, winner)), created: false };
    }
    if (input.version) {
      await alertsRepo.putVersion(tx.db, { alertId: row.id, orgId, lang: input.sourceLang, userId: me, ...input.version });
    }
    await audit(tx, {
      action: 'alert.create', entityType: 'alert', entityId: row.id,
      details: { topic: input.topic, sourceLang: input.sourceLang, emergency: input.emergency, withText: Boolean(input.version), orgIds: input.audience.orgIds.length },
    });
    return { ...(await alertView(tx, row)), created: true };
  });
}
