/**
 * The hotline under a surge, on PostgreSQL, against a real `haven start` process (web and
 * worker in one, as the default runs) on loopback:
 *
 * 1. Inbound SMS webhooks, signed as Twilio signs them, at a fixed rate (default 500/s for
 *    30 s) from 5,000 different phones: p50/p99 from each request's planned start, errors,
 *    beside a bare Fastify endpoint that parses the same form bodies, loaded the same way in
 *    the same run. Then how long the worker takes to file every text into a conversation.
 * 2. The inbox during the surge: 20 on-call responders, each signed in, listing their
 *    conversations, the unassigned queue and one language at once — p95 through the API
 *    (target < 200 ms), beside /healthz at the same concurrency.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import pg from 'pg';
import twilio from 'twilio';
import { createBenchDatabase, withAdmin } from './lib/pg-bench-db.ts';
import { freePort, HAVEN_BIN, havenEnv, killGroup, memoryOf, removeDir, spawnGroup, tempDir, waitFor200 } from './lib/proc.ts';
import { httpLoad } from './lib/http-load.ts';
import { rateLoad, type RateRequest } from './lib/rate-load.ts';
import { type BenchResult, repoRoot } from './lib/report.ts';
import { ratio, since, summarize } from './lib/stats.ts';

export interface HotlineOptions {
  rate: number;
  seconds: number;
  phones: number;
  responders: number;
  /** Web and worker as separate processes (the production shape) instead of one `haven start`. */
  split: boolean;
  pgAdminUrl: string;
}

const TOKEN = 'bench-simulator-token';
const PASSWORD = 'bench-demo-password';
const HOTLINE = '+13125550100'; // the demo Illinois hotline number
const BODIES = ['안녕하세요, DACA 갱신 문의드립니다', 'Hi, I need help with my DACA renewal', 'Hola, necesito ayuda con mi renovación de DACA', '남편이 오늘 아침에 체포됐어요', 'ICE is at my neighbor’s door right now'];
const LANGS = [['ko'], ['en'], ['es'], ['ko', 'en'], ['es', 'en']];
const log = (s: string) => process.stderr.write(`  hotline: ${s}\n`);

function webhookRequests(url: string, n: number, phones: number): RateRequest[] {
  const path = new URL(url).pathname;
  return Array.from({ length: n }, (_, i) => {
    const sid = `SM${crypto.randomBytes(16).toString('hex')}`;
    const params = {
      AccountSid: `AC${'0'.repeat(32)}`, ApiVersion: '2010-04-01', MessageSid: sid, SmsMessageSid: sid, SmsSid: sid, SmsStatus: 'received',
      From: `+1773${String(2_000_000 + (i % phones)).padStart(7, '0')}`, To: HOTLINE, Body: BODIES[i % BODIES.length], NumMedia: '0', NumSegments: '1', FromState: 'IL',
    };
    return {
      path,
      body: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, params) },
    };
  });
}

/** The floor: Fastify with the same form parser, answering the same empty TwiML. */
async function bareFastify() {
  const app = Fastify({ logger: false });
  await app.register(formbody);
  app.post('/webhooks/twilio/sms', async (req, reply) => reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>'));
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { app, port };
}

async function signIn(port: number, email: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('haven_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

/** 20 responders on call now in the demo Illinois affiliate, signing in with the demo password, no second factor. */
async function addResponders(db: pg.Client, orgId: string, n: number): Promise<string[]> {
  const { rows: [{ password_hash }] } = await db.query(`select password_hash from users where password_hash is not null limit 1`);
  await db.query(`update organizations set mfa_required_for_sensitive = false where id = $1`, [orgId]);
  const emails: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `bench.responder${i}@demo.haven.local`;
    const { rows: [u] } = await db.query(`insert into users (email, display_name, password_hash, language) values ($1, $2, $3, 'en') returning id`, [email, `Responder ${i}`, password_hash]);
    await db.query(`insert into memberships (user_id, org_id, role) values ($1, $2, 'responder')`, [u.id, orgId]);
    await db.query(`insert into hotline_responders (org_id, user_id, languages, phone_e164, max_open) values ($1, $2, $3, $4, 8)`, [orgId, u.id, LANGS[i % LANGS.length], `+1312777${String(1000 + i)}`]);
    await db.query(`insert into hotline_shift_overrides (org_id, user_id, kind, role, starts_at, ends_at) values ($1, $2, 'on', 'primary', now() - interval '1 hour', now() + interval '3 hours')`, [orgId, u.id]);
    emails.push(email);
  }
  return emails;
}

export async function run(opts: HotlineOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const loadAtStart = os.loadavg()[0];
  const benchDb = await createBenchDatabase(opts.pgAdminUrl, 'hotline');
  const dataDir = tempDir();
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const env = (p: number) =>
    havenEnv({
      DATABASE_URL: benchDb.url, HAVEN_DATA_DIR: dataDir, HAVEN_DEMO_PASSWORD: PASSWORD, PORT: String(p), HOST: '127.0.0.1', PUBLIC_URL: publicUrl,
      HAVEN_INTERNAL_URL: publicUrl, SMS_SIMULATOR_AUTH_TOKEN: TOKEN, HAVEN_SEED_DEMO: 'true', LOG_LEVEL: 'warn',
    });
  // --split: the production shape, a web process and a worker process; otherwise one process doing both.
  const child = spawnGroup(process.execPath, [HAVEN_BIN, 'start', ...(opts.split ? ['--role', 'web'] : [])], { cwd: repoRoot, env: env(port) });
  const worker = opts.split ? spawnGroup(process.execPath, [HAVEN_BIN, 'start', '--role', 'worker'], { cwd: repoRoot, env: env(await freePort()) }) : null;
  const db = new pg.Client({ connectionString: benchDb.url });
  const bare = await bareFastify();
  try {
    await waitFor200(`${publicUrl}/healthz`, child, 180_000, 50);
    await db.connect();
    const { rows: [org] } = await db.query(`select o.id from organizations o join messaging_senders s on s.org_id = o.id where s.phone_e164 = $1`, [HOTLINE]);
    if (!org) throw new Error(`demo number ${HOTLINE} not found`);
    const emails = await addResponders(db, org.id, opts.responders);

    const n = opts.rate * opts.seconds;
    log(`bare Fastify: ${n} webhooks at ${opts.rate}/s`);
    const bareUrl = `http://127.0.0.1:${bare.port}/webhooks/twilio/sms`;
    const bareRun = await rateLoad({ port: bare.port, requests: webhookRequests(bareUrl, n, opts.phones), rate: opts.rate });
    await bare.app.close();

    log(`Haven: ${n} signed webhooks at ${opts.rate}/s from ${opts.phones} phones`);
    const havenRun = await rateLoad({ port, requests: webhookRequests(`${publicUrl}/webhooks/twilio/sms`, n, opts.phones), rate: opts.rate });
    const memAfterLoad = memoryOf(child.pid);
    const loadEnded = performance.now();
    // The webhook only records the text and queues the hand-off; the worker files it into a conversation.
    let filed = 0;
    for (const end = Date.now() + 10 * 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
      const { rows: [r] } = await db.query(`select count(*)::int as n, count(conversation_id)::int as filed from inbound_messages where org_id = $1`, [org.id]);
      filed = r.filed;
      if (r.filed >= (havenRun.statuses['200'] ?? 0)) break;
    }
    const drainMs = since(loadEnded);
    const { rows: [conv] } = await db.query(`select count(*)::int as n, count(assigned_to)::int as assigned from conversations where org_id = $1`, [org.id]);

    log(`inbox: ${emails.length} responders listing at once`);
    const cookies = await Promise.all(emails.map((e) => signIn(port, e)));
    const paths = ['/api/v1/hotline/conversations?assigned=me', '/api/v1/hotline/conversations?assigned=unassigned', '/api/v1/hotline/conversations?lang=ko', '/api/v1/hotline/conversations?urgency=emergency'];
    const perUser = 40;
    const inbox = await Promise.all(cookies.map((cookie) => httpLoad({ port, paths, requests: perUser, concurrency: 1, headers: { cookie } })));
    const health = await Promise.all(cookies.map(() => httpLoad({ port, paths: ['/healthz'], requests: perUser, concurrency: 1 })));
    const inboxS = summarize(inbox.flatMap((r) => r.latencies));
    const healthS = summarize(health.flatMap((r) => r.latencies));

    const hs = summarize(havenRun.latencies);
    const bs = summarize(bareRun.latencies);
    const errors = n - (havenRun.statuses['200'] ?? 0);
    return {
      name: opts.split ? 'hotline-split' : 'hotline',
      startedAt,
      durationMs: since(t0),
      params: { ...opts, pgAdminUrl: undefined, requests: n },
      rows: [
        { measure: `SMS webhook p50 at ${opts.rate}/s`, value: hs.p50, unit: 'ms', reference: 'bare Fastify, same bodies', refValue: bs.p50, ratio: ratio(hs.p50, bs.p50) },
        { measure: `SMS webhook p99 at ${opts.rate}/s`, value: hs.p99, unit: 'ms', reference: 'bare Fastify, same bodies', refValue: bs.p99, ratio: ratio(hs.p99, bs.p99), note: `errors ${errors} of ${n} (${JSON.stringify(havenRun.statuses)}); bare ${JSON.stringify(bareRun.statuses)}` },
        { measure: 'texts filed into conversations after the load', value: drainMs / 1000, unit: 's', note: `${filed} texts → ${conv.n} conversations, ${conv.assigned} assigned to on-call responders` },
        { measure: `inbox list p95, ${emails.length} responders at once`, value: inboxS.p95, unit: 'ms', reference: '/healthz, same concurrency', refValue: healthS.p95, ratio: ratio(inboxS.p95, healthS.p95), note: `target < 200 ms; p50 ${inboxS.p50.toFixed(1)} ms, p99 ${inboxS.p99.toFixed(1)} ms over ${inboxS.n} requests` },
        { measure: 'Haven resident memory after the load', value: memAfterLoad.rssMb, unit: 'MB' },
      ],
      lines: [`load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`],
      details: { haven: hs, bare: bs, statuses: havenRun.statuses, drainMs, conversations: conv, inbox: inboxS, health: healthS },
    };
  } finally {
    await bare.app.close().catch(() => {});
    await db.end().catch(() => {});
    await killGroup(child);
    if (worker) await killGroup(worker);
    removeDir(dataDir);
    if (process.env.HAVEN_BENCH_KEEP) await keepDatabase(opts.pgAdminUrl, benchDb.name);
    else await benchDb.drop().catch((err) => log(`could not drop ${benchDb.name}: ${err}`));
  }
}

/** HAVEN_BENCH_KEEP=1: keep the surge's database as haven_keep_hotline, to look at its plans afterwards (EXPLAIN). */
async function keepDatabase(adminUrl: string, name: string) {
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('drop database if exists haven_keep_hotline with (force)');
    await admin.query(`alter database ${name} rename to haven_keep_hotline`);
  });
  log('database kept as haven_keep_hotline');
}
