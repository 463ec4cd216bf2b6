import { ALERT_TOPICS } from '../../contracts/alerts.ts';
import type { Deps } from '../platform/context.ts';
import { consentEvents } from '../modules/people/index.ts';
import { alertSubscribers } from '../modules/alerts/index.ts';
import { people, buildSearchKeys } from '../modules/people/index.ts';
import { DEMO_AFFILIATES } from './demo-data.ts';

/**
 * The demo audience for policy alerts: 40 subscribers per affiliate in Korean, English and
 * Spanish, spread over the affiliate's states and a few ZIPs each, with topics, and an SMS
 * opt-in recorded as an import ("demo data"). Every fifth also opted in to `emergency`
 * (emergency alerts may pass quiet hours for them). Their phones use a second area code per
 * state in the fictional 555-0100…0199 range, so they never collide with the other demo
 * people (the first area code's 555-01xx). The e2e journeys send alerts to them through the simulator.
 */
export const DEMO_SUBSCRIBERS_PER_AFFILIATE = 40;

const SUBSCRIBER_AREA_CODES: Record<string, string> = { IL: '773', VA: '571', PA: '267', NY: '347', NJ: '201', TX: '832', CA: '323' };
const SUBSCRIBER_ZIPS: Record<string, string[]> = {
  IL: ['60625', '60659', '60016', '60004'], VA: ['22003', '22031', '20151', '22150'], PA: ['19126', '19141', '19020', '19406'],
  NY: ['11354', '11355', '10001', '11373'], NJ: ['07024', '07010', '07601', '07047'], TX: ['77036', '77072', '75006', '78701'],
  CA: ['90010', '90005', '92618', '90703'],
};
const NAMES: Record<'ko' | 'en' | 'es', [string, string | null][]> = {
  ko: [['Seoyeon Kim', '김서연'], ['Minho Lee', '이민호'], ['Jiwoo Park', '박지우'], ['Hyunwoo Choi', '최현우'], ['Sumin Jung', '정수민'], ['Yuna Kang', '강유나'], ['Dohyun Cho', '조도현'], ['Eunji Yoon', '윤은지']],
  en: [['Grace Kim', null], ['Daniel Rhee', null], ['Sarah Yi', null], ['Michael Pak', null], ['Jennifer Chung', null], ['David Choe', null], ['Emily Gim', null]],
  es: [['María González', null], ['José Hernández', null], ['Lucía Ramírez', null], ['Carlos Flores', null], ['Ana Torres', null], ['Luis Morales', null], ['Sofía Castillo', null]],
};
const LANG_CYCLE = ['ko', 'es', 'en', 'ko', 'es'] as const;

export async function seedDemoSubscribers(deps: Deps, orgIds: Record<string, string>) {
  const db = deps.database.db;
  const at = new Date();
  for (const a of DEMO_AFFILIATES) {
    const orgId = orgIds[a.slug];
    if (!orgId) continue;
    for (let i = 0; i < DEMO_SUBSCRIBERS_PER_AFFILIATE; i++) {
      const state = a.states[i % a.states.length];
      const lang = LANG_CYCLE[i % LANG_CYCLE.length];
      const [name, nameKo] = NAMES[lang][i % NAMES[lang].length];
      const zips = SUBSCRIBER_ZIPS[state];
      const phone = `+1${SUBSCRIBER_AREA_CODES[state]}555${String(100 + i).padStart(4, '0')}`;
      const [person] = await db
        .insert(people)
        .values({ orgId, givenName: name, nameKo, phoneE164: phone, preferredLanguage: lang, zip: zips[i % zips.length], state, searchKeys: buildSearchKeys({ givenName: name, nameKo }) })
        .returning({ id: people.id });
      // Everyone gets general news; the rest rotate so that topic filters have something to choose from.
      const topics = [...new Set(['general', ALERT_TOPICS[i % ALERT_TOPICS.length], ALERT_TOPICS[(i * 3 + 1) % ALERT_TOPICS.length]])].sort();
      await db.insert(alertSubscribers).values({ orgId, personId: person.id, topics, tags: i % 4 === 0 ? ['volunteer'] : [], source: 'import' });
      const evidence = { attestation: 'demo data', demo: true };
      await db.insert(consentEvents).values([
        { orgId, address: phone, personId: person.id, channel: 'sms', scope: 'affiliate', topic: 'all', status: 'opted_in', evidenceKind: 'import', evidence, createdAt: at },
        ...(i % 5 === 0 ? [{ orgId, address: phone, personId: person.id, channel: 'sms' as const, scope: 'affiliate' as const, topic: 'emergency', status: 'opted_in' as const, evidenceKind: 'import' as const, evidence, createdAt: at }] : []),
      ]);
    }
  }
}
