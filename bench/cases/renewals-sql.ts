/**
 * The upcoming-renewals statements as listUpcomingRenewals (server/modules/cases/daca-renewals.ts)
 * sends them — upcoming expiries soonest first, then the lapsed ones most recent first, each
 * a range read that stops at the limit — repeated here as text so that they can run bare
 * (superuser, no row-level security) and as haven_app beside the verb; the bench checks
 * they return as many rows as the verb lists.
 */
import type { Statement } from '../people/search-sql.ts';

/** The list's default size (contracts/daca.ts RenewalsQuery.limit). */
const MAX_ROWS = 500;

const select = (range: string, order: string, limit: number) => `
    select d.person_id, d.case_id, d.expires_on::text as expires_on, d.filed_on::text as filed_on,
           p.given_name, p.family_name, p.name_ko, p.preferred_language as lang,
           coalesce(r.sent, 0)::int as sent, r.last_sent_on::text as last_sent_on,
           coalesce(r.no_consent, false) as no_consent, coalesce(r.scheduled, 0)::int as scheduled
    from (select * from daca_records d where d.org_id = $1 and ${range} order by ${order} limit ${limit}) d
    join people p on p.id = d.person_id
    left join lateral (
      select count(*) filter (where x.status = 'sent') as sent,
             max(x.due_on) filter (where x.status = 'sent') as last_sent_on,
             bool_or(x.status = 'skipped_no_consent') as no_consent,
             count(*) filter (where x.status = 'scheduled') as scheduled
      from daca_reminders x
      where x.daca_record_id = d.id and x.expires_on = d.expires_on
    ) r on true
    order by ${order}`;

/** [upcoming, lapsed]: the verb reads the lapsed part only when the upcoming one left room (the bench runs both: the worst case). */
export function renewalsStatements(orgId: string, today: string, from: string | null, until: string): Statement[] {
  return [
    { sql: select('d.expires_on >= $2::date and d.expires_on <= $3::date', 'd.expires_on asc, d.person_id', MAX_ROWS + 1), params: [orgId, today, until] },
    {
      sql: select(`d.expires_on < $2::date ${from ? 'and d.expires_on >= $3::date' : ''}`, 'd.expires_on desc, d.person_id', MAX_ROWS + 1),
      params: from ? [orgId, today, from] : [orgId, today],
    },
  ];
}

/** The same ranges alone on daca_records_expiry_idx (index-only counts): the floor under any list of that window. */
export function rangeCountStatements(orgId: string, today: string, from: string | null, until: string): Statement[] {
  return [
    { sql: `select count(*) from (select 1 from daca_records where org_id = $1 and expires_on >= $2::date and expires_on <= $3::date order by expires_on limit ${MAX_ROWS + 1}) s`, params: [orgId, today, until] },
    {
      sql: `select count(*) from (select 1 from daca_records where org_id = $1 and expires_on < $2::date ${from ? 'and expires_on >= $3::date' : ''} order by expires_on desc limit ${MAX_ROWS + 1}) s`,
      params: from ? [orgId, today, from] : [orgId, today],
    },
  ];
}

export const RENEWALS_MAX_ROWS = MAX_ROWS;
