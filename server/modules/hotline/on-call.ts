import { and, eq, gt, isNull, lte, or, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, users } from '../organizations/organizations.table.ts';
import { hotlineResponders, hotlineShiftOverrides, hotlineShifts, type HOTLINE_LANGS } from './hotline.table.ts';
import { addDays, onCallAt, senior, type RecurringShift, type ShiftOverride, type ShiftRole } from './shift-times.ts';

export type HotlineLang = (typeof HOTLINE_LANGS)[number];

export interface OnCall {
  userId: string;
  /**
   * The earliest escalation tier the user is on at that instant: primary, then backup, then
   * coordinator. Routing rings `primary` first, then `backup`, then `coordinator`.
   */
  role: ShiftRole;
  /** Every role the user holds at that instant, in escalation order (e.g. ['primary', 'coordinator']). */
  roles: ShiftRole[];
  languages: HotlineLang[];
  phoneE164: string | null;
  maxOpen: number;
}

const TIER: Record<ShiftRole, number> = { primary: 0, backup: 1, coordinator: 2 };

/** Shifts of an org that could cover some instant in [from, to) (by their date bounds; ±2 days for any time zone). */
export async function loadShiftsAround(db: DbOrTx, orgId: string, from: Date, to: Date): Promise<RecurringShift[]> {
  const lo = addDays(from.toISOString().slice(0, 10), -2);
  const hi = addDays(to.toISOString().slice(0, 10), 2);
  const rows = await db
    .select()
    .from(hotlineShifts)
    .where(and(eq(hotlineShifts.orgId, orgId), lte(hotlineShifts.startsOn, hi), or(isNull(hotlineShifts.endsOn), gte(hotlineShifts.endsOn, lo))));
  return rows.map((r) => ({ ...r, endsOn: r.endsOn ?? null }));
}

/** Overrides of an org overlapping [from, to). */
export async function loadOverridesAround(db: DbOrTx, orgId: string, from: Date, to: Date): Promise<(ShiftOverride & { note: string | null; createdBy: string | null; createdAt: Date })[]> {
  return db
    .select({
      id: hotlineShiftOverrides.id,
      userId: hotlineShiftOverrides.userId,
      kind: hotlineShiftOverrides.kind,
      role: hotlineShiftOverrides.role,
      startsAt: hotlineShiftOverrides.startsAt,
      endsAt: hotlineShiftOverrides.endsAt,
      note: hotlineShiftOverrides.note,
      createdBy: hotlineShiftOverrides.createdBy,
      createdAt: hotlineShiftOverrides.createdAt,
    })
    .from(hotlineShiftOverrides)
    .where(and(eq(hotlineShiftOverrides.orgId, orgId), lte(hotlineShiftOverrides.startsAt, to), gt(hotlineShiftOverrides.endsAt, from)))
    .orderBy(hotlineShiftOverrides.startsAt);
}

/**
 * The responders of `orgId` on call at `at`: recurring shifts covering that instant in each
 * shift's time zone plus `on` overrides, minus anyone with an `off` override then. Only
 * active responder profiles of current, enabled members count (a shift of someone who left
 * the org rings nobody). One entry per user, `role` being their earliest escalation tier;
 * ordered by tier, then userId (stable, so callers can balance by load themselves).
 *
 * Runs with whatever `db` it is given: routing calls it as the system (webhooks have no
 * actor), request handlers inside their org transaction.
 */
export async function onCallResponders(db: DbOrTx, orgId: string, at: Date): Promise<OnCall[]> {
  // One after the other: inside a transaction both drivers have a single connection anyway.
  const shifts = await loadShiftsAround(db, orgId, at, at);
  const overrides = await loadOverridesAround(db, orgId, at, new Date(at.getTime() + 1));
  const who = onCallAt(shifts, overrides, at);
  if (who.size === 0) return [];
  const profiles = await db
    .select({ userId: hotlineResponders.userId, languages: hotlineResponders.languages, phoneE164: hotlineResponders.phoneE164, maxOpen: hotlineResponders.maxOpen })
    .from(hotlineResponders)
    .innerJoin(memberships, and(eq(memberships.userId, hotlineResponders.userId), eq(memberships.orgId, hotlineResponders.orgId)))
    .innerJoin(users, eq(users.id, hotlineResponders.userId))
    .where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.active, true), isNull(users.disabledAt)));
  const out: OnCall[] = [];
  for (const p of profiles) {
    const roles = who.get(p.userId);
    if (!roles) continue;
    out.push({ userId: p.userId, role: senior(roles), roles, languages: p.languages as HotlineLang[], phoneE164: p.phoneE164, maxOpen: p.maxOpen });
  }
  return out.sort((a, b) => TIER[a.role] - TIER[b.role] || a.userId.localeCompare(b.userId));
}
