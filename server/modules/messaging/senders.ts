import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Sender, SenderInput, SenderPatch } from '../../../contracts/messaging.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { toE164 } from '../people/index.ts';
import { forgetLookups } from './lookup-cache.ts';
import { messagingSenders, outboundMessages } from './messaging.table.ts';

type SenderRow = typeof messagingSenders.$inferSelect;

const toSender = (r: SenderRow): Sender => ({
  id: r.id,
  label: r.label,
  phone: r.phoneE164,
  messagingServiceSid: r.messagingServiceSid,
  segmentsPerSecond: r.segmentsPerSecond,
  isDefault: r.isDefault,
  createdAt: r.createdAt.toISOString(),
});

/**
 * A number or Messaging Service belongs to one org in all of Haven (inbound webhooks find
 * the org by it). Another org's row is invisible under RLS, so instead of looking, we let
 * the unique index refuse and translate PostgreSQL's 23505. Drizzle wraps driver errors,
 * hence the walk down `cause`.
 */
function uniqueViolation(err: unknown): { constraint: string } | null {
  type PgLike = { code?: unknown; constraint?: unknown; cause?: unknown };
  for (let e = err as PgLike | undefined, depth = 0; e && depth < 5; e = e.cause as PgLike | undefined, depth++) {
    if (e.code === '23505') return { constraint: String(e.constraint ?? '') };
  }
  return null;
}

async function guardTaken<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const taken = uniqueViolation(err);
    if (taken) throw conflict('sender_taken', {}, taken.constraint.includes('service') ? 'messagingServiceSid' : 'phone');
    throw err;
  }
}

/** Input fields → columns: the phone in any US format becomes E.164; '' clears. */
function toColumns(input: SenderPatch): Partial<typeof messagingSenders.$inferInsert> {
  const cols: Partial<typeof messagingSenders.$inferInsert> = {};
  if (input.label !== undefined) cols.label = input.label;
  if (input.phone !== undefined) {
    if (input.phone === null || input.phone === '') cols.phoneE164 = null;
    else {
      const e164 = toE164(input.phone);
      if (!e164) throw invalid('invalid_phone', 'phone', { value: input.phone });
      cols.phoneE164 = e164;
    }
  }
  if (input.messagingServiceSid !== undefined) cols.messagingServiceSid = input.messagingServiceSid || null;
  if (input.segmentsPerSecond !== undefined) cols.segmentsPerSecond = input.segmentsPerSecond;
  return cols;
}

/** A sender with neither a number nor a Messaging Service could send nothing. */
function requireAddress(row: { phoneE164?: string | null; messagingServiceSid?: string | null }) {
  if (!row.phoneE164 && !row.messagingServiceSid) throw invalid('sender_needs_address', 'phone');
}

/** Exactly one default per org: making one the default unsets the others in the same transaction. */
async function makeDefault(ctx: Ctx, orgId: string, id: string) {
  await ctx.db.update(messagingSenders).set({ isDefault: false }).where(and(eq(messagingSenders.orgId, orgId), ne(messagingSenders.id, id)));
  await ctx.db.update(messagingSenders).set({ isDefault: true }).where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.id, id)));
}

const findSender = async (ctx: Ctx, orgId: string, id: string) =>
  (await ctx.db.select().from(messagingSenders).where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.id, id))))[0] ?? null;

export async function listSenders({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx.db.select().from(messagingSenders).where(eq(messagingSenders.orgId, orgId)).orderBy(asc(messagingSenders.createdAt));
    return { items: rows.map(toSender) };
  });
}

export async function createSender({ ctx, input }: { ctx: Ctx; input: SenderInput }) {
  const orgId = requireOrg(ctx);
  const cols = toColumns(input);
  requireAddress(cols);
  return forgetLookupsAfter(ctx, guardTaken(() =>
    inTx(ctx, async (tx) => {
      const [{ n }] = await tx.db.select({ n: count() }).from(messagingSenders).where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.isDefault, true)));
      const [row] = await tx.db.insert(messagingSenders).values({ ...cols, label: input.label, orgId }).returning();
      // The first sender becomes the default, so replies always have a number to go out from.
      if (input.isDefault || Number(n) === 0) await makeDefault(tx, orgId, row.id);
      await audit(tx, { action: 'messaging.sender_create', entityType: 'messaging_sender', entityId: row.id, details: { fields: Object.keys(input).sort() } });
      return toSender((await findSender(tx, orgId, row.id))!);
    }),
  ));
}

export async function updateSender({ ctx, input }: { ctx: Ctx; input: SenderPatch & { id: string } }) {
  const orgId = requireOrg(ctx);
  const { id, isDefault, ...fields } = input;
  const cols = toColumns(fields);
  return forgetLookupsAfter(ctx, guardTaken(() =>
    inTx(ctx, async (tx) => {
      const current = await findSender(tx, orgId, id);
      if (!current) throw notFound('sender');
      requireAddress({ ...current, ...cols });
      // Unsetting the default would leave the org without one; choosing another default is how it moves.
      if (isDefault === false && current.isDefault) throw invalid('default_sender_required', 'isDefault');
      if (Object.keys(cols).length) await tx.db.update(messagingSenders).set(cols).where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.id, id)));
      if (isDefault) await makeDefault(tx, orgId, id);
      await audit(tx, { action: 'messaging.sender_update', entityType: 'messaging_sender', entityId: id, details: { fields: Object.keys(input).filter((k) => k !== 'id').sort() } });
      return toSender((await findSender(tx, orgId, id))!);
    }),
  ));
}

/**
 * A sender with messages still waiting is not deleted: they would lose their number (the
 * foreign key sets it to null) and go out from another one, or not at all.
 */
export async function deleteSender({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const orgId = requireOrg(ctx);
  return forgetLookupsAfter(ctx, inTx(ctx, async (tx) => {
    const current = await findSender(tx, orgId, input.id);
    if (!current) throw notFound('sender');
    const [{ n }] = await tx.db
      .select({ n: count() })
      .from(outboundMessages)
      .where(and(eq(outboundMessages.orgId, orgId), eq(outboundMessages.senderId, input.id), inArray(outboundMessages.status, ['queued', 'sending'])));
    if (Number(n) > 0) throw new AppError('sender_busy', 409, { count: Number(n) });
    await tx.db.delete(messagingSenders).where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.id, input.id)));
    // The default moves to the oldest remaining sender, keeping exactly one.
    if (current.isDefault) {
      const [next] = await tx.db.select().from(messagingSenders).where(eq(messagingSenders.orgId, orgId)).orderBy(asc(messagingSenders.createdAt)).limit(1);
      if (next) await makeDefault(tx, orgId, next.id);
    }
    await audit(tx, { action: 'messaging.sender_delete', entityType: 'messaging_sender', entityId: input.id });
    return { ok: true as const };
  }));
}

/** Webhooks find an org by its numbers; after an edit (committed or not) this process looks them up afresh. */
const forgetLookupsAfter = <T>(ctx: Ctx, work: Promise<T>) => work.finally(() => forgetLookups(ctx.deps));
