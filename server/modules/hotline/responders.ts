import { and, asc, eq } from 'drizzle-orm';
import type { Responder, ResponderInput } from '../../../contracts/hotline-shifts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { memberships, users } from '../organizations/organizations.table.ts';
import { toE164 } from '../people/index.ts';
import { hotlineResponders } from './hotline.table.ts';

/**
 * Responder profiles: the languages someone takes conversations in, the phone the hotline
 * rings, how many open conversations routing gives them. A responder edits their own
 * languages and phone; coordinators edit anyone in their org, including load and active.
 */

export const canCoordinate = (ctx: Ctx) => Boolean(ctx.actor?.permissions.has('hotline.coordinate'));

function requireUser(ctx: Ctx): string {
  const userId = ctx.actor?.userId;
  // An API token acts for no person: it has no profile of its own.
  if (!userId) throw new AppError('forbidden', 403);
  return userId;
}

type Row = typeof hotlineResponders.$inferSelect & { displayName: string };

const toResponder = (r: Row, showPhone: boolean): Responder => ({
  userId: r.userId,
  displayName: r.displayName,
  languages: r.languages as Responder['languages'],
  phone: showPhone ? r.phoneE164 : null,
  maxOpen: r.maxOpen,
  active: r.active,
  calendarLinked: Boolean(r.icalTokenHash),
  createdAt: r.createdAt.toISOString(),
});

const selectRows = (ctx: Ctx, orgId: string) =>
  ctx.db
    .select({
      orgId: hotlineResponders.orgId,
      userId: hotlineResponders.userId,
      languages: hotlineResponders.languages,
      phoneE164: hotlineResponders.phoneE164,
      maxOpen: hotlineResponders.maxOpen,
      active: hotlineResponders.active,
      icalTokenHash: hotlineResponders.icalTokenHash,
      createdAt: hotlineResponders.createdAt,
      displayName: users.displayName,
    })
    .from(hotlineResponders)
    .innerJoin(users, eq(users.id, hotlineResponders.userId))
    .where(eq(hotlineResponders.orgId, orgId))
    .$dynamic();

export async function findResponder(ctx: Ctx, orgId: string, userId: string): Promise<Row | null> {
  return (await selectRows(ctx, orgId).where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.userId, userId))))[0] ?? null;
}

/** Is this user a member of the org? (Shifts and profiles are only for members.) */
export async function isMember(ctx: Ctx, orgId: string, userId: string): Promise<boolean> {
  const rows = await ctx.db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return rows.length > 0;
}

/** Everyone's profile; phones only to coordinators and to the responder themselves. */
export async function listResponders({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  const me = ctx.actor?.userId ?? null;
  return inTx(ctx, async (tx) => {
    const rows = await selectRows(tx, orgId).orderBy(asc(users.displayName));
    return { items: rows.map((r) => toResponder(r, canCoordinate(tx) || r.userId === me)), me };
  });
}

function phoneColumn(phone: string | null | undefined): string | null | undefined {
  if (phone === undefined) return undefined;
  if (phone === null || phone === '') return null;
  const e164 = toE164(phone);
  if (!e164) throw invalid('invalid_phone', 'phone', { value: phone });
  return e164;
}

async function upsert(ctx: Ctx, orgId: string, userId: string, input: ResponderInput) {
  const phone = phoneColumn(input.phone);
  return inTx(ctx, async (tx) => {
    if (!(await isMember(tx, orgId, userId))) throw notFound('member');
    const current = await findResponder(tx, orgId, userId);
    const cols = {
      languages: input.languages,
      ...(phone !== undefined ? { phoneE164: phone } : {}),
      ...(input.maxOpen !== undefined ? { maxOpen: input.maxOpen } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    if (current) await tx.db.update(hotlineResponders).set(cols).where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.userId, userId)));
    else await tx.db.insert(hotlineResponders).values({ orgId, userId, ...cols });
    await audit(tx, {
      action: current ? 'hotline.responder_update' : 'hotline.responder_create',
      entityType: 'hotline_responder',
      entityId: userId,
      details: { fields: Object.keys(input).sort(), languages: input.languages },
    });
    return toResponder((await findResponder(tx, orgId, userId))!, true);
  });
}

/** The caller's own profile: languages and phone (created on first save). */
export async function upsertMyResponder({ ctx, input }: { ctx: Ctx; input: ResponderInput }) {
  const orgId = requireOrg(ctx);
  const userId = requireUser(ctx);
  if (!canCoordinate(ctx)) {
    // Load and on/off are the coordinator's call: say so rather than silently dropping them.
    if (input.maxOpen !== undefined) throw new AppError('coordinator_only', 403, {}, 'maxOpen');
    if (input.active !== undefined) throw new AppError('coordinator_only', 403, {}, 'active');
  }
  return upsert(ctx, orgId, userId, input);
}

/** A coordinator sets up or changes anyone's profile in their org. */
export async function upsertResponder({ ctx, input }: { ctx: Ctx; input: ResponderInput & { userId: string } }) {
  const orgId = requireOrg(ctx);
  const { userId, ...fields } = input;
  return upsert(ctx, orgId, userId, fields);
}

/**
 * Take someone off the hotline: routing and on-call stop counting them at once; their
 * shifts stay (so turning them back on restores the schedule) and their calendar link is
 * revoked.
 */
export async function deactivateResponder({ ctx, input }: { ctx: Ctx; input: { userId: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const current = await findResponder(tx, orgId, input.userId);
    if (!current) throw notFound('responder');
    await tx.db
      .update(hotlineResponders)
      .set({ active: false, icalTokenHash: null })
      .where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.userId, input.userId)));
    await audit(tx, { action: 'hotline.responder_deactivate', entityType: 'hotline_responder', entityId: input.userId });
    return { ok: true as const };
  });
}

export { requireUser };
