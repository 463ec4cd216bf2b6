/**
 * People search at 100,000 people in one affiliate: latency through the API (a real HTTP
 * listener on loopback at concurrency 1, a mixed load at concurrency 4, optionally
 * app.inject) beside the same SQL run directly on the database — the physical limit of a
 * search is the database work of its own statements. Also: the same statements inside the
 * app's transaction as haven_app (row-level security on), EXPLAIN of the telling queries,
 * and prototypes of fixes measured the same way (server code is not changed; a prototype
 * is swapped in for the run only). Results and findings: docs/performance.md.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { demoEmail } from '../server/demo/demo-data.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { closeDeps, createDeps } from '../server/deps.ts';
import { orgRepo } from '../server/modules/organizations/index.ts';
import { peopleRepo } from '../server/modules/people/people.repository.ts';
import type { Deps } from '../server/platform/context.ts';
import { httpLoad } from './lib/http-load.ts';
import { createBenchDatabase } from './lib/pg-bench-db.ts';
import { removeDir, tempDir } from './lib/proc.ts';
import type { BenchResult } from './lib/report.ts';
import { since, type Summary, summarize, timeConcurrent, timeSerial } from './lib/stats.ts';
import { generatePeople } from './people/generate-people.ts';
import { loadColumns, toColumns } from './people/load-people.ts';
import { type QueryResult, rps, searchReport } from './people/search-report.ts';
import {
  appStatements, cappedStatements, TOTAL_CAP, explain, filterFor, planSummary, prototypeSearch, prototypeStatements, runAsApp, runDirect, runPrototypeAsApp, type SearchQuery, type Statement,
} from './people/search-sql.ts';

export interface PeopleSearchOptions {
  db: 'postgres' | 'pglite';
  people: number;
  requests: number;
  pgAdminUrl: string;
  /** Also measure through app.inject (no socket); off by default — it tracks HTTP c=1 within noise. */
  inject: boolean;
}

const DEMO_PASSWORD = 'bench-demo-password';
const WARMUP = 10;
const log = (s: string) => process.stderr.write(`  people-search: ${s}\n`);

const MIXED_CONCURRENCY = 4;

export async function run(opts: PeopleSearchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0];
  const t0 = performance.now();
  const n = opts.requests;
  const dataDir = tempDir();
  const env: Record<string, string> = { HAVEN_DATA_DIR: dataDir, HAVEN_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn', HAVEN_SEED_DEMO: 'false' };
  let benchDb: Awaited<ReturnType<typeof createBenchDatabase>> | null = null;
  if (opts.db === 'postgres') {
    benchDb = await createBenchDatabase(opts.pgAdminUrl, 'people');
    env.DATABASE_URL = benchDb.url;
  }
  let deps: Deps | null = null;
  let app: FastifyInstance | null = null;
  try {
    deps = await createDeps(loadConfig(env as NodeJS.ProcessEnv));
    const database = deps.database;
    const db = database.db;
    const [pgVersion] = await database.query<{ v: string }>(`select current_setting('server_version') as v`);
    await seedDemo(deps);
    const org = await orgRepo.findOrgBySlug(db, 'il');
    if (!org) throw new Error('demo affiliate "il" missing');
    const orgId = org.id;

    // ---- load ----
    log(`generating ${opts.people} people`);
    let t = performance.now();
    const generated = generatePeople(opts.people);
    const generateMs = since(t);
    t = performance.now();
    const cols = toColumns(generated);
    const keysMs = since(t);
    log('loading (reference table without indexes first, then people)');
    await database.exec(`create table bench_people_plain (like people including defaults)`);
    const plainMs = await loadColumns(database, 'bench_people_plain', orgId, cols);
    await database.exec(`drop table bench_people_plain`);
    const loadMs = await loadColumns(database, 'people', orgId, cols);
    t = performance.now();
    await database.exec(`vacuum analyze people`);
    const analyzeMs = since(t);

    // ---- the app, signed in as the demo coordinator of the affiliate ----
    app = await buildApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: demoEmail('coordinator', 'il'), password: DEMO_PASSWORD } });
    if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const headers = { cookie };
    const api = app;
    const injectOk = async (url: string) => {
      const res = await api.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res;
    };

    const phoneOwner = generated.find((p) => p.phoneE164?.startsWith('+1'))!;
    const d = phoneOwner.phoneE164!.slice(2);
    const phoneTyped = `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
    const queries: { label: string; input: SearchQuery }[] = [
      { label: 'Lee', input: { q: 'Lee' } },
      { label: '이', input: { q: '이' } },
      { label: 'Kim Minjun', input: { q: 'Kim Minjun' } },
      { label: '박지훈', input: { q: '박지훈' } },
      { label: 'Rhee', input: { q: 'Rhee' } },
      { label: 'garcia', input: { q: 'garcia' } },
      { label: `phone ${phoneTyped}`, input: { q: phoneTyped } },
      { label: 'ZIP 60625 (no name)', input: { zip: '60625' } },
    ];
    const urlOf = (input: SearchQuery) => `/api/v1/people?${new URLSearchParams(input as Record<string, string>)}`;

    // ---- floors: an API request that does (almost) nothing ----
    log('floors');
    const floor = async (url: string) => {
      await httpLoad({ port, paths: [url], requests: WARMUP, concurrency: 1, headers });
      return summarize((await httpLoad({ port, paths: [url], requests: n, concurrency: 1, headers })).latencies);
    };
    const healthz = await floor('/healthz');
    const session = await floor('/api/v1/auth/session');

    // ---- each query at each level ----
    const results: QueryResult[] = [];
    for (const { label, input } of queries) {
      log(`query ${label}`);
      const url = urlOf(input);
      const filter = filterFor(input);
      const stmts = appStatements(db, orgId, filter);
      const viaApi = (await injectOk(url)).json() as { total: number };
      const sqlTotal = Number(Object.values((await runDirect(database, stmts))[1][0] as object)[0]);
      if (sqlTotal !== viaApi.total) throw new Error(`${label}: API total ${viaApi.total} ≠ SQL total ${sqlTotal}: the bench's SQL is not the app's`);
      for (let i = 0; i < WARMUP; i++) {
        await runDirect(database, stmts);
        await runAsApp(database, orgId, stmts);
        await injectOk(url);
      }
      const direct = summarize(await timeSerial(n, () => runDirect(database, stmts)));
      const asApp = summarize(await timeSerial(n, () => runAsApp(database, orgId, stmts)));
      const inject = opts.inject ? summarize(await timeSerial(n, () => injectOk(url))) : null;
      await httpLoad({ port, paths: [url], requests: WARMUP, concurrency: 1, headers });
      const http1 = summarize((await httpLoad({ port, paths: [url], requests: n, concurrency: 1, headers })).latencies);
      results.push({ label, url, matches: viaApi.total, direct, asApp, inject, http1 });
    }

    // ---- a surge: several volunteers searching at once, the queries mixed ----
    log(`mixed load, concurrency ${MIXED_CONCURRENCY}`);
    const mixedN = 2 * n;
    const allStmts = queries.map((q) => appStatements(db, orgId, filterFor(q.input)));
    const allUrls = queries.map((q) => urlOf(q.input));
    const directMixed = await timeConcurrent(mixedN, MIXED_CONCURRENCY, (i) => runDirect(database, allStmts[i % allStmts.length]));
    const apiMixed = await httpLoad({ port, paths: allUrls, requests: mixedN, concurrency: MIXED_CONCURRENCY, headers });

    // ---- plans ----
    log('explain');
    const planOf = async (label: string, which: 0 | 1, asApp: boolean, stmts?: Statement[]) => {
      const q = queries.find((x) => x.label === label)!;
      return explain(database, orgId, (stmts ?? appStatements(db, orgId, filterFor(q.input)))[which], asApp);
    };
    const plans: Record<string, string> = {};
    for (const label of ['박지훈', 'Lee', 'Kim Minjun', 'garcia']) {
      plans[`${label} count, direct`] = await planOf(label, 1, false);
      plans[`${label} page, direct`] = await planOf(label, 0, false);
      plans[`${label} count, as app (RLS)`] = await planOf(label, 1, true);
      plans[`${label} page, as app (RLS)`] = await planOf(label, 0, true);
    }
    const phoneLabel = queries[6].label;
    plans[`${phoneLabel} count, as app (RLS)`] = await planOf(phoneLabel, 1, true);

    // ---- prototypes: the database work of a request (as haven_app, RLS on), changed one way at a time ----
    log('prototypes');
    const m = Math.max(50, Math.floor(n / 4));
    const variantFn = async (make: (f: ReturnType<typeof filterFor>) => () => Promise<unknown>) => {
      const out: Summary[] = [];
      for (const { input } of queries) {
        const once = make(filterFor(input));
        for (let i = 0; i < 3; i++) await once();
        out.push(summarize(await timeSerial(m, once)));
      }
      return out;
    };
    const variant = (make: (f: ReturnType<typeof filterFor>) => Statement[]) =>
      variantFn((f) => {
        const stmts = make(f);
        return () => runAsApp(database, orgId, stmts);
      });
    const noCount = await variant((f) => appStatements(db, orgId, f).slice(0, 1));
    const capped = await variant((f) => cappedStatements(db, orgId, f));
    // What the trigram and phone indexes would give under RLS: `LIKE` (textlike) is not
    // LEAKPROOF, so PostgreSQL may not use it as an index condition below a row-level
    // security policy. Marking it so (superuser, this throw-away database only) lifts that.
    await database.exec(`alter function textlike(text, text) leakproof`);
    const leakproof = await variant((f) => appStatements(db, orgId, f));
    const combined = await variantFn((f) => {
      const p = prototypeStatements(db, orgId, f);
      return () => runPrototypeAsApp(database, orgId, p);
    });
    for (const label of ['박지훈', 'Lee', 'Kim Minjun', 'garcia']) {
      const p = prototypeStatements(db, orgId, filterFor(queries.find((q) => q.label === label)!.input));
      plans[`${label} capped count, as app, all prototype changes`] = await explain(database, orgId, p.cappedCount, true);
      const many = results.find((r) => r.label === label)!.matches > TOTAL_CAP; // the plain page statement, as prototypeSearch picks
      plans[`${label} page (${many ? 'plain' : 'fenced'}), as app, all prototype changes`] = await explain(database, orgId, many ? p.plainPage : p.fencedPage, true);
    }
    plans[`${phoneLabel} capped count, as app, all prototype changes`] = await explain(database, orgId, prototypeStatements(db, orgId, filterFor(queries[6].input)).cappedCount, true);
    // The same end to end: the app with the prototype search swapped in for this run only.
    const original = peopleRepo.search;
    const protoApi: Summary[] = [];
    let protoMixed = { latencies: [] as number[], wallMs: NaN };
    peopleRepo.search = prototypeSearch as typeof peopleRepo.search;
    try {
      for (const { input } of queries) {
        const url = urlOf(input);
        await httpLoad({ port, paths: [url], requests: WARMUP, concurrency: 1, headers });
        protoApi.push(summarize((await httpLoad({ port, paths: [url], requests: n, concurrency: 1, headers })).latencies));
      }
      protoMixed = await httpLoad({ port, paths: allUrls, requests: mixedN, concurrency: MIXED_CONCURRENCY, headers });
    } finally {
      peopleRepo.search = original;
    }

    // ---- report ----
    const mixed = { n: mixedN, concurrency: MIXED_CONCURRENCY, direct: directMixed, api: apiMixed, prototype: protoMixed };
    const { rows, tables } = searchReport({ opts, n, m, load: { loadMs, plainMs, keysMs }, results, mixed, floors: { healthz, session }, proto: { noCount, capped, leakproof, combined, api: protoApi } });
    const lines = [`${n} requests per query and level (${m} per prototype variant); load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`, '', 'EXPLAIN (ANALYZE, BUFFERS) — scan nodes and execution time:', ...Object.entries(plans).map(([k, v]) => `  ${k}: ${planSummary(v)}`)];
    return {
      name: `people-search${opts.db === 'pglite' ? '-pglite' : ''}`,
      startedAt,
      durationMs: since(t0),
      params: { ...opts, pgAdminUrl: undefined, database: `${opts.db} ${pgVersion?.v ?? ''}`.trim(), prototypeRuns: m },
      rows,
      tables,
      lines,
      details: {
        load: { generateMs, keysMs, plainMs, loadMs, analyzeMs },
        floors: { healthz, session },
        mixed: { concurrency: MIXED_CONCURRENCY, requests: mixedN, ...Object.fromEntries((['direct', 'api', 'prototype'] as const).map((k) => [k, { ...summarize(mixed[k].latencies), rps: rps(mixed[k]) }])) },
        queries: results,
        prototypes: queries.map((q, i) => ({ label: q.label, asIs: results[i].asApp, noCount: noCount[i], capped: capped[i], leakproof: leakproof[i], combined: combined[i], api: protoApi[i] })),
        plans,
      },
    };
  } finally {
    await app?.close().catch(() => {});
    if (deps) await closeDeps(deps).catch(() => {});
    removeDir(dataDir);
    if (benchDb) await benchDb.drop().catch((err) => log(`could not drop ${benchDb!.name}: ${err}`));
  }
}
