import { sql } from 'drizzle-orm';
import type { SubscriberList } from '../../../contracts/alert-subscribers.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { queryRows } from '../../db/rows.ts';
import { consentFor } from '../messaging/index.ts';
import { toE164 } from '../people/index.ts';
import { maskEmail, maskPhone } from './subscribe-person.ts';

const PAGE = 100;

/**
 * The org's alert subscribers: how many (by language and by topic) and the first 100,
 * phones and emails masked (the list is for counting and checking an import, not for
 * copying contacts out). Filters: language, topic, and a name or phone search.
 */
export async function listSubscribers({ ctx, input }: { ctx: Ctx; input: { lang?: string; topic?: string; q?: string } }): Promise<SubscriberList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const db = tx.db;
    const q = input.q?.trim();
    const phone = q ? toE164(q) : null;
    const where = sql`s.org_id = ${orgId} and p.merged_into_id is null
      ${input.lang ? sql`and p.preferred_language = ${input.lang}` : sql``}
      ${input.topic ? sql`and ${input.topic} = any(s.topics)` : sql``}
      ${q ? (phone ? sql`and p.phone_e164 = ${phone}` : sql`and (p.search_keys like ${`%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`} or p.email = ${q.toLowerCase()})`) : sql``}`;
    const [totals] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from alert_subscribers s join people p on p.id = s.person_id where ${where}`);
    const byLanguage = await queryRows<{ lang: 'ko' | 'en' | 'es'; count: number }>(db, sql`
      select p.preferred_language as lang, count(*)::int as count from alert_subscribers s join people p on p.id = s.person_id where ${where} group by 1 order by 1`);
    const byTopic = await queryRows<{ topic: string; count: number }>(db, sql`
      select t.topic, count(*)::int as count from alert_subscribers s join people p on p.id = s.person_id cross join unnest(s.topics) as t(topic)
      where ${where} group by 1 order by 2 desc, 1`);
    const items = await queryRows<{ id: string; given_name: string; family_name: string; name_ko: string | null; phone_e164: string | null; email: string | null; preferred_language: 'ko' | 'en' | 'es'; zip: string | null; topics: string[]; tags: string[] }>(db, sql`
      select p.id, p.given_name, p.family_name, p.name_ko, p.phone_e164, p.email, p.preferred_language, p.zip, s.topics, s.tags
      from alert_subscribers s join people p on p.id = s.person_id where ${where}
      order by s.updated_at desc, p.id limit ${PAGE}`);
    const sms = await consentFor(db, { orgId, channel: 'sms', topic: 'all', addresses: items.map((i) => i.phone_e164).filter((a): a is string => !!a) });
    const email = await consentFor(db, { orgId, channel: 'email', topic: 'all', addresses: items.map((i) => i.email).filter((a): a is string => !!a) });
    return {
      total: Number(totals?.total ?? 0),
      byLanguage: byLanguage.map((r) => ({ lang: r.lang, count: Number(r.count) })),
      byTopic: byTopic.map((r) => ({ topic: r.topic, count: Number(r.count) })),
      items: items.map((i) => {
        const status = (i.phone_e164 ? sms.get(i.phone_e164)?.status : null) ?? (i.email ? email.get(i.email)?.status : null) ?? null;
        const name = [i.given_name, i.family_name].filter(Boolean).join(' ') || i.name_ko || '';
        return {
          id: i.id, name, phone: maskPhone(i.phone_e164), email: maskEmail(i.email), lang: i.preferred_language, zip: i.zip,
          topics: i.topics ?? [], tags: i.tags ?? [], consent: status ?? 'none',
        };
      }),
    };
  });
}
