import { type AlertMove, alertStatusAfter, canMoveAlert } from '../../../contracts/alert-workflow.ts';
import type { Alert } from '../../../contracts/alerts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { checkSubmittable } from './alert-rules.ts';
import { type AlertRow, alertsRepo, checkVersion } from './alerts.repository.ts';
import { alertView } from './get-alert.ts';
import { countAudience } from './preview-alert.ts';

type Input = { id: string; expectedVersion: number };

/** Every status move goes through the workflow table in contracts/alert-workflow.ts. */
function requireMove(row: AlertRow, move: AlertMove) {
  if (!canMoveAlert(row.status, move)) throw conflict('alert_wrong_status', { status: row.status });
}

/** Once approved, an alert stays approved through scheduling and sending: a second approval is a 409 of its own. */
const APPROVED_OR_LATER = new Set(['approved', 'scheduled', 'sending', 'paused', 'sent']);

/**
 * Submit a draft for approval, which freezes its text and audience. It must hold the source
 * language, every language's texts for the chosen channels, and an audience that reaches
 * somebody now (counted by the fan-out's own SELECT). Translations still in draft move to
 * "needs review", so reviewers see what is waiting for them.
 */
export async function submitAlert({ ctx, input }: { ctx: Ctx; input: Input }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.lock(tx.db, orgId, input.id);
    requireMove(row, 'submit');
    checkVersion(row, input.expectedVersion);
    const versions = await alertsRepo.versions(tx.db, [row.id]);
    checkSubmittable({ sourceLang: row.sourceLang, channels: row.audience.channels, versions });
    const { summary } = await countAudience(tx, row, versions);
    if (summary.recipients === 0) throw invalid('audience_empty', 'audience');
    for (const v of versions.filter((x) => x.status === 'draft')) {
      await alertsRepo.setVersionStatus(tx.db, row.id, v.lang, { status: 'needs_review', reviewedBy: null, reviewedAt: null });
    }
    const updated = await alertsRepo.update(tx.db, row, { status: alertStatusAfter('submit'), submittedAt: new Date() });
    await audit(tx, { action: 'alert.submit', entityType: 'alert', entityId: row.id, details: { recipients: summary.recipients, langs: versions.map((v) => v.lang) } });
    return alertView(tx, updated);
  });
}

/** Take an alert in review (or approved, not yet sent) back to draft to change it; any approval is cleared. */
export async function returnAlertToDraft({ ctx, input }: { ctx: Ctx; input: Input }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.lock(tx.db, orgId, input.id);
    requireMove(row, 'return_to_draft');
    checkVersion(row, input.expectedVersion);
    const updated = await alertsRepo.update(tx.db, row, { status: alertStatusAfter('return_to_draft'), submittedAt: null, approvedBy: null, approvedAt: null });
    await audit(tx, { action: 'alert.return_to_draft', entityType: 'alert', entityId: row.id, details: { from: row.status } });
    return alertView(tx, updated);
  });
}

/**
 * Approve an alert in review. Every translation must be approved. The two-person rule is
 * enforced here, not only in the UI: the author may not approve their own alert when it goes
 * network-wide or to more people than the org's threshold, counted now (the audience may have
 * grown since it was submitted). A second approval is a 409 `already_approved`.
 */
export async function approveAlert({ ctx, input }: { ctx: Ctx; input: Input }): Promise<Alert> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.lock(tx.db, orgId, input.id);
    if (APPROVED_OR_LATER.has(row.status)) throw conflict('already_approved');
    requireMove(row, 'approve');
    checkVersion(row, input.expectedVersion);
    const versions = await alertsRepo.versions(tx.db, [row.id]);
    const pending = versions.filter((v) => v.status !== 'approved').map((v) => v.lang);
    if (!versions.length || pending.length) throw conflict('translations_not_approved', { langs: pending.join(', ').toUpperCase() }, 'versions');
    const me = ctx.actor?.userId ?? null;
    const count = await countAudience(tx, row, versions);
    // The author is whoever wrote any of it: returning another's alert to draft and rewriting it makes you one.
    const isAuthor = Boolean(me) && (row.createdBy === me || row.editors.includes(me!));
    if (isAuthor && count.needsTwoPeople) {
      throw new AppError('self_approval', 403, { threshold: count.threshold }, undefined);
    }
    const updated = await alertsRepo.update(tx.db, row, { status: alertStatusAfter('approve'), approvedBy: me, approvedAt: new Date() });
    await audit(tx, {
      action: 'alert.approve', entityType: 'alert', entityId: row.id,
      details: { recipients: count.summary.recipients, networkWide: count.networkWide, threshold: count.threshold, byAuthor: isAuthor },
    });
    return alertView(tx, updated, versions);
  });
}
