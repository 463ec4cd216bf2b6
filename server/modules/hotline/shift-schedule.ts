import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Override, Schedule, ScheduleQuery, Shift, ShiftInput, ShiftPatch } from '../../../contracts/hotline-shifts.ts';
import { ShiftInput as ShiftInputSchema } from '../../../contracts/hotline-shifts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { hotlineResponders, hotlineShifts } from './hotline.table.ts';
import { loadOverridesAround } from './on-call.ts';
import { concreteIntervals, isValidTimeZone, type RecurringShift } from './shift-times.ts';

/** Weekly recurring shifts (coordinators) and the schedule everyone on the hotline sees. */

type ShiftRow = typeof hotlineShifts.$inferSelect;

export const toRecurring = (r: ShiftRow): RecurringShift => ({ ...r, endsOn: r.endsOn ?? null });

export async function displayNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const toShift = (r: ShiftRow, names: Map<string, string>): Shift => ({
  id: r.id,
  userId: r.userId,
  displayName: names.get(r.userId) ?? '',
  role: r.role,
  weekdays: [...r.weekdays].sort((a, b) => a - b),
  startTime: r.startTime,
  endTime: r.endTime,
  timeZone: r.timeZone,
  startsOn: r.startsOn,
  endsOn: r.endsOn ?? null,
  createdAt: r.createdAt.toISOString(),
});

export const toOverride = (
  r: { id: string; userId: string; kind: 'on' | 'off'; role: Shift['role']; startsAt: Date; endsAt: Date; note: string | null; createdBy?: string | null; createdAt?: Date },
  names: Map<string, string>,
): Override => ({
  id: r.id,
  userId: r.userId,
  displayName: names.get(r.userId) ?? '',
  kind: r.kind,
  role: r.role,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  note: r.note,
  createdBy: r.createdBy ?? null,
  createdAt: (r.createdAt ?? r.startsAt).toISOString(),
});

export async function orgTimeZone(ctx: Ctx, orgId: string): Promise<string> {
  const [org] = await ctx.db.select({ tz: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return org?.tz ?? 'America/New_York';
}

/** Someone a shift or an override may name: a member of the org with a responder profile. */
export async function requireResponderProfile(ctx: Ctx, orgId: string, userId: string, field = 'userId') {
  const [row] = await ctx.db
    .select({ userId: hotlineResponders.userId })
    .from(hotlineResponders)
    .where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.userId, userId)));
  if (!row) throw invalid('not_a_responder', field);
}

function checkShift(s: { timeZone: string; startsOn: string; endsOn?: string | null }) {
  if (!isValidTimeZone(s.timeZone)) throw invalid('invalid_time_zone', 'timeZone');
  if (s.endsOn && s.endsOn < s.startsOn) throw invalid('ends_before_start', 'endsOn');
}

const findShift = async (ctx: Ctx, orgId: string, id: string) =>
  (await ctx.db.select().from(hotlineShifts).where(and(eq(hotlineShifts.orgId, orgId), eq(hotlineShifts.id, id))))[0] ?? null;

/**
 * The recurring shifts, the overrides in [from, from + days) and the concrete on-call
 * intervals there (occurrences less `off` time, plus `on` overrides) of active responders.
 */
export async function getSchedule({ ctx, input }: { ctx: Ctx; input: ScheduleQuery }): Promise<Schedule> {
  const orgId = requireOrg(ctx);
  const from = input.from ? new Date(input.from) : new Date();
  const to = new Date(from.getTime() + Number(input.days ?? 14) * 86_400_000);
  return inTx(ctx, async (tx) => {
    const timeZone = await orgTimeZone(tx, orgId);
    const shiftRows = await tx.db.select().from(hotlineShifts).where(eq(hotlineShifts.orgId, orgId)).orderBy(asc(hotlineShifts.startTime), asc(hotlineShifts.createdAt));
    const overrides = await loadOverridesAround(tx.db, orgId, from, to);
    const active = new Set(
      (await tx.db.select({ userId: hotlineResponders.userId }).from(hotlineResponders).where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.active, true)))).map((r) => r.userId),
    );
    const intervals = concreteIntervals(shiftRows.map(toRecurring), overrides, from, to).filter((i) => active.has(i.userId));
    const names = await displayNames(tx, [...shiftRows.map((s) => s.userId), ...overrides.map((o) => o.userId)]);
    return {
      timeZone,
      from: from.toISOString(),
      to: to.toISOString(),
      shifts: shiftRows.map((r) => toShift(r, names)),
      overrides: overrides.map((r) => toOverride(r, names)),
      intervals: intervals.map((i) => ({
        userId: i.userId,
        displayName: names.get(i.userId) ?? '',
        role: i.role,
        start: i.start.toISOString(),
        end: i.end.toISOString(),
        shiftId: i.shiftId,
        overrideId: i.overrideId,
      })),
    };
  });
}

export async function createShift({ ctx, input }: { ctx: Ctx; input: ShiftInput }): Promise<Shift> {
  const orgId = requireOrg(ctx);
  const parsed = ShiftInputSchema.parse(input);
  return inTx(ctx, async (tx) => {
    const timeZone = parsed.timeZone ?? (await orgTimeZone(tx, orgId));
    checkShift({ ...parsed, timeZone });
    await requireResponderProfile(tx, orgId, parsed.userId);
    const [row] = await tx.db
      .insert(hotlineShifts)
      .values({ orgId, userId: parsed.userId, role: parsed.role, weekdays: parsed.weekdays, startTime: parsed.startTime, endTime: parsed.endTime, timeZone, startsOn: parsed.startsOn, endsOn: parsed.endsOn ?? null, createdBy: tx.actor?.userId ?? null })
      .returning();
    await audit(tx, { action: 'hotline.shift_create', entityType: 'hotline_shift', entityId: row!.id, details: { userId: parsed.userId, role: parsed.role } });
    return toShift(row!, await displayNames(tx, [row!.userId]));
  });
}

export async function updateShift({ ctx, input }: { ctx: Ctx; input: ShiftPatch & { id: string } }): Promise<Shift> {
  const orgId = requireOrg(ctx);
  const { id, ...patch } = input;
  return inTx(ctx, async (tx) => {
    const current = await findShift(tx, orgId, id);
    if (!current) throw notFound('shift');
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ShiftRow;
    checkShift(next);
    if (patch.userId && patch.userId !== current.userId) await requireResponderProfile(tx, orgId, patch.userId);
    const [row] = await tx.db
      .update(hotlineShifts)
      .set({ userId: next.userId, role: next.role, weekdays: next.weekdays, startTime: next.startTime, endTime: next.endTime, timeZone: next.timeZone, startsOn: next.startsOn, endsOn: next.endsOn ?? null })
      .where(and(eq(hotlineShifts.orgId, orgId), eq(hotlineShifts.id, id)))
      .returning();
    await audit(tx, { action: 'hotline.shift_update', entityType: 'hotline_shift', entityId: id, details: { fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined).sort() } });
    return toShift(row!, await displayNames(tx, [row!.userId]));
  });
}

export async function deleteShift({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const current = await findShift(tx, orgId, input.id);
    if (!current) throw notFound('shift');
    await tx.db.delete(hotlineShifts).where(and(eq(hotlineShifts.orgId, orgId), eq(hotlineShifts.id, input.id)));
    await audit(tx, { action: 'hotline.shift_delete', entityType: 'hotline_shift', entityId: input.id, details: { userId: current.userId, role: current.role } });
    return { ok: true as const };
  });
}
