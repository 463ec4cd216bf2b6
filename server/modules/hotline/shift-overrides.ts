import { and, eq } from 'drizzle-orm';
import type { Override, OverrideInput } from '../../../contracts/hotline-shifts.ts';
import { OverrideInput as OverrideInputSchema } from '../../../contracts/hotline-shifts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { hotlineShiftOverrides } from './hotline.table.ts';
import { requireUser } from './responders.ts';
import { displayNames, requireResponderProfile, toOverride } from './shift-schedule.ts';

/**
 * One-off changes to the schedule. Coordinators add `on` (someone covers) and `off`
 * (someone is away) for anyone in their org. A responder may only mark themselves `off`
 * (sick, a family emergency): a phone that rings someone who said they cannot answer only
 * delays the caller, and the coordinator sees the gap on the on-call panel. Putting someone
 * on call stays the coordinator's decision.
 */

const MAX_DAYS = 366;

function checkRange(startsAt: Date, endsAt: Date) {
  if (endsAt <= startsAt) throw invalid('ends_before_start', 'endsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000) throw invalid('range_too_long', 'endsAt', { days: MAX_DAYS });
}

async function insertOverride(ctx: Ctx, orgId: string, input: OverrideInput, action: string): Promise<Override> {
  const parsed = OverrideInputSchema.parse(input);
  const startsAt = new Date(parsed.startsAt);
  const endsAt = new Date(parsed.endsAt);
  checkRange(startsAt, endsAt);
  return inTx(ctx, async (tx) => {
    await requireResponderProfile(tx, orgId, parsed.userId);
    const [row] = await tx.db
      .insert(hotlineShiftOverrides)
      .values({ orgId, userId: parsed.userId, kind: parsed.kind, role: parsed.role, startsAt, endsAt, note: parsed.note || null, createdBy: tx.actor?.userId ?? null })
      .returning();
    // The note is free text: left out of the audit log, which keeps ids and facts only.
    await audit(tx, { action, entityType: 'hotline_shift_override', entityId: row!.id, details: { userId: parsed.userId, kind: parsed.kind, role: parsed.role } });
    return toOverride(row!, await displayNames(tx, [row!.userId]));
  });
}

/** A coordinator's override for anyone in the org. */
export async function createOverride({ ctx, input }: { ctx: Ctx; input: OverrideInput }) {
  return insertOverride(ctx, requireOrg(ctx), input, 'hotline.override_create');
}

/** The caller marks themselves away. */
export async function createMyTimeOff({ ctx, input }: { ctx: Ctx; input: { startsAt: string; endsAt: string; note?: string | null } }) {
  const orgId = requireOrg(ctx);
  const userId = requireUser(ctx);
  return insertOverride(ctx, orgId, { ...input, userId, kind: 'off', role: 'primary' }, 'hotline.time_off_create');
}

async function removeOverride(ctx: Ctx, id: string, own: { userId: string } | null) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [current] = await tx.db.select().from(hotlineShiftOverrides).where(and(eq(hotlineShiftOverrides.orgId, orgId), eq(hotlineShiftOverrides.id, id)));
    // A responder removing time off sees only their own `off` overrides: anything else is not there for them.
    if (!current || (own && (current.userId !== own.userId || current.kind !== 'off'))) throw notFound('override');
    await tx.db.delete(hotlineShiftOverrides).where(and(eq(hotlineShiftOverrides.orgId, orgId), eq(hotlineShiftOverrides.id, id)));
    await audit(tx, { action: own ? 'hotline.time_off_delete' : 'hotline.override_delete', entityType: 'hotline_shift_override', entityId: id, details: { userId: current.userId, kind: current.kind } });
    return { ok: true as const };
  });
}

export const deleteOverride = ({ ctx, input }: { ctx: Ctx; input: { id: string } }) => removeOverride(ctx, input.id, null);
export const deleteMyTimeOff = ({ ctx, input }: { ctx: Ctx; input: { id: string } }) => removeOverride(ctx, input.id, { userId: requireUser(ctx) });
