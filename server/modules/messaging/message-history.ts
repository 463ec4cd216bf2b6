import { and, eq, sql } from 'drizzle-orm';
import type { HistoryItem, HistoryPage, HistoryQuery } from '../../../contracts/messaging.ts';
import { queryRows } from '../../db/rows.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { notFound } from '../../platform/errors.ts';
import { people } from '../people/index.ts';
import { openBody } from './message-body.ts';

interface Row {
  id: string;
  direction: 'in' | 'out';
  channel: 'sms' | 'email' | 'voice';
  body: string | null;
  status: string;
  status_reason: string | null;
  error_code: number | null;
  at: string | Date;
  segments: number | null;
}

/**
 * Texts out and in, calls and emails of one person, newest first. A message counts as the
 * person's when it names them or goes to/comes from their current phone or email: texts
 * from before the record existed (or from an unknown number later matched) are theirs too.
 * Each branch is limited before the merge, so a page reads at most three pages of rows.
 * `at` is when it was queued, received or started: the order a responder reads a thread in.
 * Paging is by `at` alone: two items at the same microsecond across a page boundary could
 * skip one; acceptable for a reading view, not for an export.
 */
const historySql = (orgId: string, personId: string, phone: string | null, email: string | null, beforeIso: string, limit: number) => {
  const before = sql`${beforeIso}::timestamptz`;
  const addresses = [phone, email].filter((a): a is string => !!a);
  const toAddress = addresses.length ? sql`or o.to_address in (${sql.join(addresses.map((a) => sql`${a}`), sql`, `)})` : sql``;
  const fromPhone = phone ? sql`or i.from_address = ${phone}` : sql``;
  const callPhone = phone ? sql`or v.from_address = ${phone} or v.to_address = ${phone}` : sql``;
  return sql`
    select * from (
      (select o.id, 'out' as direction, o.channel, case when o.channel = 'email' then o.subject else o.body end as body,
              o.status, o.status_reason, o.error_code, o.created_at as at,
              case when o.channel = 'sms' then o.segments end as segments
       from outbound_messages o
       where o.org_id = ${orgId} and (o.person_id = ${personId} ${toAddress}) and o.created_at < ${before}
       order by o.created_at desc limit ${limit})
      union all
      (select i.id, 'in', i.channel, i.body, 'received', null, null, i.received_at, i.segments
       from inbound_messages i
       where i.org_id = ${orgId} and (i.person_id = ${personId} ${fromPhone}) and i.received_at < ${before}
       order by i.received_at desc limit ${limit})
      union all
      (select v.id, case when v.direction = 'inbound' then 'in' else 'out' end, 'voice', null, v.status, null, null, v.created_at, null
       from voice_calls v
       where v.org_id = ${orgId} and (v.person_id = ${personId} ${callPhone}) and v.created_at < ${before}
       order by v.created_at desc limit ${limit})
    ) h
    order by at desc, id desc
    limit ${limit}`;
};

const toItem = (r: Row): HistoryItem => ({
  id: r.id,
  direction: r.direction,
  channel: r.channel,
  body: r.body,
  status: r.status,
  statusReason: r.status_reason,
  errorCode: r.error_code == null ? null : Number(r.error_code),
  at: new Date(r.at).toISOString(),
  segments: r.segments == null ? null : Number(r.segments),
});

/** Reading someone's messages is reading their life: every page read is audited (ids and counts only). */
export async function getMessageHistory({ ctx, input }: { ctx: Ctx; input: HistoryQuery & { id: string } }): Promise<HistoryPage> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [person] = await tx.db
      .select({ id: people.id, phone: people.phoneE164, email: people.email })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, input.id)));
    if (!person) throw notFound('person');
    const before = input.before ? new Date(input.before).toISOString() : '9999-12-31T00:00:00Z';
    const rows = await queryRows<Row>(tx.db, historySql(orgId, person.id, person.phone, person.email, before, input.limit));
    // What members wrote is sealed at rest (message-body.ts); opened here, for the reader.
    for (const r of rows) if (r.direction === 'in' && r.channel === 'sms') r.body = await openBody(ctx.deps.keyring, tx.db, orgId, r.body);
    const items = rows.map(toItem);
    await audit(tx, { action: 'person.messages.read', entityType: 'person', entityId: person.id, details: { count: items.length, paged: Boolean(input.before) } });
    return { items, nextBefore: items.length === input.limit ? items[items.length - 1].at : null };
  });
}
