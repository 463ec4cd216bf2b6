import { type SQL, sql } from 'drizzle-orm';
import type { Audience } from '../../../contracts/alerts.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

type Lang = 'ko' | 'en' | 'es';

/** What of an alert decides who gets it and in which language. */
export interface AudienceAlert {
  /** The org that wrote the alert. */
  orgId: string;
  topic: string;
  sourceLang: Lang;
  /** The languages the alert has a version in. */
  langs: Lang[];
  /** A correction or retraction: its audience is exactly the people this alert reached. */
  followUpOf?: string | null;
}

/**
 * The orgs an audience reaches: the ones it names, else the author's own; for the network
 * office with none named, the office and every affiliate (network-wide). The caller has
 * already checked that named orgs are the author or its affiliates.
 */
export async function audienceOrgs(db: DbOrTx, alertOrgId: string, audience: Pick<Audience, 'orgIds'>): Promise<{ orgIds: string[]; networkWide: boolean }> {
  const [org] = await queryRows<{ kind: string }>(db, sql`select kind from organizations where id = ${alertOrgId}`);
  if (audience.orgIds.length) return { orgIds: [...new Set(audience.orgIds)], networkWide: false };
  if (org?.kind !== 'network') return { orgIds: [alertOrgId], networkWide: false };
  const rows = await queryRows<{ id: string }>(db, sql`select id from organizations where id = ${alertOrgId} or parent_id = ${alertOrgId} order by id`);
  return { orgIds: rows.map((r) => r.id), networkWide: true };
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * The audience as one SELECT of (person_id, org_id, channel, lang, place_state): one row per
 * person, channel and language. The fan-out inserts it into alert_deliveries in the same
 * statement; the preview counts it. Rules:
 * - people of the target orgs, not merged away, matching every filter (OR within a filter);
 * - per channel, an address on file, not marked bad, whose latest applicable consent event
 *   (this org's or network-wide, topic 'all' or the alert's; the rule of messaging/consent.ts)
 *   is an opt-in — a broadcast needs one. The send worker checks again at send time;
 * - language fallback: the person's language when the alert has it, else the source
 *   language; with alsoSourceLang, the source language as well when it differs;
 * - a correction or retraction: exactly the people the parent reached (sent or delivered),
 *   whatever its filters say now.
 */
export function audienceSelect(alert: AudienceAlert, audience: Audience, orgIds: readonly string[]): SQL {
  const langs = alert.langs.length ? alert.langs : [alert.sourceLang];
  if (alert.followUpOf) {
    // The parent's deliveries the outbox sent or delivered, in the language they got when the follow-up has it. Distinct:
    // someone who got the parent in two languages gets a follow-up that has only one of them once.
    return sql`
      select distinct d.person_id, d.org_id, d.channel,
             case when d.lang = any(${textArray(langs)}) then d.lang else ${alert.sourceLang} end as lang, d.place_state
      from alert_deliveries d join outbound_messages o on o.id = d.outbound_id
      where d.alert_id = ${alert.followUpOf} and d.org_id = any(${sql.param([...orgIds])}::uuid[]) and o.status in ('sent', 'delivered')
    `;
  }
  const filters: SQL[] = [sql`p.org_id = any(${sql.param([...orgIds])}::uuid[])`, sql`p.merged_into_id is null`];
  if (audience.states.length) filters.push(sql`p.state = any(${textArray(audience.states)})`);
  if (audience.zips.length) filters.push(sql`p.zip = any(${textArray(audience.zips)})`);
  if (audience.counties.length) filters.push(sql`lower(s.county) = any(${textArray(audience.counties.map((c) => c.toLowerCase()))})`);
  if (audience.langs.length) filters.push(sql`p.preferred_language = any(${textArray(audience.langs)})`);
  if (audience.topics.length) filters.push(sql`s.topics && ${textArray(audience.topics)}`);
  if (audience.tags.length) filters.push(sql`s.tags && ${textArray(audience.tags)}`);
  const orgs = sql`${sql.param([...orgIds])}::uuid[]`;
  const channels = textArray(audience.channels);
  // Consent as two hash joins, not a probe per address: the latest event per address, channel and org among the
  // affiliates' (lo), and per address and channel among the network-wide ones (ln); the later of the two applies.
  // One ordered scan of the ledger instead of a million index probes halved the fan-out (bench/alerts).
  return sql`
    with lo as (
      select distinct on (e.address, e.channel, e.org_id) e.address, e.channel, e.org_id, e.status, e.created_at, e.seq
      from consent_events e
      where e.channel = any(${channels}) and e.topic in ('all', ${alert.topic}) and e.scope = 'affiliate' and e.org_id = any(${orgs})
      order by e.address, e.channel, e.org_id, e.created_at desc, e.seq desc
    ), ln as (
      select distinct on (e.address, e.channel) e.address, e.channel, e.status, e.created_at, e.seq
      from consent_events e
      where e.channel = any(${channels}) and e.topic in ('all', ${alert.topic}) and e.scope = 'network'
      order by e.address, e.channel, e.created_at desc, e.seq desc
    )
    select c.person_id, c.org_id, c.channel, l.lang, c.place_state
    from (
      ${sql.join(audience.channels.map((channel) => channelBranch(channel, filters)), sql` union all `)}
    ) c
    cross join lateral unnest(
      case
        when c.pref = any(${textArray(langs)}) and ${audience.alsoSourceLang} and c.pref <> ${alert.sourceLang} then array[c.pref, ${alert.sourceLang}]::text[]
        when c.pref = any(${textArray(langs)}) then array[c.pref]::text[]
        else array[${alert.sourceLang}]::text[]
      end
    ) as l(lang)
  `;
}

/**
 * One channel's recipients: its address column joined straight to the consent CTEs (a hash join on the column, which
 * a per-row list of channels would hide from the planner), bad addresses left out.
 */
function channelBranch(channel: 'sms' | 'email', filters: SQL[]): SQL {
  const address = channel === 'sms' ? sql`p.phone_e164` : sql`lower(p.email)`;
  return sql`
    select p.id as person_id, p.org_id, p.preferred_language as pref, p.state as place_state, ${channel}::text as channel
    from people p
    left join alert_subscribers s on s.person_id = p.id
    left join lo on lo.address = ${address} and lo.channel = ${channel} and lo.org_id = p.org_id
    left join ln on ln.address = ${address} and ln.channel = ${channel}
    where ${sql.join(filters, sql` and `)}
      and ${address} is not null
      and (case
             when ln.address is null then lo.status
             when lo.address is null then ln.status
             when (lo.created_at, lo.seq) > (ln.created_at, ln.seq) then lo.status
             else ln.status
           end) = 'opted_in'
      and not exists (select 1 from bad_addresses b where b.org_id = p.org_id and b.channel = ${channel} and b.address = ${address})`;
}

export interface AudienceSummary {
  orgIds: string[];
  networkWide: boolean;
  /** Distinct people reached (on any channel, in any language). */
  recipients: number;
  byLanguage: { lang: Lang; sms: number; email: number }[];
  byState: { state: string | null; recipients: number }[];
  /** Per org and channel: the fan-out's rows (a person in two languages counts twice), for pacing and cost. */
  byOrg: { orgId: string; sms: number; email: number }[];
}

/**
 * Count an audience with the same SELECT the fan-out writes. Runs inside the caller's
 * transaction as the app role, one org at a time with that org set (row-level security shows
 * each org's people only to itself): counts leave the org, never rows. The org the
 * transaction had is set back at the end.
 */
export async function audienceSummary(db: DbOrTx, q: { alert: AudienceAlert; audience: Audience }): Promise<AudienceSummary> {
  const { orgIds, networkWide } = await audienceOrgs(db, q.alert.orgId, q.audience);
  const [{ current }] = await queryRows<{ current: string | null }>(db, sql`select current_setting('haven.org_id', true) as current`);
  type Row = { channel: 'sms' | 'email' | null; lang: Lang | null; place_state: string | null; g_channel: number; g_state: number; rows: number; people: number };
  const byOrg: AudienceSummary['byOrg'] = [];
  const byLang = new Map<Lang, { sms: number; email: number }>();
  const byState = new Map<string | null, number>();
  let recipients = 0;
  try {
    for (const orgId of orgIds) {
      await db.execute(sql`select set_config('haven.org_id', ${orgId}, true)`);
      // One pass, three groupings: rows per channel and language, people per state, people in all.
      const rows = await queryRows<Row>(db, sql`
        select a.channel, a.lang, a.place_state, grouping(a.channel) as g_channel, grouping(a.place_state) as g_state,
               count(*)::int as rows, count(distinct a.person_id)::int as people
        from (${audienceSelect(q.alert, q.audience, [orgId])}) a
        group by grouping sets ((a.channel, a.lang), (a.place_state), ())
      `);
      const org = { orgId, sms: 0, email: 0 };
      for (const r of rows) {
        if (Number(r.g_channel) === 0 && r.channel && r.lang) {
          org[r.channel] += Number(r.rows);
          const l = byLang.get(r.lang) ?? { sms: 0, email: 0 };
          l[r.channel] += Number(r.rows);
          byLang.set(r.lang, l);
        } else if (Number(r.g_state) === 0) byState.set(r.place_state, (byState.get(r.place_state) ?? 0) + Number(r.people));
        else recipients += Number(r.people);
      }
      byOrg.push(org);
    }
  } finally {
    await db.execute(sql`select set_config('haven.org_id', ${current ?? ''}, true)`);
  }
  return {
    orgIds,
    networkWide,
    recipients,
    byLanguage: (['ko', 'en', 'es'] as const).map((lang) => ({ lang, ...(byLang.get(lang) ?? { sms: 0, email: 0 }) })),
    byState: [...byState.entries()].map(([state, n]) => ({ state, recipients: n })).sort((a, b) => b.recipients - a.recipients),
    byOrg,
  };
}
