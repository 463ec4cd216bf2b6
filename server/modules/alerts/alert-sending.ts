import { and, eq, sql } from 'drizzle-orm';
import { type AlertMove, alertStatusAfter, canMoveAlert } from '../../../contracts/alert-workflow.ts';
import type { AlertStatus } from '../../../contracts/alerts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { queryRows } from '../../db/rows.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { FAN_OUT_QUEUE, HAND_OVER_QUEUE, type AlertJob } from './alert-queues.ts';
import { alerts } from './alerts.table.ts';
import { takeBack } from './hand-over.ts';

type AlertRow = typeof alerts.$inferSelect;

/**
 * Load the actor's alert for a change, locked, and check the move and the version the user
 * saw. Another org's alert is a 404 (row-level security hides it too). A double-clicked send
 * finds the alert already moved: a 409 naming the state, and nothing happens twice.
 */
async function lockForMove(ctx: Ctx, id: string, move: AlertMove, expectedVersion: number): Promise<AlertRow> {
  const orgId = requireOrg(ctx);
  const [row] = await ctx.db.select().from(alerts).where(and(eq(alerts.id, id), eq(alerts.orgId, orgId))).for('update');
  if (!row) throw notFound('alert');
  if (!canMoveAlert(row.status, move)) {
    if (move === 'send' && (row.status === 'sending' || row.status === 'sent' || row.status === 'scheduled')) throw conflict('already_sending', { status: row.status });
    throw conflict('alert_wrong_status', { status: row.status, move });
  }
  if (row.version !== expectedVersion) throw conflict('stale_version', { version: row.version }, 'expectedVersion');
  return row;
}

async function moveTo(ctx: Ctx, row: AlertRow, status: AlertStatus, extra: Partial<typeof alerts.$inferInsert> = {}) {
  const [updated] = await ctx.db
    .update(alerts)
    .set({ status, updatedAt: new Date(), version: row.version + 1, ...extra })
    .where(eq(alerts.id, row.id))
    .returning();
  return updated;
}

const job = (alertId: string, startAfter?: Date) => [{ data: { alertId } satisfies AlertJob, ...(startAfter ? { startAfter } : {}) }];

/**
 * Send an approved alert: now, or at its scheduledAt when that is still ahead (→ scheduled).
 * The status change and the fan-out job commit together.
 */
export async function sendAlert({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number } }) {
  return inTx(ctx, async (tx) => {
    const row = await lockForMove(tx, input.id, 'send', input.expectedVersion);
    if (row.scheduledAt && row.scheduledAt.getTime() > Date.now() + 5_000) {
      const updated = await moveTo(tx, row, 'scheduled');
      await tx.deps.jobs.enqueue(tx.db, FAN_OUT_QUEUE, job(row.id, row.scheduledAt));
      await audit(tx, { action: 'alert.schedule', entityType: 'alert', entityId: row.id, details: { at: row.scheduledAt.toISOString() } });
      return updated;
    }
    const updated = await moveTo(tx, row, alertStatusAfter('send'), { startedAt: new Date() });
    await tx.deps.jobs.enqueue(tx.db, FAN_OUT_QUEUE, job(row.id));
    await audit(tx, { action: 'alert.send', entityType: 'alert', entityId: row.id, details: {} });
    return updated;
  });
}

/** Set or clear the time an approved (or already scheduled) alert goes out. */
export async function scheduleAlert({ ctx, input }: { ctx: Ctx; input: { id: string; at: string | null; expectedVersion: number } }) {
  return inTx(ctx, async (tx) => {
    const orgId = requireOrg(tx);
    const [current] = await tx.db.select({ status: alerts.status }).from(alerts).where(and(eq(alerts.id, input.id), eq(alerts.orgId, orgId)));
    if (!current) throw notFound('alert');
    const at = input.at ? new Date(input.at) : null;
    if (at && at.getTime() < Date.now() - 60_000) throw invalid('schedule_in_past', 'at');
    if (!at) {
      // Clearing the time of a scheduled alert takes it back to approved; of an approved one, just clears it.
      if (current.status !== 'scheduled' && current.status !== 'approved') throw conflict('alert_wrong_status', { status: current.status, move: 'schedule' });
      const [row] = await tx.db.select().from(alerts).where(eq(alerts.id, input.id)).for('update');
      if (row.version !== input.expectedVersion) throw conflict('stale_version', { version: row.version }, 'expectedVersion');
      const updated = await moveTo(tx, row, 'approved', { scheduledAt: null });
      await audit(tx, { action: 'alert.unschedule', entityType: 'alert', entityId: row.id, details: {} });
      return updated;
    }
    const row = await lockForMove(tx, input.id, 'schedule', input.expectedVersion);
    const updated = await moveTo(tx, row, 'scheduled', { scheduledAt: at });
    // The fan-out job checks the alert's status and time when it runs: an earlier job for another time does nothing.
    await tx.deps.jobs.enqueue(tx.db, FAN_OUT_QUEUE, job(row.id, at));
    await audit(tx, { action: 'alert.schedule', entityType: 'alert', entityId: row.id, details: { at: at.toISOString() } });
    return updated;
  });
}

/** Stop handing the alert to the outbox and take back what waits there; resume hands it over again. */
export async function pauseAlert({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number } }) {
  return inTx(ctx, async (tx) => {
    const row = await lockForMove(tx, input.id, 'pause', input.expectedVersion);
    const updated = await moveTo(tx, row, 'paused', { pausedAt: new Date() });
    const takenBack = await takeBack(tx.db, row.id, 'pending');
    await audit(tx, { action: 'alert.pause', entityType: 'alert', entityId: row.id, details: { takenBack } });
    return updated;
  });
}

export async function resumeAlert({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number } }) {
  return inTx(ctx, async (tx) => {
    const row = await lockForMove(tx, input.id, 'resume', input.expectedVersion);
    // A scheduled alert paused before its time goes back to waiting for it, not out at once.
    if (row.recipients === null && row.scheduledAt && row.scheduledAt.getTime() > Date.now()) {
      const updated = await moveTo(tx, row, 'scheduled', { pausedAt: null });
      await tx.deps.jobs.enqueue(tx.db, FAN_OUT_QUEUE, job(row.id, row.scheduledAt));
      await audit(tx, { action: 'alert.resume', entityType: 'alert', entityId: row.id, details: { scheduledAt: row.scheduledAt.toISOString() } });
      return updated;
    }
    // Paused before its fan-out ran: the fan-out job writes the deliveries first.
    const queue = row.recipients === null ? FAN_OUT_QUEUE : HAND_OVER_QUEUE;
    const updated = await moveTo(tx, row, 'sending', { pausedAt: null, startedAt: row.startedAt ?? new Date() });
    await tx.deps.jobs.enqueue(tx.db, queue, job(row.id));
    await audit(tx, { action: 'alert.resume', entityType: 'alert', entityId: row.id, details: {} });
    return updated;
  });
}

/** Cancel before it is sent: nothing more is handed over, and what waits in the outbox is taken back. What left stays sent. */
export async function cancelAlert({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number } }) {
  return inTx(ctx, async (tx) => {
    const row = await lockForMove(tx, input.id, 'cancel', input.expectedVersion);
    const updated = await moveTo(tx, row, 'canceled', { canceledAt: new Date() });
    const takenBack = await takeBack(tx.db, row.id, 'canceled');
    await audit(tx, { action: 'alert.cancel', entityType: 'alert', entityId: row.id, details: { takenBack } });
    return updated;
  });
}

/**
 * A correction or retraction: a new draft that goes to exactly the people the parent reached
 * (the fan-out reads the parent's sent and delivered deliveries). It is composed, translated
 * and approved like any alert. Only for a parent that has sent something.
 */
export async function createFollowUp({ ctx, input }: { ctx: Ctx; input: { id: string; kind: 'correction' | 'retraction'; title?: string; version?: { smsBody?: string; emailSubject?: string; emailBody?: string } } }) {
  return inTx(ctx, async (tx) => {
    const orgId = requireOrg(tx);
    // Locked: a double-clicked "send a correction" finds the draft the first click made, and opens it again.
    const [parent] = await tx.db.select().from(alerts).where(and(eq(alerts.id, input.id), eq(alerts.orgId, orgId))).for('update');
    if (!parent) throw notFound('alert');
    const me = tx.actor?.userId ?? null;
    if (me) {
      const [draft] = await tx.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.parentId, parent.id), eq(alerts.kind, input.kind), eq(alerts.status, 'draft'), eq(alerts.createdBy, me)));
      if (draft) return draft;
    }
    if (!['sending', 'paused', 'sent', 'canceled'].includes(parent.status)) throw conflict('follow_up_nothing_sent', { status: parent.status });
    const [reached] = await queryRows<{ n: number }>(tx.db, sql`
      select count(*)::int as n from alert_deliveries d join outbound_messages o on o.id = d.outbound_id
      where d.alert_id = ${parent.id} and o.status in ('sent', 'delivered')`);
    if (!reached || Number(reached.n) === 0) throw conflict('follow_up_nothing_sent', { status: parent.status });
    const prefix = { correction: { ko: '정정', en: 'Correction', es: 'Corrección' }, retraction: { ko: '철회', en: 'Retraction', es: 'Retractación' } }[input.kind];
    const [created] = await tx.db
      .insert(alerts)
      .values({
        orgId,
        kind: input.kind,
        parentId: parent.id,
        title: input.title ?? `${prefix[parent.sourceLang]}: ${parent.title}`.slice(0, 200),
        topic: parent.topic,
        sourceLang: parent.sourceLang,
        emergency: parent.emergency,
        audience: parent.audience,
        createdBy: tx.actor?.userId ?? null,
        editors: tx.actor?.userId ? [tx.actor.userId] : [],
      })
      .returning();
    if (input.version) {
      await tx.db.execute(sql`
        insert into alert_versions (alert_id, org_id, lang, sms_body, email_subject, email_body, updated_by)
        values (${created.id}, ${orgId}, ${parent.sourceLang}, ${input.version.smsBody ?? ''}, ${input.version.emailSubject ?? ''}, ${input.version.emailBody ?? ''}, ${tx.actor?.userId ?? null})`);
    }
    await audit(tx, { action: 'alert.follow_up', entityType: 'alert', entityId: created.id, details: { parentId: parent.id, kind: input.kind, reached: Number(reached.n) } });
    return created;
  });
}
