import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { consentEvents } from '../people/index.ts';
import { outboundMessages } from './messaging.table.ts';

/**
 * Consent, by address (docs/messaging-consent.md):
 * - an event has a scope: 'affiliate' binds only senders of its own org (the org that owns
 *   the number it came through), 'network' binds every org's senders (STOPALL);
 * - for a send from org X on a channel and topic, the events that apply are X's own
 *   'affiliate' events and every 'network' event, on topic 'all' or that topic;
 * - the latest applicable event wins. So STOPALL then START to X's number lets X text
 *   again and keeps everyone else stopped, which is what the carrier does per number.
 */
export type Channel = 'sms' | 'email' | 'voice';
export type ConsentStatus = 'opted_in' | 'opted_out';
export type ConsentEvidenceKind = (typeof consentEvents.$inferInsert)['evidenceKind'];

export interface ConsentChange {
  orgId: string;
  address: string;
  personId?: string | null;
  channel: Channel;
  scope: 'affiliate' | 'network';
  topic?: string;
  status: ConsentStatus;
  evidenceKind: ConsentEvidenceKind;
  /** What proves it: the keyword and message id, the form and the text shown, the import, the staff member. */
  evidence: Record<string, unknown>;
  recordedBy?: string | null;
}

/**
 * Append a consent event; an opt-out also cancels the address's queued messages in its
 * scope at once (same transaction), so nothing already waiting slips out after a STOP.
 * Returns how many queued messages were cancelled.
 */
export async function recordConsent(db: DbOrTx, c: ConsentChange): Promise<{ canceled: number }> {
  await db.insert(consentEvents).values({
    orgId: c.orgId,
    address: c.address,
    personId: c.personId ?? null,
    channel: c.channel,
    scope: c.scope,
    topic: c.topic ?? 'all',
    status: c.status,
    evidenceKind: c.evidenceKind,
    evidence: c.evidence,
    recordedBy: c.recordedBy ?? null,
    // the transaction's now() is shared by every row in it; the latest event must win even within one
    createdAt: new Date(),
  });
  if (c.status !== 'opted_out' || c.channel === 'voice') return { canceled: 0 };
  const topic = c.topic ?? 'all';
  const canceled = await db
    .update(outboundMessages)
    .set({ status: 'canceled', statusReason: 'opted_out', finalAt: new Date() })
    .where(
      and(
        eq(outboundMessages.toAddress, c.address),
        eq(outboundMessages.channel, c.channel),
        inArray(outboundMessages.status, ['queued']),
        // consent replies still go: they confirm this very opt-out
        sql`${outboundMessages.kind} <> 'consent_reply'`,
        c.scope === 'affiliate' ? eq(outboundMessages.orgId, c.orgId) : undefined,
        topic === 'all' ? undefined : eq(outboundMessages.topic, topic),
      ),
    )
    .returning({ id: outboundMessages.id });
  return { canceled: canceled.length };
}

export interface AddressConsent {
  /** The latest applicable event's status, null when there is none. */
  status: ConsentStatus | null;
  /** True when the latest applicable 'emergency' event is an opt-in. */
  emergency: boolean;
}

/**
 * The consent that applies to sending from `orgId` to each address. One query per batch:
 * the latest event per address and topic among the applicable scopes.
 */
export async function consentFor(
  db: DbOrTx,
  q: { orgId: string; channel: Channel; topic: string; addresses: string[] },
): Promise<Map<string, AddressConsent>> {
  const result = new Map<string, AddressConsent>(q.addresses.map((a) => [a, { status: null, emergency: false }]));
  if (!q.addresses.length) return result;
  const topics = [...new Set(['all', q.topic, 'emergency'])];
  const rows = await queryRows<{ address: string; topic: string; status: ConsentStatus }>(db, sql`
    select distinct on (address, topic = 'emergency') address, topic, status
    from consent_events
    where address = any(${sql.param(q.addresses)}::text[])
      and channel = ${q.channel}
      and topic = any(${sql.param(topics)}::text[])
      and (scope = 'network' or org_id = ${q.orgId})
    order by address, topic = 'emergency', created_at desc, seq desc
  `);
  for (const r of rows) {
    const entry = result.get(r.address)!;
    if (r.topic === 'emergency') entry.emergency = r.status === 'opted_in';
    else entry.status = r.status;
  }
  return result;
}
