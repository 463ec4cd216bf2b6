import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { enqueueMessages, type OutgoingMessage } from '../messaging/index.ts';
import { shortenLinks } from './alert-links.ts';
import { preferencesUrl } from './preferences-link.ts';

type Lang = 'ko' | 'en' | 'es';

/** Deliveries moved into the outbox per transaction. */
export const HAND_OVER_CHUNK = 2_000;
/**
 * Open outbox rows (queued or sending) an org may hold before the hand-over waits: the
 * outbox's pacing sets the speed, and a pause or cancel has at most this many to take back.
 */
export const OUTBOX_WINDOW = 20_000;

interface AlertRow {
  id: string;
  org_id: string;
  status: string;
  topic: string;
  emergency: boolean;
  approved_by: string | null;
  version: number;
}
interface VersionRow {
  lang: Lang;
  sms_body: string;
  email_subject: string;
  email_body: string;
}
interface PendingRow {
  seq: number;
  person_id: string;
  /** The person was erased since the fan-out: the delivery is canceled, not left pending forever. */
  gone: boolean;
  channel: 'sms' | 'email';
  lang: Lang;
  org_id: string;
  phone: string | null;
  email: string | null;
}

/** Where the last step stopped in the alert's deliveries (their seq): the next step reads on from there. */
export type HandOverCursor = number | null;
export type HandOverResult =
  | { outcome: 'stopped' }
  | { outcome: 'more'; cursor: HandOverCursor }
  | { outcome: 'wait'; handed: number; cursor: HandOverCursor }
  | { outcome: 'done' };

/**
 * One step of sending an alert: move up to HAND_OVER_CHUNK pending deliveries into the
 * messaging outbox (enqueueMessages: its checks, pacing and send jobs) and mark them queued
 * with their outbox ids, in one transaction — a crash leaves them pending, never twice.
 * Rows are claimed FOR UPDATE SKIP LOCKED, so two workers split the work. Steps walk the
 * deliveries in seq order (their primary key) from a cursor (no second index to keep up while
 * a million rows are written); rows left behind (an org whose outbox window was full, rows a pause gave
 * back) are found by the next pass from the start. A pass that finds nothing pending, from
 * the start, with nothing left open in the outbox marks the alert sent (`done`). An org whose
 * window is full makes the step answer `wait`. A paused or canceled alert answers `stopped`.
 * Runs as the system (table owner): a network-wide alert spans affiliates.
 */
export async function handOverStep(deps: Deps, alertId: string, cursor: HandOverCursor = null, opts: { window?: number } = {}): Promise<HandOverResult> {
  const window = opts.window ?? OUTBOX_WINDOW;
  return deps.database.db.transaction(async (tx) => {
    const [alert] = await queryRows<AlertRow>(tx, sql`
      select id, org_id, status, topic, emergency, approved_by, version from alerts where id = ${alertId} for share`);
    if (!alert || alert.status !== 'sending') return { outcome: 'stopped' };
    const pending = await queryRows<PendingRow>(tx, sql`
      select d.seq, d.person_id, d.channel, d.lang, d.org_id, p.id is null as gone, p.phone_e164 as phone, lower(p.email) as email
      from alert_deliveries d left join people p on p.id = d.person_id
      where d.alert_id = ${alertId} and d.state = 'pending'
        ${cursor !== null ? sql`and d.seq > ${cursor}` : sql``}
      order by d.seq
      limit ${HAND_OVER_CHUNK}
      for update of d skip locked`);
    if (!pending.length) {
      if (cursor !== null) return { outcome: 'more', cursor: null }; // the end of a pass: look again from the start
      return (await finishIfDone(tx, alert)) ? { outcome: 'done' } : { outcome: 'wait', handed: 0, cursor: null };
    }
    const last = pending[pending.length - 1];
    const next: HandOverCursor = Number(last.seq);

    const texts = await alertTexts(deps, tx, alert);
    const stamp = Date.now().toString(36);
    let handed = 0;
    let full = false;
    const gone = pending.filter((r) => r.gone);
    if (gone.length) await markQueued(tx, alertId, [], gone.map((r) => keyOf(alertId, r, stamp)));
    for (const [orgId, rows] of groupBy(pending.filter((r) => !r.gone), (r) => r.org_id)) {
      // An emergency alert does not wait for the window: a big alert's texts held overnight for quiet hours fill it.
      const [{ open }] = alert.emergency
        ? [{ open: 0 }]
        : await queryRows<{ open: number }>(tx, sql`select count(*)::int as open from outbound_messages where org_id = ${orgId} and status in ('queued', 'sending')`);
      if (Number(open) >= window) {
        full = true;
        continue;
      }
      const messages = rows.map((r) => toMessage(deps, alert, texts.get(r.lang)!, r, stamp));
      const { inserted, dropped } = await enqueueOrgChunk(deps, tx, orgId, alert, messages);
      handed += inserted.length;
      await markQueued(tx, alertId, inserted, dropped);
    }
    return full ? { outcome: 'wait', handed, cursor: next } : { outcome: 'more', cursor: next };
  });
}

const keyOf = (alertId: string, r: Pick<PendingRow, 'seq'>, stamp: string) => `alert:${alertId}:${r.seq}:${stamp}`;

/** The line under every alert email: the subscriber's own preferences page (language, topics, ZIP, unsubscribe). */
const PREFERENCES_LINE: Record<Lang, string> = {
  ko: '알림 언어·주제 변경 또는 수신 거부:',
  en: 'Change your alert language or topics, or unsubscribe:',
  es: 'Cambie el idioma o los temas de sus alertas, o cancele la suscripción:',
};

function toMessage(deps: Deps, alert: AlertRow, text: VersionRow, r: PendingRow, stamp: string): OutgoingMessage {
  const common = {
    personId: r.person_id,
    lang: r.lang,
    kind: 'broadcast' as const,
    topic: alert.topic,
    priority: 'bulk' as const,
    emergency: alert.emergency,
    dedupeKey: keyOf(alert.id, r, stamp),
  };
  return r.channel === 'sms'
    ? { ...common, channel: 'sms', to: r.phone ?? '', body: text.sms_body }
    : {
        ...common,
        channel: 'email',
        to: r.email ?? '',
        subject: text.email_subject,
        body: `${text.email_body}\n\n—\n${PREFERENCES_LINE[r.lang]}\n${preferencesUrl(deps, { orgId: r.org_id, personId: r.person_id, channel: 'email', address: r.email ?? '' })}`,
      };
}

/**
 * Enqueue one org's part of a chunk. enqueueMessages refuses a whole call for one bad message
 * (an address that went bad, an org without a sending number); then each is tried alone and
 * the ones refused are dropped (their deliveries canceled) rather than holding up the rest.
 * Every attempt runs in a savepoint: a refusal that comes from the database (a constraint)
 * aborts only the attempt, not the step's transaction.
 */
async function enqueueOrgChunk(deps: Deps, tx: Tx, orgId: string, alert: AlertRow, messages: OutgoingMessage[]) {
  const attempt = (batch: OutgoingMessage[]) => tx.transaction((sp) => enqueueMessages(deps, sp, { orgId, createdBy: alert.approved_by, messages: batch }));
  try {
    return { inserted: (await attempt(messages)).inserted, dropped: [] as string[] };
  } catch (err) {
    deps.log.warn({ err, alertId: alert.id, orgId }, 'alert chunk refused by the outbox; trying its messages one by one');
    const inserted: { id: string; dedupeKey: string | null }[] = [];
    const dropped: string[] = [];
    for (const m of messages) {
      try {
        inserted.push(...(await attempt([m])).inserted);
      } catch {
        dropped.push(m.dedupeKey!);
      }
    }
    return { inserted, dropped };
  }
}
type Tx = Parameters<Parameters<Deps['database']['db']['transaction']>[0]>[0];

/** Record which outbox row carries each delivery (from the dedupe key), and cancel the ones the outbox refused. */
async function markQueued(tx: DbOrTx, alertId: string, inserted: { id: string; dedupeKey: string | null }[], dropped: string[]) {
  const seqOf = (key: string) => Number(key.split(':')[2]);
  const rows = inserted.filter((r) => r.dedupeKey).map((r) => ({ id: r.id, seq: seqOf(r.dedupeKey!) }));
  if (rows.length) {
    await tx.execute(sql`
      update alert_deliveries d set state = 'queued', outbound_id = u.id
      from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.seq))}::int[]) as u(id, seq)
      where d.alert_id = ${alertId} and d.seq = u.seq`);
  }
  if (dropped.length) {
    await tx.execute(sql`
      update alert_deliveries set state = 'canceled'
      where alert_id = ${alertId} and seq = any(${sql.param(dropped.map(seqOf))}::int[])`);
  }
}

/** The texts per language, links shortened (codes made once per alert, language and URL). */
async function alertTexts(deps: Deps, tx: DbOrTx, alert: AlertRow): Promise<Map<Lang, VersionRow>> {
  const versions = await queryRows<VersionRow>(tx, sql`select lang, sms_body, email_subject, email_body from alert_versions where alert_id = ${alert.id}`);
  const out = new Map<Lang, VersionRow>();
  for (const v of versions) {
    const short = (text: string) => shortenLinks(tx, { alertId: alert.id, orgId: alert.org_id, lang: v.lang, text, publicUrl: deps.config.publicUrl });
    out.set(v.lang, { ...v, sms_body: await short(v.sms_body), email_body: await short(v.email_body) });
  }
  return out;
}

/** Nothing pending and nothing of this alert still open in the outbox: the alert is sent. */
async function finishIfDone(tx: DbOrTx, alert: AlertRow): Promise<boolean> {
  // From the outbox's side: its open rows are few (a partial index), the alert's deliveries many.
  const [open] = await queryRows<{ one: number }>(tx, sql`
    select 1 as one from outbound_messages o
    where o.status in ('queued', 'sending') and exists (select 1 from alert_deliveries d where d.outbound_id = o.id and d.alert_id = ${alert.id})
    limit 1`);
  if (open) return false;
  // Rows another step has locked (and not yet handed over) were skipped by this step's SKIP LOCKED: still pending here.
  const [pending] = await queryRows<{ one: number }>(tx, sql`select 1 as one from alert_deliveries where alert_id = ${alert.id} and state = 'pending' limit 1`);
  if (pending) return false;
  const done = await queryRows<{ id: string }>(tx, sql`
    update alerts set status = 'sent', finished_at = now(), updated_at = now(), version = version + 1
    where id = ${alert.id} and status = 'sending' returning id`);
  if (done.length) {
    await appendAudit(tx, {
      orgId: alert.org_id, actorUserId: null, actorLabel: 'system', action: 'alert.sent', entityType: 'alert', entityId: alert.id,
      details: {}, ip: null, requestId: null,
    });
  }
  return true;
}

/**
 * Take back what waits in the outbox for an alert being paused or canceled: its queued
 * outbox rows are canceled (a row the sender already claimed goes out), and their deliveries
 * return to pending (pause: resume hands them over again) or are canceled with the rest.
 */
export async function takeBack(tx: DbOrTx, alertId: string, to: 'pending' | 'canceled'): Promise<number> {
  const taken = await queryRows<{ id: string }>(tx, sql`
    update outbound_messages o set status = 'canceled', status_reason = ${to === 'pending' ? 'alert_paused' : 'alert_canceled'}, final_at = now()
    from alert_deliveries d
    where d.alert_id = ${alertId} and d.state = 'queued' and o.id = d.outbound_id and o.status = 'queued'
    returning o.id`);
  if (taken.length) {
    await tx.execute(sql`
      update alert_deliveries set state = ${to}, outbound_id = ${to === 'pending' ? sql`null` : sql`outbound_id`}
      where alert_id = ${alertId} and outbound_id = any(${sql.param(taken.map((r) => r.id))}::uuid[])`);
  }
  if (to === 'canceled') await tx.execute(sql`update alert_deliveries set state = 'canceled' where alert_id = ${alertId} and state = 'pending'`);
  return taken.length;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
