import type { z } from 'zod';
import type { Alert, AlertVersionInput, ReviewVersionInput } from '../../../contracts/alerts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { alertsRepo, checkVersion } from './alerts.repository.ts';
import { alertView } from './get-alert.ts';
import { requireEditable } from './update-alert.ts';

type Lang = 'ko' | 'en' | 'es';

/**
 * Write one language of a draft (SMS text, email subject and body). Any edit sends that
 * translation back to draft, since what was reviewed is no longer what will go out. Sizes are
 * capped by the contract; emptiness is checked at submit, per channel (a draft may be partial).
 */
export async function putAlertVersion({ ctx, input }: { ctx: Ctx; input: z.infer<typeof AlertVersionInput> & { id: string; lang: Lang } }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.lock(tx.db, orgId, input.id);
    requireEditable(row);
    const { id, lang, ...texts } = input;
    await alertsRepo.putVersion(tx.db, { alertId: id, orgId, lang, userId: ctx.actor?.userId ?? null, ...texts });
    const updated = await alertsRepo.update(tx.db, row, {}, { editedBy: ctx.actor?.userId ?? null });
    await audit(tx, {
      action: 'alert.version', entityType: 'alert', entityId: id,
      details: { lang, smsChars: texts.smsBody.length, emailSubjectChars: texts.emailSubject.length, emailBodyChars: texts.emailBody.length },
    });
    return alertView(tx, updated);
  });
}

/**
 * Move a translation between draft, needs review and approved. Approving takes the
 * alerts.approve permission and records the reviewer; anyone who writes alerts may ask for a
 * review or take one back. Reviews happen while the alert is a draft or in review (after
 * approval the texts are settled: return the alert to draft to change anything).
 */
export async function reviewAlertVersion({ ctx, input }: { ctx: Ctx; input: z.infer<typeof ReviewVersionInput> & { id: string; lang: Lang } }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  if (input.status === 'approved' && !ctx.actor?.permissions.has('alerts.approve')) throw new AppError('forbidden', 403);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.lock(tx.db, orgId, input.id);
    if (row.status !== 'draft' && row.status !== 'in_review') throw conflict('alert_wrong_status', { status: row.status });
    checkVersion(row, input.expectedVersion);
    const versions = await alertsRepo.versions(tx.db, [row.id]);
    const version = versions.find((v) => v.lang === input.lang);
    if (!version) throw notFound('alert_version');
    if (input.status === 'approved' && !version.smsBody && !version.emailBody) throw invalid('alert_version_empty', 'lang', { lang: input.lang.toUpperCase() });
    const approved = input.status === 'approved';
    await alertsRepo.setVersionStatus(tx.db, row.id, input.lang, {
      status: input.status,
      reviewedBy: approved ? (ctx.actor?.userId ?? null) : null,
      reviewedAt: approved ? new Date() : null,
    });
    const updated = await alertsRepo.update(tx.db, row, {});
    await audit(tx, { action: 'alert.review', entityType: 'alert', entityId: row.id, details: { lang: input.lang, from: version.status, to: input.status } });
    return alertView(tx, updated);
  });
}
