import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { CallbackDone, CallbackList, CallbackTask, CallInInput, CallInResult, HotlineSettings, HotlineSettingsPatch } from '../../../contracts/hotline-admin.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { enqueueMessages } from '../messaging/index.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { callbackTasks, hotlineResponders, hotlineSettings } from './hotline.table.ts';
import { onCallResponders } from './on-call.ts';
import { publish } from '../../platform/realtime/index.ts';

/** Settings with the defaults filled in (no row yet means the defaults). */
export async function getHotlineSettings({ ctx }: { ctx: Ctx; input?: undefined }): Promise<HotlineSettings> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [s] = await tx.db.select().from(hotlineSettings).where(eq(hotlineSettings.orgId, orgId));
    return { ringSeconds: s?.ringSeconds ?? 20, emergencyAlertSeconds: s?.emergencyAlertSeconds ?? 120, surge: s?.surge ?? false, surgeSince: s?.surgeSince?.toISOString() ?? null };
  });
}

/** Change settings; turning surge on or off is audited with the time, as the network will ask what happened when. */
export async function updateHotlineSettings({ ctx, input }: { ctx: Ctx; input: HotlineSettingsPatch }): Promise<HotlineSettings> {
  const orgId = requireOrg(ctx);
  await inTx(ctx, async (tx) => {
    const [current] = await tx.db.select().from(hotlineSettings).where(eq(hotlineSettings.orgId, orgId));
    const surgeChanges = input.surge !== undefined && input.surge !== (current?.surge ?? false);
    const values = {
      ...input,
      ...(surgeChanges ? { surgeSince: input.surge ? new Date() : null } : {}),
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: new Date(),
    };
    await tx.db.insert(hotlineSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: hotlineSettings.orgId, set: values });
    await audit(tx, { action: surgeChanges ? (input.surge ? 'hotline.surge_on' : 'hotline.surge_off') : 'hotline.settings_update', entityType: 'organization', entityId: orgId, details: { fields: Object.keys(input).sort() } });
    await publish(tx.db, { orgId, topic: 'hotline.settings', data: { change: 'updated' } });
  });
  return getHotlineSettings({ ctx });
}

type TaskRow = typeof callbackTasks.$inferSelect;

/** Open callbacks in the order they are worked: emergencies (someone detained) first, then oldest first. */
export async function listCallbacks({ ctx, input }: { ctx: Ctx; input: { status: 'open' | 'done' } }): Promise<CallbackList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx.db
      .select({ task: callbackTasks, claimedName: users.displayName })
      .from(callbackTasks)
      .leftJoin(users, eq(users.id, callbackTasks.claimedBy))
      .where(and(eq(callbackTasks.orgId, orgId), eq(callbackTasks.status, input.status)))
      .orderBy(...(input.status === 'open' ? [desc(callbackTasks.emergency), asc(callbackTasks.createdAt)] : [desc(callbackTasks.doneAt)]))
      .limit(200);
    const [{ open }] = await tx.db.select({ open: sql<number>`count(*)::int` }).from(callbackTasks).where(and(eq(callbackTasks.orgId, orgId), eq(callbackTasks.status, 'open')));
    return { items: rows.map((r, i) => toTask(r.task, r.claimedName, input.status === 'open' ? i + 1 : null)), open };
  });
}

const toTask = (t: TaskRow, claimedName: string | null, position: number | null): CallbackTask => ({
  id: t.id, phone: t.phoneE164, lang: t.lang, reason: t.reason, emergency: t.emergency, recordingUrl: t.recordingUrl, conversationId: t.conversationId,
  status: t.status, claimedBy: t.claimedBy ? { userId: t.claimedBy, name: claimedName ?? '' } : null, outcome: t.outcome,
  createdAt: t.createdAt.toISOString(), doneAt: t.doneAt?.toISOString() ?? null, position,
});

/**
 * Take the callback: only one responder calls a member back. Taking one someone else holds
 * is refused (409) rather than silently shared; the holder or a coordinator can finish it.
 */
export async function claimCallback({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<CallbackTask> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .update(callbackTasks)
      .set({ claimedBy: ctx.actor!.userId })
      .where(and(eq(callbackTasks.orgId, orgId), eq(callbackTasks.id, input.id), eq(callbackTasks.status, 'open'), sql`(${callbackTasks.claimedBy} is null or ${callbackTasks.claimedBy} = ${ctx.actor!.userId})`))
      .returning();
    if (!row) {
      const [exists] = await tx.db.select({ id: callbackTasks.id }).from(callbackTasks).where(and(eq(callbackTasks.orgId, orgId), eq(callbackTasks.id, input.id)));
      if (!exists) throw notFound('callback');
      throw new AppError('callback_taken', 409);
    }
    await audit(tx, { action: 'hotline.callback_claim', entityType: 'callback_task', entityId: row.id });
    await publish(tx.db, { orgId, topic: 'hotline.callback', data: { id: row.id, change: 'claimed' } });
    return toTask(row, ctx.actor!.label, null);
  });
}

export async function finishCallback({ ctx, input }: { ctx: Ctx; input: CallbackDone & { id: string } }): Promise<CallbackTask> {
  const orgId = requireOrg(ctx);
  const coordinator = ctx.actor!.permissions.has('hotline.coordinate');
  return inTx(ctx, async (tx) => {
    const [current] = await tx.db.select().from(callbackTasks).where(and(eq(callbackTasks.orgId, orgId), eq(callbackTasks.id, input.id)));
    if (!current) throw notFound('callback');
    if (current.status === 'done') throw new AppError('callback_done', 409);
    if (current.claimedBy && current.claimedBy !== ctx.actor!.userId && !coordinator) throw new AppError('callback_taken', 409);
    const [row] = await tx.db
      .update(callbackTasks)
      .set({ status: 'done', outcome: input.outcome, doneBy: ctx.actor!.userId, doneAt: new Date(), claimedBy: current.claimedBy ?? ctx.actor!.userId })
      .where(eq(callbackTasks.id, input.id))
      .returning();
    await audit(tx, { action: 'hotline.callback_done', entityType: 'callback_task', entityId: row.id, details: { outcome: input.outcome } });
    await publish(tx.db, { orgId, topic: 'hotline.callback', data: { id: row.id, change: 'done' } });
    return toTask(row, null, null);
  });
}

const CALL_IN: Record<Lang, (org: string, url: string) => string> = {
  ko: (org, url) => `[${org} 핫라인] 지금 전화와 문자가 몰리고 있습니다. 도와주실 수 있으면 로그인해 주세요: ${url}`,
  en: (org, url) => `[${org} hotline] Calls and texts are surging right now. If you can help, please sign in: ${url}`,
  es: (org, url) => `[Línea de ${org}] Hay muchas llamadas y mensajes ahora. Si puede ayudar, inicie sesión: ${url}`,
};

/**
 * One action to call more responders in: every active responder not already on call (who
 * speaks one of `languages`, if given) gets a text in their own language with the inbox link.
 */
export async function callInResponders({ ctx, input }: { ctx: Ctx; input: CallInInput }): Promise<CallInResult> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const onCall = new Set((await onCallResponders(tx.db, orgId, new Date())).map((o) => o.userId));
    const rows = await tx.db
      .select({ userId: hotlineResponders.userId, phone: hotlineResponders.phoneE164, languages: hotlineResponders.languages, uiLang: users.language })
      .from(hotlineResponders)
      .innerJoin(users, eq(users.id, hotlineResponders.userId))
      .where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.active, true)));
    const wanted = rows.filter((r) => !onCall.has(r.userId) && (!input.languages.length || r.languages.some((l) => (input.languages as string[]).includes(l))));
    const withPhone = wanted.filter((r) => r.phone);
    const org = await orgName(tx, orgId);
    const url = `${ctx.deps.config.publicUrl}/hotline`;
    // One text per responder per ten minutes: a double click does not text everyone twice.
    const slot = Math.floor(Date.now() / 600_000);
    if (withPhone.length) {
      await enqueueMessages(ctx.deps, tx.db, {
        orgId,
        createdBy: ctx.actor?.userId ?? null,
        messages: withPhone.map((r) => ({
          channel: 'sms' as const, to: r.phone!, lang: r.uiLang, body: CALL_IN[r.uiLang](org, url), kind: 'staff_alert' as const, priority: 'high' as const,
          dedupeKey: `call-in:${r.userId}:${slot}`,
        })),
      });
    }
    await audit(tx, { action: 'hotline.call_in', entityType: 'organization', entityId: orgId, details: { texted: withPhone.length, languages: input.languages } });
    return { texted: withPhone.length, withoutPhone: wanted.length - withPhone.length };
  });
}

async function orgName(tx: Ctx, orgId: string) {
  const [o] = await tx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  return o?.name ?? 'Haven';
}
