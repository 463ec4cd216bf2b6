import { and, eq, ne } from 'drizzle-orm';
import type { DacaInput, DacaView } from '../../../contracts/cases.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid } from '../../platform/errors.ts';
import { casesRepo } from './cases.repository.ts';
import { dacaRecords, dacaReminders, referenceData } from './cases.table.ts';
import { DacaReference, DEFAULT_DACA_REFERENCE } from './daca-reference.ts';
import { dacaPlan } from './daca-rules.ts';
import { checkDacaDates, isCalendarDate } from './screening-dates.ts';

/** The network's DACA reference data (reminder days, window, fees): the database's copy, else the shipped defaults. */
export async function dacaReference(db: DbOrTx): Promise<DacaReference> {
  const [row] = await db.select().from(referenceData).where(eq(referenceData.key, 'daca'));
  const parsed = row ? DacaReference.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_DACA_REFERENCE;
}

/** "Today" where the affiliate is would be better; UTC is within a day of it, and reminders are days apart. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Record a case's person's DACA dates. Impossible dates are refused naming the field.
 * The reminders at 180/150/120 days (reference data) are written as scheduled rows for this
 * expiry; a changed expiry cancels the old ones. The daily job sends those that fall due,
 * only to people who consented (see issue notes: not built yet).
 */
export async function setDaca({ ctx, input }: { ctx: Ctx; input: DacaInput & { id: string } }): Promise<DacaView> {
  const orgId = requireOrg(ctx);
  const problems = [...checkDacaDates({ expiresOn: input.expiresOn, approvedOn: input.lastApprovedOn ?? null, today: today() }), ...checkFiledOn(input.filedOn, today())];
  if (problems.length) throw invalid(problems[0].code, problems[0].field === 'approvedOn' ? 'lastApprovedOn' : problems[0].field);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    const values = { expiresOn: input.expiresOn, lastApprovedOn: input.lastApprovedOn ?? null, filedOn: input.filedOn ?? null, caseId: c.id, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() };
    const [record] = await tx.db
      .insert(dacaRecords)
      .values({ orgId, personId: c.personId, ...values })
      .onConflictDoUpdate({ target: [dacaRecords.orgId, dacaRecords.personId], set: values })
      .returning();
    const ref = await dacaReference(tx.db);
    const plan = dacaPlan({ expiresOn: record.expiresOn, today: today(), ref, filedOn: record.filedOn });
    await tx.db
      .update(dacaReminders)
      .set({ status: 'cancelled' })
      .where(and(eq(dacaReminders.dacaRecordId, record.id), ne(dacaReminders.expiresOn, record.expiresOn), eq(dacaReminders.status, 'scheduled')));
    // Reminders already past are not sent late; a filed application needs none.
    const upcoming = record.filedOn ? [] : plan.reminders.filter((r) => !r.due);
    if (upcoming.length) {
      await tx.db
        .insert(dacaReminders)
        .values(upcoming.map((r) => ({ orgId, dacaRecordId: record.id, expiresOn: record.expiresOn, daysBefore: r.daysBefore, dueOn: r.on })))
        .onConflictDoNothing();
    }
    await casesRepo.event(tx.db, orgId, c.id, 'daca_dates', ctx.actor?.userId ?? null, { expiresOn: record.expiresOn, filed: Boolean(record.filedOn) });
    await audit(tx, { action: 'case.daca_update', entityType: 'case', entityId: c.id, details: { fields: Object.keys(input).filter((k) => k !== 'id').sort() } });
    return dacaView(tx.db, record);
  });
}

export async function dacaView(db: DbOrTx, record: typeof dacaRecords.$inferSelect): Promise<DacaView> {
  const plan = dacaPlan({ expiresOn: record.expiresOn, today: today(), ref: await dacaReference(db), filedOn: record.filedOn });
  const reminders = await db
    .select({ daysBefore: dacaReminders.daysBefore, dueOn: dacaReminders.dueOn, status: dacaReminders.status })
    .from(dacaReminders)
    .where(and(eq(dacaReminders.dacaRecordId, record.id), eq(dacaReminders.expiresOn, record.expiresOn)))
    .orderBy(dacaReminders.dueOn);
  return {
    expiresOn: record.expiresOn, lastApprovedOn: record.lastApprovedOn, filedOn: record.filedOn,
    kind: plan.kind, state: plan.state, windowOpensOn: plan.windowOpensOn, windowClosesOn: plan.windowClosesOn, reminders,
  };
}

/** A filing date must be a real day and not in the future: it cancels the reminders. */
function checkFiledOn(filedOn: string | undefined, todayIso: string) {
  if (filedOn === undefined) return [];
  if (!isCalendarDate(filedOn)) return [{ field: 'filedOn', code: 'invalid_date' as const }];
  return filedOn > todayIso ? [{ field: 'filedOn', code: 'date_in_future' as const }] : [];
}
