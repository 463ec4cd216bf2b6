import { and, asc, desc, eq, gte, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { ClinicCheckIn, ClinicCheckInInput, ClinicDay, ClinicDayQuery, ClinicReview, ClinicReviewInput, DacaFiled, DacaFiledInput } from '../../../contracts/daca.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { memberships, organizations, rolePermissions, users } from '../organizations/organizations.table.ts';
import { people } from '../people/index.ts';
import { canMove } from './case-status.ts';
import { casesRepo } from './cases.repository.ts';
import { caseEvents, cases, dacaRecords, dacaReminders } from './cases.table.ts';
import { dacaView } from './daca-records.ts';
import { addDays, DACA_FIRST_FILING_DAY, dayNumber } from './screening-dates.ts';

/**
 * Clinic day: people come in to renew, a volunteer checks them in, an attorney or
 * accredited representative reviews the packet, and it is mailed or filed online.
 */

/** The calendar day at the affiliate (a clinic on a Saturday evening in California is still Saturday). */
function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Check a person in: their live daca_renewal case (reused) or a new one, and a 'checked_in'
 * event once per clinic day — a second tap, or a second volunteer at the door, changes
 * nothing. The person's row is locked so that two taps at once open one case.
 */
export async function checkInForClinic({ ctx, input }: { ctx: Ctx; input: ClinicCheckInInput }): Promise<ClinicCheckIn> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [person] = await tx.db
      .select({ id: people.id, lang: people.preferredLanguage })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, input.personId)))
      .for('update');
    if (!person) throw notFound('person');
    const me = ctx.actor?.userId ?? null;
    const [live] = await tx.db
      .select()
      .from(cases)
      .where(and(eq(cases.orgId, orgId), eq(cases.personId, person.id), eq(cases.type, 'daca_renewal'), ne(cases.status, 'closed')))
      .orderBy(cases.openedAt)
      .limit(1);
    let row = live;
    if (!row) {
      [row] = await tx.db.insert(cases).values({ orgId, personId: person.id, type: 'daca_renewal', lang: person.lang, assignedTo: me, openedBy: me }).returning();
      await casesRepo.event(tx.db, orgId, row.id, 'opened', me, { type: 'daca_renewal', via: 'clinic' });
      await audit(tx, { action: 'case.open', entityType: 'case', entityId: row.id, details: { type: 'daca_renewal', fromConversation: false, via: 'clinic' } });
    }
    const [org] = await tx.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
    const now = new Date();
    const day = localDay(now, org?.timeZone ?? 'America/New_York');
    // Events of the last two days, compared by the affiliate's calendar day.
    const recent = await tx.db
      .select({ at: caseEvents.createdAt })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.kind, 'checked_in'), gte(caseEvents.createdAt, new Date(now.getTime() - 2 * 86_400_000))));
    const already = recent.some((e) => localDay(e.at, org?.timeZone ?? 'America/New_York') === day);
    if (!already) {
      await casesRepo.event(tx.db, orgId, row.id, 'checked_in', me, { day });
      await audit(tx, { action: 'case.clinic_check_in', entityType: 'case', entityId: row.id, details: { day, created: !live } });
    }
    // Someone at the clinic with their papers is being worked on: an 'open' case moves to
    // in_progress, from where the workflow allows 'filed' (open → filed is not a move).
    if (row.status === 'open') {
      [row] = await tx.db.update(cases).set({ status: 'in_progress', version: row.version + 1 }).where(eq(cases.id, row.id)).returning();
      await casesRepo.event(tx.db, orgId, row.id, 'status', me, { from: 'open', to: 'in_progress' });
      await audit(tx, { action: 'case.status', entityType: 'case', entityId: row.id, details: { from: 'open', to: 'in_progress' } });
    }
    const [daca] = await tx.db.select().from(dacaRecords).where(and(eq(dacaRecords.orgId, orgId), eq(dacaRecords.personId, person.id)));
    return {
      case: (await casesRepo.summaries(tx.db, [row]))[0],
      created: !live,
      checkedIn: !already,
      daca: daca ? await dacaView(tx.db, daca) : null,
    };
  });
}

/**
 * The renewal went to USCIS: record the filing day on the person's DACA record, cancel the
 * reminders still scheduled for that expiry, and move the case to 'filed' where the
 * workflow allows (case-status.ts). The same day again changes nothing.
 *
 * The filing day must be real, not in the future, and belong to this expiry's cycle: more
 * than a year before the expiry it is an earlier renewal's filing (dacaPlan relies on that).
 */
export async function markDacaFiled({ ctx, input }: { ctx: Ctx; input: DacaFiledInput & { id: string } }): Promise<DacaFiled> {
  const orgId = requireOrg(ctx);
  const today = new Date().toISOString().slice(0, 10);
  const filed = dayNumber(input.filedOn);
  if (filed === null) throw invalid('invalid_date', 'filedOn');
  if (input.filedOn > today) throw invalid('date_in_future', 'filedOn');
  if (input.filedOn < DACA_FIRST_FILING_DAY) throw invalid('date_too_old', 'filedOn');
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    const [record] = await tx.db.select().from(dacaRecords).where(and(eq(dacaRecords.orgId, orgId), eq(dacaRecords.personId, c.personId))).for('update');
    if (!record) throw new AppError('daca_record_missing', 409, {}, 'expiresOn');
    if (input.filedOn < addDays(record.expiresOn, -365)) throw invalid('daca_filed_too_early', 'filedOn', { expiresOn: record.expiresOn });
    const me = ctx.actor?.userId ?? null;

    let current = c;
    let cancelled = 0;
    if (record.filedOn !== input.filedOn) {
      await tx.db.update(dacaRecords).set({ filedOn: input.filedOn, caseId: c.id, updatedBy: me, updatedAt: new Date() }).where(eq(dacaRecords.id, record.id));
      cancelled = (
        await tx.db
          .update(dacaReminders)
          .set({ status: 'cancelled' })
          .where(and(eq(dacaReminders.dacaRecordId, record.id), inArray(dacaReminders.status, ['scheduled'])))
          .returning({ id: dacaReminders.id })
      ).length;
      await casesRepo.event(tx.db, orgId, c.id, 'daca_filed', me, { filed: true, cancelledReminders: cancelled });
      await audit(tx, { action: 'case.daca_filed', entityType: 'case', entityId: c.id, details: { cancelledReminders: cancelled } });
    }
    if (c.status !== 'filed' && canMove(c.type, c.status, 'filed')) {
      [current] = await tx.db.update(cases).set({ status: 'filed', version: c.version + 1 }).where(eq(cases.id, c.id)).returning();
      await casesRepo.event(tx.db, orgId, c.id, 'status', me, { from: c.status, to: 'filed' });
      await audit(tx, { action: 'case.status', entityType: 'case', entityId: c.id, details: { from: c.status, to: 'filed' } });
    }
    const [updated] = await tx.db.select().from(dacaRecords).where(eq(dacaRecords.id, record.id));
    return { case: (await casesRepo.summaries(tx.db, [current]))[0], daca: await dacaView(tx.db, updated), cancelledReminders: cancelled };
  });
}

const DAY_MS = 86_400_000;
/** At most this many visits on one day's list: a large clinic sees a few hundred people. */
const VISITS_LIMIT = 500;

async function orgTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.timeZone ?? 'America/New_York';
}

/** Members whose role may give legal advice (attorneys, accredited representatives; admins by default), not disabled. */
function reviewersQuery(db: DbOrTx, orgId: string, userId?: string) {
  return db
    .select({ userId: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(rolePermissions, and(eq(rolePermissions.orgId, memberships.orgId), eq(rolePermissions.role, memberships.role), eq(rolePermissions.action, 'cases.legal_advice')))
    .where(and(eq(memberships.orgId, orgId), isNull(users.disabledAt), userId ? eq(memberships.userId, userId) : undefined));
}

/**
 * One clinic day: the people checked in on it (the affiliate's calendar day, as check-in
 * recorded it), in the order they arrived, with the latest hand-off for review and their
 * DACA dates; and who may review. Reading it is audited: it lists people with DACA.
 */
export async function clinicDay({ ctx, input }: { ctx: Ctx; input: ClinicDayQuery }): Promise<ClinicDay> {
  const orgId = requireOrg(ctx);
  if (input.day !== undefined && dayNumber(input.day) === null) throw invalid('invalid_date', 'day');
  return inTx(ctx, async (tx) => {
    const timeZone = await orgTimeZone(tx.db, orgId);
    const day = input.day ?? localDay(new Date(), timeZone);
    // A local day lies within a day either side of its UTC midnight, whatever the zone.
    const midnight = Date.parse(`${day}T00:00:00Z`);
    const checkIns = await tx.db
      .select({ caseId: caseEvents.caseId, at: caseEvents.createdAt, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.kind, 'checked_in'), gte(caseEvents.createdAt, new Date(midnight - DAY_MS)), lt(caseEvents.createdAt, new Date(midnight + 2 * DAY_MS))))
      .orderBy(asc(caseEvents.createdAt))
      .limit(VISITS_LIMIT * 3);
    const arrived = new Map<string, Date>();
    for (const e of checkIns) if (e.data.day === day && !arrived.has(e.caseId)) arrived.set(e.caseId, e.at);
    const ids = [...arrived.keys()].slice(0, VISITS_LIMIT);
    const reviewers = await reviewersQuery(tx.db, orgId).orderBy(asc(users.displayName));
    if (!ids.length) return { day, timeZone, visits: [], reviewers };

    const rows = await tx.db.select().from(cases).where(and(eq(cases.orgId, orgId), inArray(cases.id, ids)));
    const summaries = new Map((await casesRepo.summaries(tx.db, rows)).map((s) => [s.id, s]));
    const reviews = await tx.db
      .select({ caseId: caseEvents.caseId, at: caseEvents.createdAt, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.orgId, orgId), inArray(caseEvents.caseId, ids), eq(caseEvents.kind, 'clinic_review_requested')))
      .orderBy(desc(caseEvents.createdAt));
    const latestReview = new Map<string, { at: Date; attorneyId: string }>();
    for (const r of reviews) if (!latestReview.has(r.caseId) && typeof r.data.attorneyId === 'string') latestReview.set(r.caseId, { at: r.at, attorneyId: r.data.attorneyId });
    const names = await casesRepo.userNames(tx.db, [...latestReview.values()].map((r) => r.attorneyId));
    const records = await tx.db.select().from(dacaRecords).where(and(eq(dacaRecords.orgId, orgId), inArray(dacaRecords.personId, [...new Set(rows.map((r) => r.personId))])));
    const recordOf = new Map(records.map((r) => [r.personId, r]));

    const visits: ClinicDay['visits'] = [];
    for (const id of ids) {
      const summary = summaries.get(id);
      if (!summary) continue;
      const review = latestReview.get(id);
      const record = recordOf.get(summary.person.id);
      visits.push({
        case: summary,
        checkedInAt: arrived.get(id)!.toISOString(),
        review: review ? { requestedAt: review.at.toISOString(), attorney: { userId: review.attorneyId, name: names.get(review.attorneyId) ?? '' } } : null,
        daca: record ? await dacaView(tx.db, record) : null,
      });
    }
    await audit(tx, { action: 'daca.clinic_day_read', details: { day, visits: visits.length } });
    return { day, timeZone, visits, reviewers };
  });
}

/**
 * "Ready for attorney review": the case goes to an attorney or accredited representative of
 * the affiliate (it is assigned to them, so it is in their "mine" list) and the timeline says
 * so. Asking the same person again changes nothing; a closed case is not handed on.
 */
export async function requestAttorneyReview({ ctx, input }: { ctx: Ctx; input: ClinicReviewInput & { id: string } }): Promise<ClinicReview> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    if (c.status === 'closed') throw conflict('case_closed', {}, 'id');
    const [attorney] = await reviewersQuery(tx.db, orgId, input.attorneyId);
    if (!attorney) throw invalid('not_an_attorney', 'attorneyId');
    const [last] = await tx.db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, 'clinic_review_requested')))
      .orderBy(desc(caseEvents.createdAt))
      .limit(1);
    if (c.assignedTo === attorney.userId && last?.data.attorneyId === attorney.userId) {
      return { case: (await casesRepo.summaries(tx.db, [c]))[0], requested: false };
    }
    const me = ctx.actor?.userId ?? null;
    const [row] = await tx.db.update(cases).set({ assignedTo: attorney.userId, version: c.version + 1 }).where(eq(cases.id, c.id)).returning();
    await casesRepo.event(tx.db, orgId, c.id, 'clinic_review_requested', me, { attorneyId: attorney.userId });
    await audit(tx, { action: 'case.review_requested', entityType: 'case', entityId: c.id, details: { attorneyId: attorney.userId } });
    return { case: (await casesRepo.summaries(tx.db, [row]))[0], requested: true };
  });
}
