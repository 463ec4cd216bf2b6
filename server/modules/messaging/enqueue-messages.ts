import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { E164, SMS_BODY_MAX_CHARS, charCount } from '../../integrations/sms/sms.port.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { messagingSenders, outboundMessages } from './messaging.table.ts';
import { PRIORITY_SEND_QUEUE, SEND_QUEUE, type SendJob } from './queues.ts';
import { segmentInfo } from './segments.ts';

export const OutgoingMessage = z.object({
  channel: z.enum(['sms', 'email']),
  to: z.string(),
  personId: z.uuid().nullish(),
  lang: z.enum(['ko', 'en', 'es']),
  body: z.string().trim().min(1),
  subject: z.string().trim().min(1).max(200).optional(),
  html: z.string().optional(),
  kind: z.enum(['reply', 'consent_reply', 'notification', 'broadcast', 'staff_alert']),
  topic: z.string().min(1).max(40).default('all'),
  priority: z.enum(['high', 'bulk']).default('bulk'),
  emergency: z.boolean().default(false),
  /** The caller's natural key: enqueueing the same key twice in an org queues one message. */
  dedupeKey: z.string().min(1).max(200).optional(),
  senderId: z.uuid().optional(),
  notBefore: z.date().optional(),
  /** The hotline conversation this message answers. */
  conversationId: z.uuid().optional(),
});
export type OutgoingMessage = z.input<typeof OutgoingMessage>;

/** A job carries at most this many messages: big enough to amortise the queue, small enough to resume quickly. */
export const BATCH_SIZE = 100;
const INSERT_CHUNK = 5000;

/**
 * Put messages in the outbox and their send jobs in the queue, in the caller's transaction
 * (`db`), so neither exists without the other. Checks every message first: one bad address
 * or oversize body refuses the whole call with the index in the field, and nothing is written.
 * Returns the ids of new messages (a repeated dedupe key yields none).
 */
export async function enqueueMessages(
  deps: Deps,
  db: DbOrTx,
  input: { orgId: string; createdBy?: string | null; messages: OutgoingMessage[] },
): Promise<{ ids: string[]; duplicates: number; inserted: { id: string; dedupeKey: string | null }[] }> {
  const parsed = input.messages.map((m, i) => checkMessage(OutgoingMessage.parse(m), i));
  if (!parsed.length) return { ids: [], duplicates: 0, inserted: [] };
  const senders = await resolveSenders(db, input.orgId, parsed);

  // A broadcast repeats a few bodies many times: count each body's segments once.
  const segmentsOf = new Map<string, number>();
  const segments = (body: string) => {
    let n = segmentsOf.get(body);
    if (n === undefined) segmentsOf.set(body, (n = segmentInfo(body).segments));
    return n;
  };
  const rows = parsed.map((m) => ({
    orgId: input.orgId,
    channel: m.channel,
    toAddress: m.to,
    personId: m.personId ?? null,
    senderId: m.channel === 'sms' ? senders.get(m.senderId ?? 'default')! : null,
    lang: m.lang,
    subject: m.subject ?? null,
    body: m.body,
    html: m.html ?? null,
    segments: m.channel === 'sms' ? segments(m.body) : 1,
    kind: m.kind,
    topic: m.topic,
    priority: m.priority,
    emergency: m.emergency,
    notBefore: m.notBefore ?? null,
    dedupeKey: m.dedupeKey ?? null,
    createdBy: input.createdBy ?? null,
    conversationId: m.conversationId ?? null,
  }));

  const inserted: InsertedRow[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) inserted.push(...(await insertRows(db, rows.slice(i, i + INSERT_CHUNK))));
  await enqueueSendJobs(deps, db, input.orgId, inserted);
  return { ids: inserted.map((r) => r.id), duplicates: rows.length - inserted.length, inserted: inserted.map((r) => ({ id: r.id, dedupeKey: r.dedupeKey })) };
}

/** Jobs for outbox rows, by lane and start time, BATCH_SIZE ids each. Also used to requeue held or retried messages. */
export async function enqueueSendJobs(deps: Deps, db: DbOrTx, orgId: string, rows: { id: string; priority: 'high' | 'bulk'; notBefore: Date | null }[]) {
  const groups = new Map<string, { queue: string; startAfter: Date | null; ids: string[] }>();
  for (const r of rows) {
    const queue = r.priority === 'high' ? PRIORITY_SEND_QUEUE : SEND_QUEUE;
    const key = `${queue}|${r.notBefore?.getTime() ?? 0}`;
    const g = groups.get(key) ?? { queue, startAfter: r.notBefore, ids: [] };
    g.ids.push(r.id);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const jobs = [];
    for (let i = 0; i < g.ids.length; i += BATCH_SIZE) {
      jobs.push({ data: { orgId, ids: g.ids.slice(i, i + BATCH_SIZE) } satisfies SendJob, ...(g.startAfter ? { startAfter: g.startAfter } : {}) });
    }
    await deps.jobs.enqueue(db, g.queue, jobs);
  }
}

type InsertedRow = { id: string; priority: 'high' | 'bulk'; notBefore: Date | null; dedupeKey: string | null };
type OutboxRow = Omit<typeof outboundMessages.$inferInsert, 'id'> & { orgId: string; toAddress: string; lang: 'ko' | 'en' | 'es'; body: string; kind: string };

/**
 * One INSERT … SELECT FROM unnest(column arrays): one parameter per column instead of one
 * per value, which keeps a 10,000-message enqueue from spending its time building and
 * sending a statement with 180,000 parameters.
 */
async function insertRows(db: DbOrTx, rows: OutboxRow[]): Promise<InsertedRow[]> {
  const col = <T>(pick: (r: OutboxRow) => T) => sql.param(rows.map(pick));
  const result = await queryRows<{ id: string; priority: 'high' | 'bulk'; not_before: Date | string | null; dedupe_key: string | null }>(db, sql`
    insert into outbound_messages (org_id, channel, to_address, person_id, sender_id, lang, subject, body, html, segments, kind, topic, priority, emergency, not_before, dedupe_key, created_by, conversation_id)
    select * from unnest(
      ${col((r) => r.orgId)}::uuid[], ${col((r) => r.channel)}::text[], ${col((r) => r.toAddress)}::text[], ${col((r) => r.personId ?? null)}::uuid[],
      ${col((r) => r.senderId ?? null)}::uuid[], ${col((r) => r.lang)}::text[], ${col((r) => r.subject ?? null)}::text[], ${col((r) => r.body)}::text[],
      ${col((r) => r.html ?? null)}::text[], ${col((r) => r.segments ?? 1)}::int[], ${col((r) => r.kind)}::text[], ${col((r) => r.topic ?? 'all')}::text[],
      ${col((r) => r.priority ?? 'bulk')}::text[], ${col((r) => r.emergency ?? false)}::boolean[], ${col((r) => (r.notBefore ? r.notBefore.toISOString() : null))}::timestamptz[],
      ${col((r) => r.dedupeKey ?? null)}::text[], ${col((r) => r.createdBy ?? null)}::uuid[], ${col((r) => r.conversationId ?? null)}::uuid[]
    )
    on conflict (org_id, dedupe_key) do nothing
    returning id, priority, not_before, dedupe_key`);
  return result.map((r) => ({ id: r.id, priority: r.priority, notBefore: r.not_before === null ? null : new Date(r.not_before), dedupeKey: r.dedupe_key }));
}

const Email = z.email();

function checkMessage(m: z.infer<typeof OutgoingMessage>, i: number) {
  if (m.channel === 'sms') {
    if (!E164.safeParse(m.to).success) throw new AppError('invalid_phone', 400, {}, `messages.${i}.to`);
    if (charCount(m.body) > SMS_BODY_MAX_CHARS) throw new AppError('message_too_long', 400, { max: SMS_BODY_MAX_CHARS }, `messages.${i}.body`);
    return m;
  }
  const to = m.to.trim().toLowerCase();
  if (!Email.safeParse(to).success) throw new AppError('invalid_email', 400, {}, `messages.${i}.to`);
  if (!m.subject) throw new AppError('bad_request', 400, {}, `messages.${i}.subject`);
  return { ...m, to };
}

/** Sender ids for the SMS messages: the one each names (it must be the org's), or the org's default. */
async function resolveSenders(db: DbOrTx, orgId: string, messages: z.infer<typeof OutgoingMessage>[]) {
  const map = new Map<string, string>();
  const sms = messages.filter((m) => m.channel === 'sms');
  if (!sms.length) return map;
  const named = [...new Set(sms.map((m) => m.senderId).filter((s): s is string => Boolean(s)))];
  if (named.length) {
    const rows = await db
      .select({ id: messagingSenders.id })
      .from(messagingSenders)
      .where(and(eq(messagingSenders.orgId, orgId), inArray(messagingSenders.id, named)));
    for (const r of rows) map.set(r.id, r.id);
    if (rows.length !== named.length) throw new AppError('sender_not_found', 404, {}, 'senderId');
  }
  if (sms.some((m) => !m.senderId)) {
    const [def] = await db
      .select({ id: messagingSenders.id })
      .from(messagingSenders)
      .where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.isDefault, true)))
      .limit(1);
    const fallback = def ?? (await db.select({ id: messagingSenders.id }).from(messagingSenders).where(eq(messagingSenders.orgId, orgId)).limit(1))[0];
    if (!fallback) throw new AppError('no_sender', 409);
    map.set('default', fallback.id);
  }
  return map;
}
