import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { CONSENT_KEYWORD_QUEUE, type ConsentKeywordJob, consentFor } from '../messaging/index.ts';
import { alertSignups } from './alerts.table.ts';
import { pendingSignups, recordSignupConfirmation } from './signup-confirm.ts';

/**
 * What a consent keyword means for alert sign-ups (messaging hands every opt-in and opt-out
 * text over on CONSENT_KEYWORD_QUEUE after recording the keyword's own consent event and
 * queuing its reply, which already confirms in the sender's language):
 * - YES / START / 시작 / SI from an address with a pending SMS sign-up at that org: the
 *   sign-up's form evidence goes into the ledger too (recordSignupConfirmation), confirmed
 *   by the text's MessageSid, and the sign-up is marked confirmed.
 * - STOP (or STOPALL): pending SMS sign-ups of the address end now, so a YES sent much
 *   later does not revive a form the person already declined.
 * Safe to retry: a confirmed or ended sign-up is not pending any more.
 */
export async function takeConsentKeyword(deps: Deps, job: ConsentKeywordJob, now = new Date()) {
  return deps.database.db.transaction(async (tx) => {
    if (job.keyword === 'opt_out') {
      const ended = await tx
        .update(alertSignups)
        .set({ expiresAt: now })
        .where(and(
          job.scope === 'affiliate' ? eq(alertSignups.orgId, job.orgId) : undefined,
          eq(alertSignups.channel, 'sms'), eq(alertSignups.address, job.address), isNull(alertSignups.confirmedAt), gt(alertSignups.expiresAt, now),
        ))
        .returning({ id: alertSignups.id });
      return { confirmed: 0, ended: ended.length };
    }
    const pending = await pendingSignups(tx, { orgId: job.orgId, channel: 'sms', address: job.address, now });
    if (!pending.length) return { confirmed: 0, ended: 0 };
    // A STOP that came after this YES (its job may run later than the webhook recorded it) has the last word:
    // the form is not recorded over it, and the sign-ups end.
    const current = (await consentFor(tx, { orgId: job.orgId, channel: 'sms', topic: 'all', addresses: [job.address] })).get(job.address);
    if (current?.status === 'opted_out') {
      for (const p of pending) await tx.update(alertSignups).set({ expiresAt: now }).where(eq(alertSignups.id, p.id));
      return { confirmed: 0, ended: pending.length };
    }
    // The latest form is the one they answered; older pending ones are settled by the same YES.
    const latest = pending[pending.length - 1];
    await recordSignupConfirmation(tx, latest, job.providerId, now);
    for (const older of pending.slice(0, -1)) await tx.update(alertSignups).set({ confirmedAt: now }).where(eq(alertSignups.id, older.id));
    await appendAudit(tx, {
      orgId: job.orgId, actorUserId: null, actorLabel: 'system', action: 'alerts.signup_confirmed', entityType: 'person', entityId: latest.personId,
      details: { signupId: latest.id, channel: 'sms' }, ip: null, requestId: null,
    });
    return { confirmed: pending.length, ended: 0 };
  });
}

/** The worker's loop over consent keywords. A failed job is retried, which is safe (see above). */
export async function startConsentKeywordWorker(deps: Deps) {
  await deps.jobs.work<ConsentKeywordJob>(CONSENT_KEYWORD_QUEUE, { batchSize: 10, localConcurrency: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    let failure: unknown = null;
    for (const job of jobs) {
      try {
        await takeConsentKeyword(deps, job.data);
      } catch (err) {
        deps.log.error({ err }, 'consent keyword hand-off failed; the job will be retried');
        failure ??= err;
      }
    }
    if (failure) throw failure;
  });
}
