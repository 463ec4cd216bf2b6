import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';

/** Unconfirmed sign-ups are kept this long past their expiry (a late YES gets a clear "expired"), then purged. */
export const UNCONFIRMED_SIGNUP_DAYS = 7;

/**
 * Retention for what a stranger can type into the public sign-up form (DESIGN §3 rule 5):
 * sign-ups never confirmed are deleted a week after they expired, and the person each one
 * created goes with it when nothing else holds them — no name given, no other sign-up, no
 * consent on the ledger, no case or DACA record. Runs as the system, across affiliates;
 * one audit row per affiliate with the counts.
 */
export async function purgeUnconfirmedSignups(deps: Deps, now = new Date()): Promise<{ signups: number; people: number }> {
  return deps.database.db.transaction(async (tx) => {
    const cutoff = new Date(now.getTime() - UNCONFIRMED_SIGNUP_DAYS * 86_400_000);
    const gone = await queryRows<{ org_id: string; person_id: string }>(tx, sql`
      delete from alert_signups where confirmed_at is null and expires_at < ${cutoff.toISOString()}::timestamptz
      returning org_id, person_id`);
    if (!gone.length) return { signups: 0, people: 0 };
    const people = await queryRows<{ id: string; org_id: string }>(tx, sql`
      delete from people p
      where p.id = any(${sql.param([...new Set(gone.map((g) => g.person_id))])}::uuid[])
        and p.given_name = '' and p.family_name = ''
        and not exists (select 1 from alert_signups s where s.person_id = p.id)
        and not exists (select 1 from consent_events e where e.person_id = p.id)
        and not exists (select 1 from cases c where c.person_id = p.id)
        and not exists (select 1 from daca_records r where r.person_id = p.id)
      returning p.id, p.org_id`);
    for (const orgId of new Set(gone.map((g) => g.org_id))) {
      await appendAudit(tx, {
        orgId, actorUserId: null, actorLabel: 'system', action: 'alerts.signups_purged', entityType: null, entityId: null,
        details: { signups: gone.filter((g) => g.org_id === orgId).length, people: people.filter((p) => p.org_id === orgId).length }, ip: null, requestId: null,
      });
    }
    return { signups: gone.length, people: people.length };
  });
}
