import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DECLINE_REASONS, PortalAnswer, PortalConflictAnswer, REFERRAL_OUTCOMES } from '../../../contracts/legal-network.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { casesRepo } from '../cases/cases.repository.ts';
import { caseNotes } from '../cases/cases.table.ts';
import { referrals } from './legal-network.table.ts';
import { conflictMatches, onReferral, referralClosed } from './portal.ts';
import type { ReferralRow } from './referrals.repository.ts';

/**
 * The provider's answers on a referral, each one a step on the case's timeline (so the
 * affiliate sees it all) and a row in the affiliate's audit log under the provider's name:
 * conflict cleared or declared, accepted or declined, consultation scheduled, outcome.
 * Each step is allowed from where the referral is and nowhere else; doing a step twice
 * answers 409 and writes nothing.
 */

type Step = { tx: Ctx; referral: ReferralRow };

async function record(step: Step, set: Partial<typeof referrals.$inferInsert>, event: string, data: Record<string, unknown> = {}) {
  const { tx, referral: r } = step;
  const [row] = await tx.db.update(referrals).set({ ...set, version: r.version + 1 }).where(eq(referrals.id, r.id)).returning();
  await casesRepo.event(tx.db, r.orgId, r.caseId, event, tx.actor?.userId ?? null, { referralId: r.id, providerId: r.providerId, ...data });
  await audit(tx, { action: `referral.${event.replace(/^referral_/, '')}`, entityType: 'case', entityId: r.caseId, details: { referralId: r.id, ...data } });
  return row;
}

/** A short answer: where the referral stands now. */
const answer = (r: ReferralRow): PortalAnswer => ({ id: r.id, status: r.status, respondedAt: r.respondedAt?.toISOString() ?? null, consultationAt: r.consultationAt?.toISOString() ?? null });

const CLOSED = new Set(['declined', 'withdrawn', 'completed']);

/**
 * The provider's answer to the conflict check. "No conflict" needs every possible match the
 * check shows acknowledged (by the earlier referral's id): a new match since they looked is
 * a 409 with nothing written. "Conflict" declines the referral with reason 'conflict'.
 */
export async function answerConflict({ ctx, input }: { ctx: Ctx; input: z.infer<typeof PortalConflictAnswer> & { id: string } }): Promise<PortalAnswer> {
  return onReferral(ctx, input.id, async ({ tx, provider, referral, homes }) => {
    if (CLOSED.has(referral.status)) throw referralClosed(referral.status);
    if (referral.status !== 'sent') throw conflict('referral_already_answered', { status: referral.status });
    const now = new Date();
    if (!input.noConflict) {
      return answer(await record({ tx, referral }, { status: 'declined', declineReason: 'conflict', respondedAt: now }, 'referral_declined', { reason: 'conflict' }));
    }
    const matches = await conflictMatches(tx, provider, referral, homes);
    const unacknowledged = matches.filter((m) => !input.acknowledged.includes(m.id));
    if (unacknowledged.length) throw conflict('conflict_matches_unacknowledged', { count: unacknowledged.length }, 'acknowledged');
    return answer(await record({ tx, referral }, { status: 'conflict_cleared', conflictClearedAt: now }, 'referral_conflict_cleared', { acknowledgedMatches: matches.length }));
  });
}

export async function acceptReferral({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<PortalAnswer> {
  return onReferral(ctx, input.id, async ({ tx, referral }) => {
    if (referral.status === 'sent') throw conflict('referral_conflict_not_cleared');
    if (referral.status === 'withdrawn') throw referralClosed(referral.status);
    if (referral.status !== 'conflict_cleared') throw conflict('referral_already_answered', { status: referral.status });
    return answer(await record({ tx, referral }, { status: 'accepted', respondedAt: new Date() }, 'referral_accepted'));
  });
}

/** Declining is possible before or after the conflict check (no capacity needs no look at the details). */
export async function declineReferral({ ctx, input }: { ctx: Ctx; input: { id: string; reason: (typeof DECLINE_REASONS)[number] } }): Promise<PortalAnswer> {
  return onReferral(ctx, input.id, async ({ tx, referral }) => {
    if (referral.status === 'withdrawn') throw referralClosed(referral.status);
    if (referral.status !== 'sent' && referral.status !== 'conflict_cleared') throw conflict('referral_already_answered', { status: referral.status });
    return answer(await record({ tx, referral }, { status: 'declined', declineReason: input.reason, respondedAt: new Date() }, 'referral_declined', { reason: input.reason }));
  });
}

/** Schedule (or move) the consultation of an accepted referral; for detention this is what the 48-hour watch waits for. */
export async function scheduleConsultation({ ctx, input }: { ctx: Ctx; input: { id: string; at: string } }): Promise<PortalAnswer> {
  return onReferral(ctx, input.id, async ({ tx, referral }) => {
    if (CLOSED.has(referral.status)) throw referralClosed(referral.status);
    if (referral.status !== 'accepted' && referral.status !== 'consultation_scheduled') throw conflict('referral_not_accepted', { status: referral.status });
    const at = new Date(input.at);
    return answer(await record({ tx, referral }, { status: 'consultation_scheduled', consultationAt: at }, 'referral_consultation_scheduled', { at: at.toISOString() }));
  });
}

/**
 * How it ended. The provider's note, if any, becomes an information note on the case, sealed
 * with the affiliate's key like every note; the timeline carries the outcome code and the note's id.
 */
export async function recordOutcome({ ctx, input }: { ctx: Ctx; input: { id: string; outcome: (typeof REFERRAL_OUTCOMES)[number]; note?: string } }): Promise<PortalAnswer> {
  return onReferral(ctx, input.id, async ({ tx, referral }) => {
    if (CLOSED.has(referral.status)) throw referralClosed(referral.status);
    if (referral.status !== 'accepted' && referral.status !== 'consultation_scheduled') throw conflict('referral_not_accepted', { status: referral.status });
    let noteId: string | null = null;
    if (input.note) {
      const [note] = await tx.db
        .insert(caseNotes)
        .values({ orgId: referral.orgId, caseId: referral.caseId, kind: 'information', bodyEnc: await tx.deps.keyring.encrypt(tx.db, referral.orgId, input.note), authorId: tx.actor?.userId ?? null })
        .returning({ id: caseNotes.id });
      noteId = note.id;
    }
    return answer(await record({ tx, referral }, { status: 'completed', outcome: input.outcome, completedAt: new Date() }, 'referral_completed', { outcome: input.outcome, noteId }));
  });
}

