import { sql } from 'drizzle-orm';
import type { Renewal, RenewalList, RenewalsQuery } from '../../../contracts/daca.ts';
import { queryRows } from '../../db/rows.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { dacaReference } from './daca-records.ts';
import { dacaPlan } from './daca-rules.ts';
import { addDays } from './screening-dates.ts';


interface Row {
  person_id: string;
  case_id: string | null;
  expires_on: string;
  filed_on: string | null;
  given_name: string;
  family_name: string;
  name_ko: string | null;
  lang: 'ko' | 'en' | 'es';
  sent: number;
  last_sent_on: string | null;
  no_consent: boolean;
  scheduled: number;
}

/**
 * Upcoming DACA renewals of one affiliate, for clinic planning: each person with their
 * expiry, where they stand (dacaPlan), days left, what the reminders did and whether they
 * filed, soonest expiry first. One query: the range on daca_records_expiry_idx (org_id,
 * expires_on), people for names, and the reminders of the current expiry summed per record
 * (daca_reminders_uq leads with daca_record_id).
 *
 * The range runs from `initialAfterExpiredDays` ago (an expiry older than that needs an
 * initial request, not a renewal) to `withinDays` ahead; asking for state 'initial_required'
 * drops the lower bound. The state is computed here, from the reference data, and filtered
 * after the query: the window is bounded, and one rule (daca-rules.ts) decides states.
 * The list reveals DACA status of many people at once, so reading it is audited.
 */
export async function listUpcomingRenewals({ ctx, input }: { ctx: Ctx; input: Partial<RenewalsQuery> }): Promise<RenewalList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const list = await loadRenewals(tx, orgId, input);
    await audit(tx, { action: 'daca.renewals_list', entityType: 'organization', entityId: orgId, details: { count: list.items.length, withinDays: input.withinDays ?? 180, state: input.state ?? null } });
    return list;
  });
}

async function loadRenewals(tx: Ctx, orgId: string, input: Partial<RenewalsQuery>): Promise<RenewalList> {
  const withinDays = input.withinDays ?? 180;
  const ref = await dacaReference(tx.db);
  const today = new Date().toISOString().slice(0, 10);
  const until = addDays(today, withinDays);
  const from = input.state === 'initial_required' ? null : addDays(today, -ref.initialAfterExpiredDays);
  // Upcoming expiries first, soonest first; then the lapsed ones (still renewals), most recent first. Two range
  // reads on daca_records_expiry_idx, each stopping at the limit: sorted as one list, a year of lapsed records
  // would fill the list before the first upcoming one (docs/performance.md §5).
  const max = input.limit ?? 500;
  const upcoming = await renewalRows(tx, orgId, { from: today, until, order: sql`d.expires_on asc, d.person_id`, limit: max + 1 });
  const lapsed = upcoming.length <= max
    ? await renewalRows(tx, orgId, { from, until: addDays(today, -1), order: sql`d.expires_on desc, d.person_id`, limit: max + 1 - upcoming.length })
    : [];
  const truncated = upcoming.length + lapsed.length > max;
  const rows = [...upcoming, ...lapsed].slice(0, max);
  const items: Renewal[] = [];
  for (const r of rows) {
    const plan = dacaPlan({ expiresOn: r.expires_on, today, ref, filedOn: r.filed_on });
    if (input.state && plan.state !== input.state) continue;
    items.push({
      person: { id: r.person_id, name: [r.given_name, r.family_name].filter(Boolean).join(' '), nameKo: r.name_ko, lang: r.lang },
      caseId: r.case_id,
      expiresOn: r.expires_on,
      daysLeft: plan.daysUntilExpiry,
      state: plan.state,
      kind: plan.kind,
      windowOpensOn: plan.windowOpensOn,
      windowClosesOn: plan.windowClosesOn,
      filedOn: r.filed_on,
      reminders: { sent: r.sent, lastSentOn: r.last_sent_on, noConsent: Boolean(r.no_consent), scheduled: r.scheduled },
    });
  }
  return { items, today, referenceCheckedOn: ref.checkedOn, truncated };
}

function renewalRows(tx: Ctx, orgId: string, q: { from: string | null; until: string; order: ReturnType<typeof sql>; limit: number }) {
  return queryRows<Row>(tx.db, sql`
    select d.person_id, d.case_id, d.expires_on::text as expires_on, d.filed_on::text as filed_on,
           p.given_name, p.family_name, p.name_ko, p.preferred_language as lang,
           coalesce(r.sent, 0)::int as sent, r.last_sent_on::text as last_sent_on,
           coalesce(r.no_consent, false) as no_consent, coalesce(r.scheduled, 0)::int as scheduled
    from (
      select * from daca_records d
      where d.org_id = ${orgId} and d.expires_on <= ${q.until}::date ${q.from ? sql`and d.expires_on >= ${q.from}::date` : sql``}
      order by ${q.order}
      limit ${q.limit}
    ) d
    join people p on p.id = d.person_id
    left join lateral (
      select count(*) filter (where x.status = 'sent') as sent,
             max(x.due_on) filter (where x.status = 'sent') as last_sent_on,
             bool_or(x.status = 'skipped_no_consent') as no_consent,
             count(*) filter (where x.status = 'scheduled') as scheduled
      from daca_reminders x
      where x.daca_record_id = d.id and x.expires_on = d.expires_on
    ) r on true
    order by ${q.order}`);
}

const CSV_COLUMNS = ['expires_on', 'days_left', 'state', 'kind', 'window_opens_on', 'window_closes_on', 'name', 'name_ko', 'language', 'filed_on', 'reminders_sent', 'last_reminder_on', 'no_consent', 'case_id', 'person_id'] as const;

/**
 * A cell as a spreadsheet will read it: quoted when it holds a comma, quote or line break,
 * and a leading = + - @ (or tab, CR) neutralised with an apostrophe so that a name typed as a
 * formula is never run by whoever opens the file (CSV injection).
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The list as CSV for clinic staff; a UTF-8 byte-order mark so that Excel shows Hangul and Spanish names right. */
export function renewalsCsv(list: RenewalList): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of list.items) {
    const cells = [
      r.expiresOn, r.daysLeft, r.state, r.kind, r.windowOpensOn, r.windowClosesOn, r.person.name, r.person.nameKo, r.person.lang,
      r.filedOn, r.reminders.sent, r.reminders.lastSentOn, r.reminders.noConsent, r.caseId, r.person.id,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV variant: same list and rules, audited as an export (the file leaves Haven). */
export async function exportUpcomingRenewals({ ctx, input }: { ctx: Ctx; input: Partial<RenewalsQuery> }): Promise<string> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const list = await loadRenewals(tx, orgId, input);
    await audit(tx, { action: 'daca.renewals_export', entityType: 'organization', entityId: orgId, details: { count: list.items.length, format: 'csv' } });
    return renewalsCsv(list);
  });
}
