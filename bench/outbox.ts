/**
 * The outbox end to end on PostgreSQL: N broadcast texts (every recipient opted in) put in
 * the outbox by enqueueMessages and sent by the real send workers (pg-boss jobs, claim,
 * consent / bad-number / quiet-hours checks, provider call, one recording transaction per
 * batch) to the simulator, pacing off. Compared with the same rows through a bare
 * INSERT + SKIP LOCKED outbox on the same database in the same run. Then 30 s of sends at
 * 100 segments/s on one number, and how far the achieved rate is from it.
 *
 * The simulator here keeps its records in memory and drops its status callbacks: the
 * provider's own bookkeeping is not Haven's cost, and callbacks are handled by the web
 * processes, not the send worker (their path is covered by the integration tests).
 * Quiet hours are judged at noon Chicago time so the figure does not depend on the hour.
 */
import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { closeDeps, createDeps, SIMULATOR_ACCOUNT_SID } from '../server/deps.ts';
import { createSimulatorSms } from '../server/integrations/sms/simulator.adapter.ts';
import { createMemorySimulatorStore } from '../server/integrations/sms/simulator-store.ts';
import { enqueueMessages, startSendWorkers } from '../server/modules/messaging/index.ts';
import { messagingSenders, outboundMessages } from '../server/modules/messaging/messaging.table.ts';
import { orgRepo } from '../server/modules/organizations/index.ts';
import type { Deps } from '../server/platform/context.ts';
import { createBenchDatabase } from './lib/pg-bench-db.ts';
import { removeDir, tempDir } from './lib/proc.ts';
import type { BenchResult } from './lib/report.ts';
import { ratio, since } from './lib/stats.ts';
import { pacingError } from './outbox/pacing-error.ts';
import { rawOutbox } from './outbox/reference.ts';

export interface OutboxOptions {
  messages: number;
  pacingSeconds: number;
  segmentsPerSecond: number;
  pgAdminUrl: string;
}

const ENQUEUE_CHUNK = 10_000;
const NOON_IN_CHICAGO = () => new Date('2026-11-24T18:00:00Z');
const log = (s: string) => process.stderr.write(`  outbox: ${s}\n`);
const phone = (i: number) => `+1312${String(2_000_000 + i).padStart(7, '0')}`;
const BODY = 'DACA renewal clinic Saturday 10am, 123 Main St. Bring your EAD card. Reply STOP to opt out.';
// GSM-7 bodies of 1, 2 and 3 segments (160, 306 and 459 characters at most).
const PACED_BODIES = [BODY, `${BODY} ${'x'.repeat(200 - BODY.length)}`, `${BODY} ${'y'.repeat(400 - BODY.length)}`];

async function waitUntil(what: string, fn: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function run(opts: OutboxOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const loadAtStart = os.loadavg()[0];
  const dataDir = tempDir();
  const benchDb = await createBenchDatabase(opts.pgAdminUrl, 'outbox');
  let deps: Deps | null = null;
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  try {
    const env = { HAVEN_DATA_DIR: dataDir, DATABASE_URL: benchDb.url, LOG_LEVEL: 'warn', HAVEN_SEED_DEMO: 'false', HAVEN_DEMO_PASSWORD: 'bench-demo-password' };
    deps = await createDeps(loadConfig(env as NodeJS.ProcessEnv));
    const store = createMemorySimulatorStore();
    deps.simulator = createSimulatorSms({ accountSid: SIMULATOR_ACCOUNT_SID, authToken: 'bench', store, deliver: async () => {} });
    const db = deps.database.db;
    const [pgVersion] = await deps.database.query<{ v: string }>(`select current_setting('server_version') as v`);
    await seedDemo(deps);
    const org = await orgRepo.findOrgBySlug(db, 'il');
    if (!org) throw new Error('demo affiliate "il" missing');
    const [sender] = await db.select().from(messagingSenders).where(eq(messagingSenders.orgId, org.id));
    await db.update(messagingSenders).set({ segmentsPerSecond: null }).where(eq(messagingSenders.id, sender.id));

    log(`recording opt-ins for ${opts.messages} numbers`);
    await deps.database.exec(`
      insert into consent_events (org_id, address, channel, scope, topic, status, evidence_kind, evidence)
      select '${org.id}', '+1312' || lpad((2000000 + g)::text, 7, '0'), 'sms', 'affiliate', 'all', 'opted_in', 'import', '{"bench": true}'
      from generate_series(0, ${opts.messages - 1}) g`);
    await deps.database.exec(`vacuum analyze consent_events`);

    // ---- reference: bare INSERT + SKIP LOCKED claim of the same rows ----
    const rows = Array.from({ length: opts.messages }, (_, i) => ({ to: phone(i), body: BODY }));
    log('reference: plain INSERT + SKIP LOCKED claim');
    const ref = await rawOutbox(benchDb.url, rows, { orgId: org.id, senderId: sender.id, concurrency: 4, chunk: 1000, batch: 100 });

    // ---- the pipeline, pacing off ----
    await startSendWorkers(deps, { now: NOON_IN_CHICAGO });
    const sentCount = async () => (await deps!.database.query<{ n: number }>(`select count(*)::int as n from outbound_messages where status = 'sent'`))[0].n;
    log(`pipeline: ${opts.messages} messages`);
    const t = performance.now();
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
      const part = rows.slice(i, i + ENQUEUE_CHUNK);
      await db.transaction((tx) =>
        enqueueMessages(deps!, tx, { orgId: org.id, messages: part.map((r) => ({ channel: 'sms', to: r.to, lang: 'en', body: r.body, kind: 'broadcast' })) }),
      );
    }
    const enqueueMs = since(t);
    await waitUntil('every message sent', async () => (await sentCount()) >= opts.messages, 30 * 60_000);
    const pipelineMs = since(t);
    const sends = (await store.listSms()).filter((m) => m.direction === 'outbound');
    const [outcome] = await deps.database.query<{ sent: number; other: number }>(
      `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other from outbound_messages`,
    );
    const distinct = new Set(sends.map((m) => m.to)).size;
    if (sends.length !== opts.messages || distinct !== opts.messages || outcome.other !== 0) {
      throw new Error(`pipeline: ${sends.length} sends to ${distinct} numbers, ${outcome.other} messages not sent, for ${opts.messages} messages`);
    }
    const pipelineRss = peakRss;

    // ---- pacing ----
    const seconds = opts.pacingSeconds;
    const rate = opts.segmentsPerSecond;
    const pacedCount = Math.round((seconds * rate) / 2); // bodies of 1, 2 and 3 segments: 2 on average
    log(`pacing: ${pacedCount} messages at ${rate} segments/s (~${seconds} s)`);
    await db.update(messagingSenders).set({ segmentsPerSecond: rate, pacingNextAt: new Date(0) }).where(eq(messagingSenders.id, sender.id));
    const before = sends.length;
    const { ids } = await db.transaction((tx) =>
      enqueueMessages(deps!, tx, {
        orgId: org.id,
        messages: Array.from({ length: pacedCount }, (_, i) => ({ channel: 'sms' as const, to: phone(i), lang: 'en' as const, body: PACED_BODIES[i % 3], kind: 'broadcast' as const })),
      }),
    );
    await waitUntil('every paced message sent', async () => {
      const [r] = await deps!.database.query<{ n: number }>(`select count(*)::int as n from outbound_messages where status = 'sent' and id = any($1::uuid[])`, [ids]);
      return r.n === ids.length;
    }, (seconds * 3 + 60) * 1000);
    const segmentsBy = new Map((await db.select({ providerId: outboundMessages.providerId, segments: outboundMessages.segments }).from(outboundMessages).where(sql`${outboundMessages.id} = any(${sql.param(ids)}::uuid[])`)).map((r) => [r.providerId, r.segments]));
    const paced = (await store.listSms()).slice(before).filter((m) => m.direction === 'outbound').map((m) => ({ at: m.createdAt, segments: segmentsBy.get(m.providerId) ?? NaN }));
    if (paced.length !== pacedCount || paced.some((p) => Number.isNaN(p.segments))) throw new Error(`pacing: ${paced.length} sends for ${pacedCount} messages`);
    const p = pacingError(paced, rate);

    const pipelineRate = opts.messages / (pipelineMs / 1000);
    const refRate = opts.messages / (ref.totalMs / 1000);
    return {
      name: 'outbox',
      startedAt,
      durationMs: since(t0),
      params: { ...opts, pgAdminUrl: undefined, database: `PostgreSQL ${pgVersion?.v ?? ''}`.trim(), workerConcurrency: 4, batch: 100 },
      rows: [
        { measure: `pipeline, ${opts.messages} texts, pacing off`, value: pipelineRate, unit: 'msg/s', reference: 'INSERT + SKIP LOCKED claim, same rows', refValue: refRate, ratio: ratio(pipelineRate, refRate), note: 'target ≥ 2,000 msg/s' },
        { measure: 'enqueue (outbox rows + jobs)', value: opts.messages / (enqueueMs / 1000), unit: 'msg/s', reference: 'plain multi-row INSERT, same rows', refValue: opts.messages / (ref.insertMs / 1000), ratio: ratio(ref.insertMs, enqueueMs) },
        { measure: `paced send, ${rate} segments/s`, value: p.rate, unit: 'seg/s', reference: 'configured rate', refValue: rate, ratio: ratio(p.rate, rate), note: `pacing error ${p.errorPct.toFixed(2)} % (target ≤ 5 %); ${p.messages} messages, ${p.segments} segments over ${p.elapsed.toFixed(1)} s; fullest second ${p.fullestSecond} segments` },
        { measure: 'peak resident memory (bench + workers)', value: pipelineRss / 2 ** 20, unit: 'MB' },
      ],
      lines: [`load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`],
      details: { pipelineMs, enqueueMs, reference: ref, pacing: p, peakRssBytes: pipelineRss },
    };
  } finally {
    clearInterval(rssTimer);
    if (deps) await closeDeps(deps).catch(() => {});
    removeDir(dataDir);
    await benchDb.drop().catch((err) => log(`could not drop ${benchDb.name}: ${err}`));
  }
}
