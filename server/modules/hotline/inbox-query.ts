import { type SQL, sql } from 'drizzle-orm';
import type { ConversationSummary } from '../../../contracts/hotline.ts';
import { queryRows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/context.ts';

/**
 * The inbox rows: a conversation with the person it belongs to, its assignee, and three
 * facts read per row through indexes on conversation_id (so a page of 50 costs ~150 index
 * probes, not a scan): when a person on staff last replied (an outbox row with a creator;
 * automatic texts have none), the first message since then (what the member has been
 * waiting on), and the name given on the web form for someone we have no record of.
 */
interface Row {
  id: string;
  status: 'open' | 'closed';
  channel: ConversationSummary['channel'];
  lang: ConversationSummary['lang'];
  urgency: ConversationSummary['urgency'];
  category: ConversationSummary['category'];
  tags: string[] | string;
  contact_address: string;
  person_id: string | null;
  given_name: string | null;
  family_name: string | null;
  name_ko: string | null;
  p_email: string | null;
  assigned_to: string | null;
  assignee_name: string | null;
  first_inbound_at: Date | string;
  first_response_at: Date | string | null;
  last_inbound_at: Date | string | null;
  last_activity_at: Date | string;
  /** last_activity_at to the microsecond, for the cursor (a JavaScript Date keeps milliseconds). */
  activity_key: string;
  closed_at: Date | string | null;
  disposition: ConversationSummary['disposition'];
  waiting_since: Date | string | null;
  web_name_enc: string | null;
  web_email_enc: string | null;
  emergency_alerted_at: Date | string | null;
  sender_id: string | null;
  hotline_number: string | null;
}

export function summarySql(orgId: string, where: SQL, limit: number) {
  return sql`
    select c.id, c.status, c.channel, c.lang, c.urgency, c.category, c.tags, c.contact_address, c.person_id,
           p.given_name, p.family_name, p.name_ko, p.email as p_email,
           c.assigned_to, u.display_name as assignee_name,
           c.first_inbound_at, c.first_response_at, c.last_inbound_at, c.last_activity_at, c.closed_at, c.disposition,
           c.last_activity_at::text as activity_key,
           c.emergency_alerted_at, c.sender_id, s.phone_e164 as hotline_number,
           case when c.status = 'open' then ws.at end as waiting_since,
           web.name_enc as web_name_enc, web.email_enc as web_email_enc
    from (
      -- The page first (index order, then the limit), and only then the per-row facts: joined
      -- before the limit, the laterals ran for every open conversation before the sort.
      select * from conversations c
      where c.org_id = ${orgId} and ${where}
      order by c.last_activity_at desc, c.id desc
      limit ${limit}
    ) c
    left join people p on p.id = c.person_id and p.org_id = c.org_id
    left join users u on u.id = c.assigned_to
    left join messaging_senders s on s.id = c.sender_id and s.org_id = c.org_id
    left join lateral (
      select max(o.created_at) as at from outbound_messages o
      where o.conversation_id = c.id and o.created_by is not null
    ) lh on true
    left join lateral (
      select min(x.at) as at from (
        (select i.received_at as at from inbound_messages i
         where i.conversation_id = c.id and i.received_at > coalesce(lh.at, '-infinity'::timestamptz)
         order by i.received_at limit 1)
        union all
        (select e.created_at from conversation_events e
         where e.conversation_id = c.id and e.kind = 'web_request' and e.created_at > coalesce(lh.at, '-infinity'::timestamptz)
         order by e.created_at limit 1)
      ) x
    ) ws on true
    left join lateral (
      select e.data->>'nameEnc' as name_enc, e.data->>'emailEnc' as email_enc from conversation_events e
      where e.conversation_id = c.id and e.kind = 'web_request'
      order by e.created_at desc limit 1
    ) web on true
    order by c.last_activity_at desc, c.id desc`;
}

const iso = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString());
const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v) ? v : v === '{}' ? [] : v.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, ''));

export type SummaryRow = Row;

export async function loadSummaries(ctx: Ctx, orgId: string, where: SQL, limit: number): Promise<{ rows: Row[]; items: ConversationSummary[] }> {
  const rows = await queryRows<Row>(ctx.db, summarySql(orgId, where, limit));
  const items: ConversationSummary[] = [];
  for (const r of rows) items.push(await toSummary(ctx, orgId, r));
  return { rows, items };
}

async function toSummary(ctx: Ctx, orgId: string, r: Row): Promise<ConversationSummary> {
  const { keyring } = ctx.deps;
  const personName = r.person_id && r.given_name != null ? [r.name_ko, [r.given_name, r.family_name].filter(Boolean).join(' ')].filter(Boolean).join(' · ') : null;
  const webName = personName ? null : await keyring.decryptNullable(ctx.db, orgId, r.web_name_enc);
  const webEmail = await keyring.decryptNullable(ctx.db, orgId, r.web_email_enc);
  const isPhone = r.contact_address.startsWith('+');
  const phone = isPhone ? r.contact_address : null;
  const email = isPhone ? (r.p_email ?? webEmail) : r.contact_address;
  const name = personName ?? webName;
  const firstResponseAt = iso(r.first_response_at);
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    lang: r.lang,
    urgency: r.urgency,
    category: r.category,
    tags: pgArray(r.tags),
    contact: { display: name ?? r.contact_address, personId: r.person_id, name, phone, email },
    assignee: r.assigned_to ? { userId: r.assigned_to, name: r.assignee_name ?? '' } : null,
    awaitingReply: r.status === 'open' && r.waiting_since != null,
    waitingSince: iso(r.waiting_since),
    firstInboundAt: iso(r.first_inbound_at)!,
    firstResponseAt,
    firstResponseSeconds: firstResponseAt ? Math.max(0, Math.round((Date.parse(firstResponseAt) - Date.parse(iso(r.first_inbound_at)!)) / 1000)) : null,
    lastInboundAt: iso(r.last_inbound_at),
    lastActivityAt: iso(r.last_activity_at)!,
    closedAt: iso(r.closed_at),
    disposition: r.disposition,
  };
}

export async function loadSummary(ctx: Ctx, orgId: string, id: string) {
  const { rows, items } = await loadSummaries(ctx, orgId, sql`c.id = ${id}`, 1);
  return rows.length ? { row: rows[0], summary: items[0] } : null;
}
