import { sql } from 'drizzle-orm';
import type { HotlineReport, HotlineReportQuery } from '../../../contracts/hotline-admin.ts';
import { queryRows } from '../../db/rows.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { inPeriod, periodDays, reportPeriod } from '../../platform/report-period.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';


/**
 * What a coordinator reports to the network and to funders: volume by day, channel,
 * language and category; first-response times (from the first message to the first human
 * reply; automatic acknowledgements do not count); calls answered, left as voicemail or
 * missed; and what is still outstanding. Days are cut in the affiliate's own time zone.
 */
export async function hotlineReport({ ctx, input }: { ctx: Ctx; input: HotlineReportQuery }): Promise<HotlineReport> {
  const orgId = requireOrg(ctx);
  const { from, to } = reportPeriod(input);

  return inTx(ctx, async (tx) => {
    const [{ tz }] = await queryRows<{ tz: string }>(tx.db, sql`select time_zone as tz from organizations where id = ${orgId}`);
    const period = (col: string) => inPeriod(col, { from, to }, tz);

    const byDay = await queryRows<{ day: string; channel: 'sms' | 'voice' | 'web'; n: number }>(tx.db, sql`
      select to_char(first_inbound_at at time zone ${tz}, 'YYYY-MM-DD') as day, channel, count(*)::int as n
      from conversations where org_id = ${orgId} and ${period('first_inbound_at')}
      group by 1, 2 order by 1`);
    const byLanguage = await queryRows<{ lang: Lang; count: number }>(tx.db, sql`
      select lang, count(*)::int as count from conversations where org_id = ${orgId} and ${period('first_inbound_at')} group by 1 order by 2 desc`);
    const byCategory = await queryRows<{ category: string | null; count: number }>(tx.db, sql`
      select category, count(*)::int as count from conversations where org_id = ${orgId} and ${period('first_inbound_at')} group by 1 order by 2 desc`);
    const [frt] = await queryRows<{ answered: number; unanswered: number; p50: number | null; p90: number | null }>(tx.db, sql`
      select count(first_response_at)::int as answered, (count(*) - count(first_response_at))::int as unanswered,
        percentile_cont(0.5) within group (order by extract(epoch from first_response_at - first_inbound_at)) as p50,
        percentile_cont(0.9) within group (order by extract(epoch from first_response_at - first_inbound_at)) as p90
      from conversations where org_id = ${orgId} and ${period('first_inbound_at')}`);
    const [calls] = await queryRows<{ total: number; answered: number; voicemail: number; missed: number }>(tx.db, sql`
      select count(*)::int as total, count(c.answered_at)::int as answered,
        count(*) filter (where c.answered_at is null and c.left_message)::int as voicemail,
        -- missed: over (a call still ringing is neither), nobody took it and the caller left no message. Those that
        -- got past the language menu are in the callback queue as 'missed' (missed-calls.ts); a hang-up at the menu
        -- counts here but gets no callback. A 'missed' callback is not a message left: only voicemail and surge are.
        count(*) filter (where c.answered_at is null and not c.left_message and c.status in ('completed', 'busy', 'no-answer', 'failed', 'canceled'))::int as missed
      from (
        select v.*, (v.recording_url is not null or exists (
          select 1 from callback_tasks t where t.org_id = v.org_id and t.call_sid = v.provider_id and t.reason in ('voicemail', 'surge'))) as left_message
        from voice_calls v where v.org_id = ${orgId} and v.direction = 'inbound' and ${period('v.created_at')}
      ) c`);
    const [outstanding] = await queryRows<{ callbacks: number; voicemails: number; emergencies: number }>(tx.db, sql`
      select count(*)::int as callbacks, count(*) filter (where reason = 'voicemail')::int as voicemails, count(*) filter (where emergency)::int as emergencies
      from callback_tasks where org_id = ${orgId} and status = 'open'`);

    const daysOut = new Map<string, { day: string; sms: number; voice: number; web: number }>();
    for (const day of periodDays({ from, to })) daysOut.set(day, { day, sms: 0, voice: 0, web: 0 });
    for (const r of byDay) {
      const d = daysOut.get(r.day);
      if (d) d[r.channel] = r.n;
    }
    const round = (v: number | string | null) => (v === null ? null : Math.round(Number(v)));
    return {
      timeZone: tz,
      from,
      to,
      conversations: byLanguage.reduce((n, r) => n + r.count, 0),
      byDay: [...daysOut.values()],
      byLanguage,
      byCategory,
      firstResponse: { answered: frt.answered, unanswered: frt.unanswered, p50Seconds: round(frt.p50), p90Seconds: round(frt.p90) },
      calls: { total: calls.total, answered: calls.answered, voicemail: calls.voicemail, missed: calls.missed },
      outstanding,
    };
  });
}
