/**
 * Policy alerts at network scale on PostgreSQL: N subscribers (default 1,000,000) across the
 * demo affiliates, each with an SMS opt-in on the consent ledger and alert topics. Measured,
 * each beside its physical limit in the same run:
 *  - fan-out of a network-wide alert: the audience SELECT (filters, latest consent per
 *    address, language fallback) and its deliveries written in one INSERT … SELECT
 *    (writeDeliveries, as the worker runs it) vs a raw INSERT … SELECT of the same rows
 *    (every person with a phone → an index-less copy of alert_deliveries: no consent, no
 *    filters, no primary key);
 *  - end to end for one affiliate's alert (--send N of the subscribers, default 200,000):
 *    fan-out, the paced hand-over to the outbox, the real send workers and the simulator,
 *    pacing off, until the alert is `sent`; vs the outbox's own bare INSERT + SKIP LOCKED
 *    figure measured by `bench outbox` (not repeated here); resident memory of this process,
 *    which runs the workers (target < 512 MB).
 * The simulator counts its sends, keeps nothing and drops status callbacks (see bench/outbox.ts);
 * quiet hours are judged at noon Chicago time. Results: docs/performance.md §6.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { queryRows } from '../server/db/rows.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { closeDeps, createDeps, SIMULATOR_ACCOUNT_SID } from '../server/deps.ts';
import { createSimulatorSms } from '../server/integrations/sms/simulator.adapter.ts';
import { createMemorySimulatorStore } from '../server/integrations/sms/simulator-store.ts';
import { fanOut } from '../server/modules/alerts/alert-worker.ts';
import { writeDeliveries } from '../server/modules/alerts/fan-out.ts';
import { startAlertWorkers } from '../server/modules/alerts/index.ts';
import { startSendWorkers } from '../server/modules/messaging/index.ts';
import type { Deps } from '../server/platform/context.ts';
import { createBenchDatabase } from './lib/pg-bench-db.ts';
import { removeDir, tempDir } from './lib/proc.ts';
import type { BenchResult } from './lib/report.ts';
import { ratio, since } from './lib/stats.ts';

export interface AlertsOptions {
  subscribers: number;
  send: number;
  pgAdminUrl: string;
}

const NOON_IN_CHICAGO = () => new Date('2026-11-24T18:00:00Z');
const log = (s: string) => process.stderr.write(`  alerts: ${s}\n`);
const AUDIENCE = { orgIds: [], states: [], zips: [], counties: [], langs: [], topics: [], tags: [], channels: ['sms'], alsoSourceLang: false };
const TEXTS = {
  en: 'DACA renewals remain open. Call our hotline for a free screening. Reply STOP to opt out.',
  ko: 'DACA 갱신 신청은 계속 가능합니다. 무료 상담은 핫라인으로 연락하십시오. 수신거부: 중지',
  es: 'Las renovaciones de DACA siguen abiertas. Llame a nuestra línea para una consulta gratis. Responda ALTO para salir.',
};

async function waitUntil(what: string, fn: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An alert ready to fan out: status sending, three approved languages. Written directly (approval is not what is measured). */
async function makeAlert(deps: Deps, orgId: string, title: string): Promise<string> {
  const db = deps.database.db;
  const [a] = await queryRows<{ id: string }>(db, sql`
    insert into alerts (org_id, title, topic, source_lang, status, audience, started_at)
    values (${orgId}, ${title}, 'daca', 'en', 'sending', ${JSON.stringify(AUDIENCE)}::jsonb, now()) returning id`);
  for (const [lang, body] of Object.entries(TEXTS)) {
    await db.execute(sql`insert into alert_versions (alert_id, org_id, lang, sms_body, status) values (${a.id}, ${orgId}, ${lang}, ${body}, 'approved')`);
  }
  return a.id;
}

export async function run(opts: AlertsOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const loadAtStart = os.loadavg()[0];
  const dataDir = tempDir();
  const benchDb = await createBenchDatabase(opts.pgAdminUrl, 'alerts');
  let deps: Deps | null = null;
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  try {
    const env = { HAVEN_DATA_DIR: dataDir, DATABASE_URL: benchDb.url, LOG_LEVEL: 'warn', HAVEN_SEED_DEMO: 'false', HAVEN_DEMO_PASSWORD: 'bench-demo-password' };
    deps = await createDeps(loadConfig(env as NodeJS.ProcessEnv));
    // The pretend carrier counts what it is sent and keeps nothing: 200,000 stored texts would be the bench's memory, not the worker's.
    const store = createMemorySimulatorStore();
    let carrierSends = 0;
    store.insertSms = async (m) => {
      if (m.direction === 'outbound') carrierSends++;
    };
    store.updateSmsStatus = async () => {};
    deps.simulator = createSimulatorSms({ accountSid: SIMULATOR_ACCOUNT_SID, authToken: 'bench', store, deliver: async () => {} });
    const database = deps.database;
    const db = database.db;
    const [pgVersion] = await database.query<{ v: string }>(`select current_setting('server_version') as v`);
    await seedDemo(deps);
    await database.exec(`update messaging_senders set segments_per_second = null`);
    const orgs = await database.query<{ id: string; slug: string; state: string }>(
      `select id, slug, states_served[1] as state from organizations where kind = 'affiliate' order by slug`);
    const il = orgs.find((o) => o.slug === 'il');
    const network = (await database.query<{ id: string }>(`select id from organizations where kind = 'network'`))[0];
    if (!il || !network) throw new Error('demo network missing');
    const others = orgs.filter((o) => o !== il);

    // ---- subscribers: generated in SQL (nothing passes through JavaScript) ----
    const rest = opts.subscribers - opts.send;
    log(`generating ${opts.subscribers} subscribers (${opts.send} in Illinois)`);
    let t = performance.now();
    // Illinois gets --send subscribers, the other affiliates share the rest; numbers +1 2xx 5xx xxxx never used by the demo.
    await database.exec(`
      create unlogged table bench_subs as
      select g, case when g < ${opts.send} then '${il.id}'::uuid
                     else (array[${others.map((o) => `'${o.id}'::uuid`).join(',')}])[1 + (g % ${others.length})] end as org_id,
             case when g < ${opts.send} then 'IL' else (array[${others.map((o) => `'${o.state}'`).join(',')}])[1 + (g % ${others.length})] end as state,
             (array['ko','en','es'])[1 + (g % 3)] as lang,
             '+1' || (200 + (g / 10000000)::int)::text || lpad((g % 10000000)::text, 7, '0') as phone
      from generate_series(0, ${opts.subscribers - 1}) g`);
    await database.exec(`
      insert into people (org_id, given_name, family_name, preferred_language, phone_e164, state, zip)
      select org_id, 'Subscriber', g::text, lang, phone, state, lpad((10000 + g % 89999)::text, 5, '0') from bench_subs`);
    await database.exec(`
      insert into consent_events (org_id, person_id, address, channel, scope, topic, status, evidence_kind, evidence)
      select p.org_id, p.id, p.phone_e164, 'sms', 'affiliate', 'all', 'opted_in', 'import', '{"bench": true}' from people p where p.given_name = 'Subscriber'`);
    await database.exec(`
      insert into alert_subscribers (person_id, org_id, topics, source)
      select p.id, p.org_id, array['daca', 'enforcement'], 'import' from people p where p.given_name = 'Subscriber'`);
    for (const table of ['people', 'consent_events', 'alert_subscribers']) await database.exec(`vacuum analyze ${table}`);
    await database.exec(`drop table bench_subs`);
    const loadMs = since(t);
    log(`loaded in ${(loadMs / 1000).toFixed(1)} s (rest ${rest})`);

    // ---- fan-out of a network-wide alert vs a raw INSERT … SELECT of the same rows ----
    const netAlert = await makeAlert(deps, network.id, 'Network-wide bench alert');
    log('fan-out: network-wide alert');
    t = performance.now();
    const written = await db.transaction((tx) => writeDeliveries(tx, { id: netAlert, orgId: network.id, kind: 'alert', parentId: null, topic: 'daca', sourceLang: 'en', audience: AUDIENCE }, ['en', 'ko', 'es']));
    const fanOutMs = since(t);
    // The demo's own opted-in subscribers come on top of the generated ones.
    if (written < opts.subscribers) throw new Error(`fan-out wrote ${written} deliveries for ${opts.subscribers} subscribers`);
    await database.exec(`update alerts set status = 'canceled' where id = '${netAlert}'`);
    log('reference: raw INSERT … SELECT of the same rows into an index-less copy');
    await database.exec(`create table bench_deliveries_plain (like alert_deliveries including defaults)`);
    t = performance.now();
    await database.exec(`
      insert into bench_deliveries_plain (alert_id, seq, person_id, channel, lang, org_id, alert_org_id, place_state)
      select '${netAlert}', row_number() over (), p.id, 'sms', p.preferred_language, p.org_id, '${network.id}', p.state from people p
      where p.merged_into_id is null and p.phone_e164 is not null`);
    const rawMs = since(t);
    await database.exec(`drop table bench_deliveries_plain`);

    // ---- end to end: Illinois's own alert through the workers and the simulator ----
    await database.exec(`delete from alert_deliveries where alert_id = '${netAlert}'`);
    const ilAlert = await makeAlert(deps, il.id, 'Illinois bench alert');
    await startSendWorkers(deps, { now: NOON_IN_CHICAGO });
    await startAlertWorkers(deps);
    peakRss = process.memoryUsage().rss;
    const rssBefore = peakRss;
    log(`end to end: ${opts.send} texts`);
    t = performance.now();
    await db.execute(sql`update alerts set status = 'sending' where id = ${ilAlert}`);
    await fanOut(deps, ilAlert);
    const e2eFanOutMs = since(t);
    await waitUntil('the alert sent', async () => (await database.query<{ status: string }>(`select status from alerts where id = $1`, [ilAlert]))[0].status === 'sent', 30 * 60_000);
    const e2eMs = since(t);
    const [outcome] = await database.query<{ sent: number; other: number }>(
      `select count(*) filter (where o.status = 'sent')::int as sent, count(*) filter (where o.status <> 'sent')::int as other
       from alert_deliveries d join outbound_messages o on o.id = d.outbound_id where d.alert_id = $1`, [ilAlert]);
    if (outcome.sent < opts.send || carrierSends !== outcome.sent || outcome.other) throw new Error(`end to end: ${outcome.sent} sent, ${outcome.other} not, ${carrierSends} simulator sends, for ${opts.send}`);
    const rate = outcome.sent / (e2eMs / 1000);
    const fanOutRate = written / (fanOutMs / 1000);

    return {
      name: 'alerts',
      startedAt,
      durationMs: since(t0),
      params: { ...opts, pgAdminUrl: undefined, database: `PostgreSQL ${pgVersion?.v ?? ''}`.trim() },
      rows: [
        { measure: `fan-out, network-wide, ${written} deliveries`, value: fanOutMs / 1000, unit: 's', reference: 'raw INSERT … SELECT from people, no indexes', refValue: rawMs / 1000, ratio: ratio(fanOutMs, rawMs), note: `target ≤ 5 s; ${Math.round(fanOutRate)} deliveries/s` },
        { measure: `end to end, ${opts.send} texts, pacing off`, value: rate, unit: 'msg/s', reference: 'target', refValue: 2000, ratio: ratio(rate, 2000), note: `fan-out ${(e2eFanOutMs / 1000).toFixed(1)} s, then hand-over and sends; ${(e2eMs / 1000).toFixed(1)} s in all` },
        { measure: 'peak resident memory (bench + workers)', value: peakRss / 2 ** 20, unit: 'MB', reference: 'target', refValue: 512, ratio: ratio(peakRss, 512 * 2 ** 20), note: `${(rssBefore / 2 ** 20).toFixed(0)} MB before the send` },
      ],
      lines: [`load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`, `subscribers loaded in ${(loadMs / 1000).toFixed(1)} s`],
      details: { fanOutMs, rawMs, e2eMs, e2eFanOutMs, peakRssBytes: peakRss, loadMs },
    };
  } finally {
    clearInterval(rssTimer);
    if (deps) await closeDeps(deps).catch(() => {});
    if (!process.env.HAVEN_BENCH_KEEP) await benchDb.drop().catch(() => {});
    removeDir(dataDir);
  }
}
