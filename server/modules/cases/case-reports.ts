import { sql } from 'drizzle-orm';
import type { CaseReport, CaseReportQuery, CaseType } from '../../../contracts/cases.ts';
import { queryRows } from '../../db/rows.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { inPeriod, reportPeriod } from '../../platform/report-period.ts';
import { dacaReference } from './daca-records.ts';


/**
 * Counts only (no names): information given vs cases opened by type, DACA renewals filed
 * (on time = by the close of the recommended window, 120 days before expiry; the days are
 * reference data), referrals made, accepted and completed, and hours from referral to
 * consultation. Days are cut in the affiliate's time zone, as in the hotline's report.
 */
export async function caseReport({ ctx, input }: { ctx: Ctx; input: CaseReportQuery }): Promise<CaseReport> {
  const orgId = requireOrg(ctx);
  const { from, to } = reportPeriod(input);

  return inTx(ctx, async (tx) => {
    const [{ tz }] = await queryRows<{ tz: string }>(tx.db, sql`select time_zone as tz from organizations where id = ${orgId}`);
    const period = (col: string) => inPeriod(col, { from, to }, tz);
    const closesDaysBefore = (await dacaReference(tx.db)).filingWindow.closesDaysBefore;

    const [info] = await queryRows<{ n: number }>(tx.db, sql`
      select count(*)::int as n from conversations c
      where c.org_id = ${orgId} and c.status = 'closed' and c.disposition in ('answered', 'referred') and ${period('c.closed_at')}
        and not exists (select 1 from cases k where k.conversation_id = c.id)`);
    const byType = await queryRows<{ type: CaseType; count: number }>(tx.db, sql`
      select type, count(*)::int as count from cases where org_id = ${orgId} and ${period('opened_at')} group by 1 order by 2 desc, 1`);
    const [filed] = await queryRows<{ total: number; on_time: number }>(tx.db, sql`
      select count(*)::int as total, count(*) filter (where filed_on <= expires_on - ${closesDaysBefore}::int)::int as on_time
      from daca_records where org_id = ${orgId} and filed_on >= ${from}::date and filed_on <= ${to}::date`);
    const [ref] = await queryRows<{ made: number; accepted: number; completed: number; n: number; p50: number | null; p90: number | null }>(tx.db, sql`
      select count(*) filter (where ${period('sent_at')})::int as made,
             count(*) filter (where status in ('accepted', 'consultation_scheduled', 'completed') and ${period('responded_at')})::int as accepted,
             count(*) filter (where status = 'completed' and ${period('completed_at')})::int as completed,
             count(consultation_at) filter (where ${period('sent_at')})::int as n,
             percentile_cont(0.5) within group (order by extract(epoch from consultation_at - sent_at) / 3600) filter (where ${period('sent_at')} and consultation_at is not null) as p50,
             percentile_cont(0.9) within group (order by extract(epoch from consultation_at - sent_at) / 3600) filter (where ${period('sent_at')} and consultation_at is not null) as p90
      from referrals where org_id = ${orgId}`);
    await audit(tx, { action: 'cases.report', entityType: 'organization', entityId: orgId, details: { from, to } });
    const num = (v: number | null) => (v == null ? null : Math.round(Number(v) * 10) / 10);
    return {
      from, to,
      informationOnly: Number(info.n),
      casesOpened: { total: byType.reduce((n, r) => n + Number(r.count), 0), byType: byType.map((r) => ({ type: r.type, count: Number(r.count) })) },
      dacaRenewalsFiled: { total: Number(filed.total), onTime: Number(filed.on_time) },
      referrals: { made: Number(ref.made), accepted: Number(ref.accepted), completed: Number(ref.completed), hoursToConsultation: { n: Number(ref.n), p50: num(ref.p50), p90: num(ref.p90) } },
    };
  });
}

/** The same figures as CSV rows (measure, value) for a funder's spreadsheet. */
export function caseReportCsv(r: CaseReport): string {
  const rows: [string, string | number | null][] = [
    ['from', r.from], ['to', r.to], ['information_only', r.informationOnly], ['cases_opened', r.casesOpened.total],
    ...r.casesOpened.byType.map((t): [string, number] => [`cases_opened_${t.type}`, t.count]),
    ['daca_renewals_filed', r.dacaRenewalsFiled.total], ['daca_renewals_filed_on_time', r.dacaRenewalsFiled.onTime],
    ['referrals_made', r.referrals.made], ['referrals_accepted', r.referrals.accepted], ['referrals_completed', r.referrals.completed],
    ['hours_to_consultation_p50', r.referrals.hoursToConsultation.p50], ['hours_to_consultation_p90', r.referrals.hoursToConsultation.p90],
  ];
  return `${['measure,value', ...rows.map(([k, v]) => `${k},${v ?? ''}`)].join('\r\n')}\r\n`;
}
