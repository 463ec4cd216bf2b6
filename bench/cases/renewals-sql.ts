/**
 * The upcoming-renewals statement as listUpcomingRenewals (server/modules/cases/daca-renewals.ts)
 * sends it, repeated here as text so that it can run bare (superuser, no row-level
 * security) and as haven_app beside the verb; the bench checks both return the verb's rows.
 */
import type { Statement } from '../people/search-sql.ts';

const MAX_ROWS = 5000;

export function renewalsStatement(orgId: string, from: string | null, until: string): Statement {
  return {
    sql: `
    select d.person_id, d.case_id, d.expires_on::text as expires_on, d.filed_on::text as filed_on,
           p.given_name, p.family_name, p.name_ko, p.preferred_language as lang,
           coalesce(r.sent, 0)::int as sent, r.last_sent_on::text as last_sent_on,
           coalesce(r.no_consent, false) as no_consent, coalesce(r.scheduled, 0)::int as scheduled
    from daca_records d
    join people p on p.id = d.person_id
    left join lateral (
      select count(*) filter (where x.status = 'sent') as sent,
             max(x.due_on) filter (where x.status = 'sent') as last_sent_on,
             bool_or(x.status = 'skipped_no_consent') as no_consent,
             count(*) filter (where x.status = 'scheduled') as scheduled
      from daca_reminders x
      where x.daca_record_id = d.id and x.expires_on = d.expires_on
    ) r on true
    where d.org_id = $1
      and d.expires_on <= $2::date
      ${from ? 'and d.expires_on >= $3::date' : ''}
    order by d.expires_on, d.person_id
    limit ${MAX_ROWS}`,
    params: from ? [orgId, until, from] : [orgId, until],
  };
}

/** The range alone on daca_records_expiry_idx (an index-only count): the floor under any list of that window. */
export function rangeCountStatement(orgId: string, from: string | null, until: string): Statement {
  return {
    sql: `select count(*) from (select 1 from daca_records where org_id = $1 and expires_on <= $2::date ${from ? 'and expires_on >= $3::date' : ''} order by expires_on limit ${MAX_ROWS}) s`,
    params: from ? [orgId, until, from] : [orgId, until],
  };
}
