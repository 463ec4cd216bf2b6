import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { isLang, type Lang } from '../../platform/i18n/i18n.ts';
import { caseEvents } from '../cases/cases.table.ts';
import { onCallResponders, usableSender } from '../hotline/index.ts';
import { enqueueMessages } from '../messaging/index.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { providers, referrals } from './legal-network.table.ts';
import { ESCALATION_TEXT } from './referral-texts.ts';

/**
 * The 48-hour rule for detention: a referral whose consult-by has passed with no consultation
 * scheduled texts the affiliate's on-call coordinator (or, with none on call, the backups)
 * once, as the hotline's emergency alerts do (staff_alert, priority lane, the person never
 * named), and says so on the case's timeline. One UPDATE claims the referral (stamping
 * escalated_at), so two sweeps or two worker processes escalate it once. With nobody to
 * text the stamp is taken back, to try again at the next sweep, and the timeline says so once.
 */
export const ESCALATION_SWEEP_MINUTES = 5;
const PER_SWEEP = 200;
const WATCHED = ['sent', 'conflict_cleared', 'accepted'] as const;

export async function escalateOverdueReferrals(deps: Deps, now = new Date()): Promise<{ escalated: number }> {
  const due = await deps.database.db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(lt(referrals.consultBy, now), isNull(referrals.consultationAt), isNull(referrals.escalatedAt), inArray(referrals.status, [...WATCHED])))
    .orderBy(asc(referrals.consultBy))
    .limit(PER_SWEEP);
  let escalated = 0;
  for (const r of due) if (await escalateOne(deps, r.id, now)) escalated++;
  return { escalated };
}

async function escalateOne(deps: Deps, id: string, now: Date): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    const [r] = await tx
      .update(referrals)
      .set({ escalatedAt: now })
      .where(and(eq(referrals.id, id), lt(referrals.consultBy, now), isNull(referrals.consultationAt), isNull(referrals.escalatedAt), inArray(referrals.status, [...WATCHED])))
      .returning();
    if (!r) return false;
    const event = (kind: string, data: Record<string, unknown>) => tx.insert(caseEvents).values({ orgId: r.orgId, caseId: r.caseId, kind, data: { referralId: r.id, ...data } });
    const log = (action: string, details: Record<string, unknown>) =>
      appendAudit(tx, { orgId: r.orgId, actorUserId: null, actorLabel: 'system', action, entityType: 'case', entityId: r.caseId, details: { referralId: r.id, ...details }, ip: null, requestId: null });

    const onCall = await onCallResponders(tx, r.orgId, now);
    const holds = (x: (typeof onCall)[number], role: 'coordinator' | 'backup') => (x.roles ?? [x.role]).includes(role);
    let to = onCall.filter((x) => holds(x, 'coordinator') && x.phoneE164);
    if (!to.length) to = onCall.filter((x) => holds(x, 'backup') && x.phoneE164);
    const sender = await usableSender(tx, r.orgId, null);
    if (!to.length || !sender) {
      await tx.update(referrals).set({ escalatedAt: null }).where(eq(referrals.id, r.id));
      if (!(await saidBefore(tx, r.caseId, r.id))) {
        const reason = sender ? 'nobody_on_call_with_phone' : 'no_sender';
        await event('referral_escalation_undelivered', { reason });
        await log('referral.escalation_undelivered', { reason });
      }
      return false;
    }

    const langs = new Map((await tx.select({ id: users.id, language: users.language }).from(users).where(inArray(users.id, to.map((x) => x.userId)))).map((u) => [u.id, u.language]));
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, r.orgId));
    const [provider] = await tx.select({ name: providers.name }).from(providers).where(eq(providers.id, r.providerId));
    const hours = Math.max(1, Math.round((now.getTime() - r.sentAt.getTime()) / 3_600_000));
    const link = `${deps.config.publicUrl}/cases/${r.caseId}`;
    await enqueueMessages(deps, tx, {
      orgId: r.orgId,
      messages: to.map((x) => {
        const lang: Lang = isLang(langs.get(x.userId)) ? (langs.get(x.userId) as Lang) : 'en';
        return {
          channel: 'sms' as const,
          to: x.phoneE164!,
          lang,
          body: ESCALATION_TEXT[lang]({ org: org?.name ?? 'Haven', provider: provider?.name ?? '', hours, link }),
          kind: 'staff_alert' as const,
          priority: 'high' as const,
          senderId: sender,
          dedupeKey: `referral-escalation:${r.id}:${x.userId}`,
        };
      }),
    });
    await event('referral_escalated', { providerId: r.providerId, notified: to.map((x) => x.userId) });
    await log('referral.escalate', { notified: to.length });
    return true;
  });
}

async function saidBefore(db: DbOrTx, caseId: string, referralId: string) {
  const rows = await db
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'referral_escalation_undelivered'), sql`${caseEvents.data}->>'referralId' = ${referralId}`))
    .limit(1);
  return rows.length > 0;
}

/** The worker's loop: every five minutes, and once at start. Returns a stop function. */
export function startReferralWorkers(deps: Deps): () => void {
  const run = () =>
    escalateOverdueReferrals(deps).then(
      ({ escalated }) => escalated && deps.log.info({ referrals: escalated }, 'overdue detention referrals escalated'),
      (err) => deps.log.error({ err }, 'referral escalation sweep failed'),
    );
  const timer = setInterval(run, ESCALATION_SWEEP_MINUTES * 60_000);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
