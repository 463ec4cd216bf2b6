/**
 * Cases at network scale: 1,000,000 people across the demo affiliates (Korean, Spanish and
 * English names, conflict keys, sealed dates of birth) and 200,000 DACA records with their
 * reminders, on a fresh PostgreSQL database. Measured, each beside its physical limit in
 * the same run:
 *  - loading: COPY into people (its five indexes) vs the same file into an index-less copy;
 *  - the upcoming-renewals list of one affiliate (listUpcomingRenewals, as the app runs it:
 *    haven_app, row-level security, audit row) vs its SQL run bare as the superuser, over
 *    varied windows; also the SQL as haven_app and the index-only range count;
 *  - the conflict check of one name against everyone (conflictCandidates: keys, GIN
 *    pre-filter, dates opened, matchParty) vs the bare `conflict_keys && $1`, over varied
 *    names and spellings.
 * Results: docs/performance.md §5.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { closeDeps, createDeps, systemCtx } from '../server/deps.ts';
import { queryRows } from '../server/db/rows.ts';
import { dacaReference } from '../server/modules/cases/daca-records.ts';
import { listUpcomingRenewals } from '../server/modules/cases/daca-renewals.ts';
import { addDays } from '../server/modules/cases/screening-dates.ts';
import { backfillConflictKeys, CANDIDATE_LIMIT, candidateQuery, conflictCandidates, partyConflictKeys } from '../server/modules/legal-network/conflict-candidates.ts';
import type { Deps } from '../server/platform/context.ts';
import { createBenchDatabase } from './lib/pg-bench-db.ts';
import { removeDir, tempDir } from './lib/proc.ts';
import type { BenchResult, Row } from './lib/report.ts';
import { ratio, since, type Summary, summarize, timeSerial } from './lib/stats.ts';
import { type Affiliate, copyFile, loadDaca, PEOPLE_COLUMNS, writeCopyFile } from './cases/load-cases.ts';
import { conflictNames } from './cases/conflict-names.ts';
import { rangeCountStatements, RENEWALS_MAX_ROWS, renewalsStatements } from './cases/renewals-sql.ts';
import { generatePeople } from './people/generate-people.ts';
import { explain, planSummary, runAsApp, runDirect } from './people/search-sql.ts';

export interface CasesOptions {
  people: number;
  requests: number;
  pgAdminUrl: string;
}

const WARMUP = 10;
const WINDOWS = [30, 60, 90, 120, 150, 180, 240, 365, 540, 730];
const log = (s: string) => process.stderr.write(`  cases: ${s}\n`);

export async function run(opts: CasesOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0];
  const t0 = performance.now();
  const n = opts.requests;
  const dataDir = tempDir();
  const copyPath = path.join(dataDir, 'people.copy');
  const benchDb = await createBenchDatabase(opts.pgAdminUrl, 'cases');
  const env: Record<string, string> = { HAVEN_DATA_DIR: dataDir, DATABASE_URL: benchDb.url, LOG_LEVEL: 'warn', HAVEN_SEED_DEMO: 'false', HAVEN_DEMO_PASSWORD: 'bench-demo-password' };
  let deps: Deps | null = null;
  try {
    deps = await createDeps(loadConfig(env as NodeJS.ProcessEnv));
    const database = deps.database;
    const db = database.db;
    const [pgVersion] = await database.query<{ v: string }>(`select current_setting('server_version') as v`);
    await seedDemo(deps);
    const orgs = await database.query<{ id: string; slug: string }>(`select id, slug from organizations where kind = 'affiliate' order by slug`);
    // The Illinois affiliate (the one measured) holds 30 %, the others share the rest.
    const affiliates: Affiliate[] = orgs.map((o) => ({ ...o, weight: o.slug === 'il' ? 30 : 70 / (orgs.length - 1) }));
    const il = orgs.find((o) => o.slug === 'il');
    if (!il) throw new Error('demo affiliate "il" missing');

    // ---- load ----
    log(`generating ${opts.people} people`);
    let t = performance.now();
    const generated = generatePeople(opts.people);
    const generateMs = since(t);
    log('keys, sealed dates of birth, COPY file');
    const { people, ms: keysMs, keys: keyCount } = await writeCopyFile(copyPath, generated, affiliates, deps.keyring, db);
    const copyBytes = fs.statSync(copyPath).size;
    log('COPY into an index-less table (reference), then into people');
    await database.exec(`create table bench_people_plain (like people including defaults)`);
    const plainMs = await copyFile(benchDb.url, 'bench_people_plain', PEOPLE_COLUMNS, copyPath);
    await database.exec(`drop table bench_people_plain`);
    const loadMs = await copyFile(benchDb.url, 'people', PEOPLE_COLUMNS, copyPath);
    fs.rmSync(copyPath, { force: true });
    const dacaCount = Math.min(200_000, Math.floor(opts.people / 5));
    log(`${dacaCount} DACA records and their reminders`);
    const dacaMs = await loadDaca(database, dacaCount);
    t = performance.now();
    for (const table of ['people', 'daca_records', 'daca_reminders']) await database.exec(`vacuum analyze ${table}`);
    const analyzeMs = since(t);
    const [counts] = await database.query<{ people: string; daca: string; il_daca: string; reminders: string }>(
      `select (select count(*) from people) as people, (select count(*) from daca_records) as daca,
              (select count(*) from daca_records where org_id = $1) as il_daca, (select count(*) from daca_reminders) as reminders`,
      [il.id],
    );

    // ---- (a) upcoming renewals of one affiliate ----
    log('renewals');
    const ref = await dacaReference(db);
    const today = new Date().toISOString().slice(0, 10);
    // Every tenth run asks for 'initial_required' (no lower bound), like the clinic's filter.
    const windowOf = (i: number) => ({ withinDays: WINDOWS[i % WINDOWS.length], initial: i % 10 === 9 });
    const stmtOf = (i: number, count = false) => {
      const w = windowOf(i);
      const from = w.initial ? null : addDays(today, -ref.initialAfterExpiredDays);
      return (count ? rangeCountStatements : renewalsStatements)(il.id, today, from, addDays(today, w.withinDays));
    };
    const ctx = systemCtx(deps, il.id);
    const verb = (i: number) => {
      const w = windowOf(i);
      return listUpcomingRenewals({ ctx, input: { withinDays: w.withinDays, ...(w.initial ? { state: 'initial_required' as const } : {}) } });
    };
    const rowsPerWindow: Record<string, number> = {};
    for (let i = 0; i < WINDOWS.length; i++) {
      const listed = (await verb(i)).items.length;
      const bare = Math.min(RENEWALS_MAX_ROWS, (await runDirect(database, stmtOf(i))).reduce((n, rows) => n + rows.length, 0));
      // The 'initial_required' run filters by state after the query: only the rows can be compared.
      if (windowOf(i).initial) {
        rowsPerWindow['initial_required'] = bare;
        continue;
      }
      if (listed !== bare) throw new Error(`renewals ${WINDOWS[i]} days: verb listed ${listed}, bare SQL ${bare}: the bench's SQL is not the app's`);
      rowsPerWindow[WINDOWS[i]] = bare;
    }
    for (let i = 0; i < WARMUP; i++) {
      await verb(i);
      await runDirect(database, stmtOf(i));
      await runAsApp(database, il.id, stmtOf(i));
    }
    const renewVerb = summarize(await timeSerial(n, (i) => verb(i)));
    const renewApp = summarize(await timeSerial(n, (i) => runAsApp(database, il.id, stmtOf(i))));
    const renewBare = summarize(await timeSerial(n, (i) => runDirect(database, stmtOf(i))));
    const renewRange = summarize(await timeSerial(n, (i) => runDirect(database, stmtOf(i, true))));

    // ---- (b) the conflict check of one name against everyone ----
    log('conflict check');
    const names = conflictNames(people, n);
    const scope = { networkWide: true as const, keyring: deps.keyring };
    const keysOf = names.map((x) => partyConflictKeys(x.party));
    const bareSql = `select id from people where conflict_keys && $1::text[] limit ${CANDIDATE_LIMIT + 1}`;
    const sharing: number[] = [];
    for (const k of keysOf) sharing.push(Number((await database.query<{ c: string }>(`select count(*) as c from people where conflict_keys && $1::text[]`, [k]))[0].c));
    for (let i = 0; i < WARMUP; i++) {
      await conflictCandidates(db, names[i].party, scope);
      await database.query(bareSql, [keysOf[i]]);
    }
    const results: Awaited<ReturnType<typeof conflictCandidates>>[] = [];
    const conflictFull = summarize(await timeSerial(n, async (i) => results.push(await conflictCandidates(db, names[i].party, scope))));
    const conflictDrizzle = summarize(await timeSerial(n, (i) => queryRows(db, candidateQuery(keysOf[i], scope))));
    const conflictBare = summarize(await timeSerial(n, (i) => database.query(bareSql, [keysOf[i]])));
    const keysOnly = summarize(await timeSerial(n, async (i) => partyConflictKeys(names[i].party)));
    const truncated = results.filter((r) => r.truncated).length;
    const withMatch = results.filter((r) => r.matches.length).length;

    // ---- plans ----
    log('explain');
    const plans: Record<string, string> = {};
    const i180 = WINDOWS.indexOf(180);
    plans['renewals 180 days (upcoming part), bare'] = await explain(database, il.id, stmtOf(i180)[0], false);
    plans['renewals 180 days (upcoming part), as app (RLS)'] = await explain(database, il.id, stmtOf(i180)[0], true);
    plans['renewals initial_required (lapsed part), as app (RLS)'] = await explain(database, il.id, stmtOf(9)[1], true);
    const busiest = sharing.indexOf(Math.max(...sharing));
    plans[`conflict, typical name (${names[0].label})`] = await explain(database, il.id, { sql: bareSql, params: [keysOf[0]] }, false);
    plans[`conflict, most shared name (${names[busiest].label})`] = await explain(database, il.id, { sql: bareSql, params: [keysOf[busiest]] }, false);

    // ---- backfill: rows written before conflict_keys existed ----
    const backfillRows = Math.min(20_000, opts.people);
    await database.exec(`update people set conflict_keys = '{}' where id in (select id from people order by id limit ${backfillRows})`);
    t = performance.now();
    const backfilled = await backfillConflictKeys(db, 5_000);
    const backfillMs = since(t);

    // ---- report ----
    const row = (measure: string, value: number, unit: string, reference: string, refValue: number, note?: string): Row => ({ measure, value, unit, reference, refValue, ratio: ratio(value, refValue), note });
    const perSec = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
    const sh = summarize(sharing);
    const rows: Row[] = [
      row('COPY people (5 indexes)', perSec(opts.people, loadMs), 'rows/s', 'same file, index-less table', perSec(opts.people, plainMs)),
      row('renewals p95 (verb, RLS + audit)', renewVerb.p95, 'ms', 'same SQL bare (superuser)', renewBare.p95, `p50 ${renewVerb.p50.toFixed(1)} ms vs ${renewBare.p50.toFixed(1)} ms; rows per window ${JSON.stringify(rowsPerWindow)}`),
      row('renewals SQL p95 as haven_app (RLS)', renewApp.p95, 'ms', 'same SQL bare (superuser)', renewBare.p95),
      row('renewals SQL p95 bare', renewBare.p95, 'ms', 'index-only count of the range', renewRange.p95),
      row('conflict check p95 (conflictCandidates)', conflictFull.p95, 'ms', 'bare conflict_keys && $1', conflictBare.p95, `p50 ${conflictFull.p50.toFixed(2)} ms vs ${conflictBare.p50.toFixed(2)} ms; ${withMatch}/${n} names matched someone, ${truncated} truncated at ${CANDIDATE_LIMIT}`),
      row('conflict pre-filter p95 via Drizzle (all columns)', conflictDrizzle.p95, 'ms', 'bare conflict_keys && $1', conflictBare.p95),
      row('backfillConflictKeys', perSec(backfilled, backfillMs), 'rows/s', 'COPY people (5 indexes)', perSec(opts.people, loadMs)),
    ];
    const fmtS = (s: Summary) => [s.p50.toFixed(2), s.p95.toFixed(2), s.p99.toFixed(2), s.max.toFixed(1)];
    return {
      name: 'cases',
      startedAt,
      durationMs: since(t0),
      params: { people: opts.people, requests: n, database: `postgres ${pgVersion?.v ?? ''}`.trim(), affiliates: orgs.length, daca: Number(counts.daca) },
      rows,
      tables: [
        {
          title: 'Latency (ms)',
          header: ['measure', 'p50', 'p95', 'p99', 'max'],
          rows: [
            ['renewals verb (RLS + audit)', ...fmtS(renewVerb)],
            ['renewals SQL as haven_app', ...fmtS(renewApp)],
            ['renewals SQL bare', ...fmtS(renewBare)],
            ['renewals range count', ...fmtS(renewRange)],
            ['conflictCandidates', ...fmtS(conflictFull)],
            ['  its keys alone', ...fmtS(keysOnly)],
            ['  its SQL via Drizzle', ...fmtS(conflictDrizzle)],
            ['conflict bare SQL', ...fmtS(conflictBare)],
          ],
        },
      ],
      lines: [
        `${counts.people} people (${(keyCount / opts.people).toFixed(1)} conflict keys each, COPY file ${(copyBytes / 2 ** 20).toFixed(0)} MB), ${counts.daca} DACA records (${counts.il_daca} in il), ${counts.reminders} reminders`,
        `load: generate ${(generateMs / 1000).toFixed(1)} s, keys + sealing + file ${(keysMs / 1000).toFixed(1)} s, COPY plain ${(plainMs / 1000).toFixed(1)} s, COPY people ${(loadMs / 1000).toFixed(1)} s, DACA ${(dacaMs / 1000).toFixed(1)} s, vacuum analyze ${(analyzeMs / 1000).toFixed(1)} s`,
        `people sharing a key with a checked name: p50 ${sh.p50}, p95 ${sh.p95}, max ${sh.max}`,
        `${n} runs per measure; load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`,
        '',
        'EXPLAIN (ANALYZE, BUFFERS) — scan nodes and execution time:',
        ...Object.entries(plans).map(([k, v]) => `  ${k}: ${planSummary(v)}`),
      ],
      details: {
        load: { generateMs, keysMs, plainMs, loadMs, dacaMs, analyzeMs, copyBytes, keyCount, backfilled, backfillMs },
        counts,
        renewals: { verb: renewVerb, asApp: renewApp, bare: renewBare, range: renewRange, rowsPerWindow },
        conflict: { full: conflictFull, drizzle: conflictDrizzle, bare: conflictBare, keys: keysOnly, sharing: sh, truncated, withMatch },
        plans,
      },
    };
  } finally {
    if (deps) await closeDeps(deps).catch(() => {});
    removeDir(dataDir);
    await benchDb.drop().catch((err) => log(`could not drop ${benchDb.name}: ${err}`));
  }
}
