import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { caseDocuments, caseEvents, caseNotes, cases, caseTasks, dacaRecords, dacaReminders } from './cases.table.ts';
import { DEFAULT_CLOSED_CASE_RETENTION_DAYS } from './cases-settings.ts';

const BATCH = 500;
/** Case event data that are codes, not words: what the reports count. Everything else (ids of deleted notes and tasks, dates, counts) goes. */
export const EVENT_KEYS_KEPT = ['type', 'kind', 'from', 'to', 'filed', 'via'] as const;

/**
 * Retention is code (DESIGN §3 rule 5): a case closed longer ago than its affiliate's
 * `case_settings.closed_case_retention_days` (default 365) is redacted — its notes, tasks and
 * documents deleted, the DACA reminders of the record it last set deleted, its events kept with their
 * kinds and timestamps but their data cut to codes, its free-text disposition emptied, and
 * `redacted_at` set (with `destroy_on` = that day). The case row stays as a count for the
 * reports; the person and their DACA record stay too — the expiry is a fact about the
 * person, which the next renewal needs, not about this case.
 *
 * The period is read at purge time, so a changed setting applies to every closed case
 * (work-case.ts, which closes cases, does not fill `destroy_on` ahead). A reopened case has
 * no `closed_at` and is never due. Runs as the system, across orgs; one audit row per
 * affiliate and run, with the count.
 */
export async function purgeExpiredCases(deps: Deps, now = new Date()): Promise<{ redacted: number }> {
  const db = deps.database.db;
  const due = await queryRows<{ id: string; org_id: string }>(db, sql`
    select c.id, c.org_id from cases c
    left join case_settings s on s.org_id = c.org_id
    where c.status = 'closed' and c.redacted_at is null
      and c.closed_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.closed_case_retention_days, ${DEFAULT_CLOSED_CASE_RETENTION_DAYS}))
    order by c.closed_at
    limit ${BATCH}`);
  if (!due.length) return { redacted: 0 };
  const byOrg = new Map<string, string[]>();
  for (const r of due) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r.id]);
  const today = now.toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    for (const [orgId, ids] of byOrg) {
      const notes = await tx.delete(caseNotes).where(and(eq(caseNotes.orgId, orgId), inArray(caseNotes.caseId, ids))).returning({ id: caseNotes.id });
      const tasks = await tx.delete(caseTasks).where(and(eq(caseTasks.orgId, orgId), inArray(caseTasks.caseId, ids))).returning({ id: caseTasks.id });
      const documents = await tx.delete(caseDocuments).where(and(eq(caseDocuments.orgId, orgId), inArray(caseDocuments.caseId, ids))).returning({ id: caseDocuments.id });
      const records = tx.select({ id: dacaRecords.id }).from(dacaRecords).where(and(eq(dacaRecords.orgId, orgId), inArray(dacaRecords.caseId, ids)));
      const reminders = await tx.delete(dacaReminders).where(and(eq(dacaReminders.orgId, orgId), inArray(dacaReminders.dacaRecordId, records))).returning({ id: dacaReminders.id });
      await tx
        .update(caseEvents)
        .set({ data: sql`coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(${caseEvents.data}) e where e.key = any(${sql.param([...EVENT_KEYS_KEPT])}::text[])), '{}'::jsonb)` })
        .where(and(eq(caseEvents.orgId, orgId), inArray(caseEvents.caseId, ids)));
      await tx.update(cases).set({ redactedAt: now, destroyOn: today, disposition: null }).where(and(eq(cases.orgId, orgId), inArray(cases.id, ids)));
      await appendAudit(tx, {
        orgId, actorUserId: null, actorLabel: 'system:retention', action: 'case.retention_redact', entityType: 'case', entityId: null,
        details: { cases: ids.length, notes: notes.length, tasks: tasks.length, documents: documents.length, reminders: reminders.length }, ip: null, requestId: null,
      });
    }
  });
  return { redacted: due.length };
}
