import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { FAN_OUT_QUEUE, HAND_OVER_QUEUE, type AlertJob } from './alert-queues.ts';
import { writeDeliveries, type FanOutAlert } from './fan-out.ts';
import { type HandOverCursor, handOverStep } from './hand-over.ts';
import { purgeUnconfirmedSignups } from './signup-retention.ts';

type Lang = 'ko' | 'en' | 'es';

/** A hand-over job works this long, then queues its successor: other queues' jobs get their turn on a busy worker. */
const STEP_BUDGET_MS = 20_000;
/** How soon a waiting hand-over (outbox window full, or the last messages still sending) looks again. */
const WAIT_MS = 2_000;

/**
 * Fan-out: a due alert (sending, or scheduled and due) gets its deliveries written, its
 * recipient count, and a hand-over job, in one transaction. A scheduled alert's job that
 * runs before its time (the time was moved) or after a cancel or pause does nothing.
 */
export async function fanOut(deps: Deps, alertId: string, now?: Date): Promise<'started' | 'skipped'> {
  return deps.database.db.transaction(async (tx) => {
    // "Due" by the database's clock (pg-boss released the job by it), unless a test names the time.
    const [alert] = await queryRows<FanOutAlert & { status: string; scheduled_at: Date | string | null; recipients: number | null; org_id: string; parent_id: string | null; source_lang: Lang; due_now: boolean }>(tx, sql`
      select id, org_id, kind, parent_id, topic, source_lang, audience, status, scheduled_at, recipients,
             scheduled_at <= ${now ? sql`${now.toISOString()}::timestamptz` : sql`now()`} + interval '1 second' as due_now
      from alerts where id = ${alertId} for update`);
    if (!alert) return 'skipped';
    const due = alert.status === 'sending' || (alert.status === 'scheduled' && alert.scheduled_at !== null && alert.due_now === true);
    // Written already (a second job for the same alert: a moved schedule, a retry after commit).
    if (!due || alert.recipients !== null) return 'skipped';
    const langs = (await queryRows<{ lang: Lang }>(tx, sql`select lang from alert_versions where alert_id = ${alertId}`)).map((r) => r.lang);
    const recipients = await writeDeliveries(tx, { id: alert.id, orgId: alert.org_id, kind: alert.kind, parentId: alert.parent_id, topic: alert.topic, sourceLang: alert.source_lang, audience: alert.audience }, langs);
    await tx.execute(sql`
      update alerts set status = 'sending', recipients = ${recipients}, started_at = coalesce(started_at, now()), updated_at = now(),
        version = version + case when status = 'sending' then 0 else 1 end
      where id = ${alertId}`);
    await appendAudit(tx, {
      orgId: alert.org_id, actorUserId: null, actorLabel: 'system', action: 'alert.fan_out', entityType: 'alert', entityId: alertId,
      details: { recipients }, ip: null, requestId: null,
    });
    await deps.jobs.enqueue(tx, HAND_OVER_QUEUE, [{ data: { alertId } satisfies AlertJob }]);
    return 'started';
  });
}

/** Hand an alert over step by step until it must wait or is done; a waiting one queues its successor, with its cursor. */
export async function handOver(deps: Deps, alertId: string, from: HandOverCursor = null): Promise<void> {
  const started = Date.now();
  let cursor = from;
  while (Date.now() - started < STEP_BUDGET_MS) {
    const r = await handOverStep(deps, alertId, cursor);
    if (r.outcome === 'stopped' || r.outcome === 'done') return;
    cursor = r.cursor;
    if (r.outcome === 'wait') {
      await deps.jobs.enqueue(deps.database.db, HAND_OVER_QUEUE, [{ data: { alertId, cursor } satisfies AlertJob, startAfter: new Date(Date.now() + WAIT_MS) }]);
      return;
    }
  }
  await deps.jobs.enqueue(deps.database.db, HAND_OVER_QUEUE, [{ data: { alertId, cursor } satisfies AlertJob }]);
}

/**
 * Scheduled alerts whose time has come but which have not started: each normally has its
 * fan-out job waiting in pg-boss; this sweep is the net under it (a job lost or run early).
 */
export async function startDueAlerts(deps: Deps): Promise<number> {
  const due = await queryRows<{ id: string }>(deps.database.db, sql`
    select id from alerts where status = 'scheduled' and scheduled_at <= now() and recipients is null order by scheduled_at limit 20`);
  let started = 0;
  for (const { id } of due) if ((await fanOut(deps, id)) === 'started') started++;
  return started;
}

/** The alert jobs, the minute sweep for due scheduled alerts and the hourly purge of unconfirmed sign-ups. Returns a stop function. */
export async function startAlertWorkers(deps: Deps): Promise<() => void> {
  await deps.jobs.work<AlertJob>(FAN_OUT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([j]) => {
    await fanOut(deps, j.data.alertId);
  });
  await deps.jobs.work<AlertJob>(HAND_OVER_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([j]) => {
    await handOver(deps, j.data.alertId, j.data.cursor ?? null);
  });
  const sweep = setInterval(() => {
    startDueAlerts(deps).catch((err) => deps.log.error({ err }, 'starting due scheduled alerts failed'));
  }, 60_000);
  sweep.unref();
  // Sign-ups nobody confirmed, and the people only they created (signup-retention.ts).
  const purge = async () => {
    try {
      const r = await purgeUnconfirmedSignups(deps);
      if (r.signups) deps.log.info(r, 'unconfirmed alert sign-ups purged');
    } catch (err) {
      deps.log.error({ err }, 'purging unconfirmed sign-ups failed');
    }
  };
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  void purge();
  return () => {
    clearInterval(sweep);
    clearInterval(purgeTimer);
  };
}
