/** The people-search result as rows (figure, reference, ratio) and tables. */
import type { Row, Table } from '../lib/report.ts';
import { ratio, type Summary, summarize } from '../lib/stats.ts';
import { TOTAL_CAP } from './search-sql.ts';

export interface QueryResult {
  label: string;
  url: string;
  matches: number;
  direct: Summary;
  asApp: Summary;
  inject: Summary | null;
  http1: Summary;
}

type Run = { latencies: number[]; wallMs: number };
export const rps = (r: Run) => (r.latencies.length / r.wallMs) * 1000;

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pp = (s: Summary) => `${fmt(s.p50)} / ${fmt(s.p95)}`;
const x = (r: number) => `${r.toFixed(r >= 10 ? 0 : 1)}×`;

export interface SearchReportInput {
  opts: { people: number; inject: boolean };
  n: number;
  m: number;
  load: { loadMs: number; plainMs: number; keysMs: number };
  results: QueryResult[];
  mixed: { n: number; concurrency: number; direct: Run; api: Run; prototype: Run };
  floors: { healthz: Summary; session: Summary };
  proto: { noCount: Summary[]; capped: Summary[]; leakproof: Summary[]; combined: Summary[]; api: Summary[] };
}

export function searchReport({ opts, n, m, load: { loadMs, plainMs, keysMs }, results, mixed, floors: { healthz, session }, proto }: SearchReportInput): { rows: Row[]; tables: Table[] } {
  const MIXED_CONCURRENCY = mixed.concurrency;
  const mixedN = mixed.n;
  const [directMixed, apiMixed, protoMixed] = [mixed.direct, mixed.api, mixed.prototype];
  const { noCount, capped, leakproof, combined, api: protoApi } = proto;
  const rows: Row[] = [
    { measure: `load ${opts.people} people (unnest, batches of 5000)`, value: loadMs, unit: 'ms', reference: 'same rows, table without indexes', refValue: plainMs, ratio: ratio(loadMs, plainMs), note: `${Math.round((opts.people / loadMs) * 1000)} rows/s; the GIN trigram index is most of the difference` },
    { measure: 'build search keys in JS (buildSearchKeys)', value: keysMs, unit: 'ms', reference: 'load into table without indexes', refValue: plainMs, ratio: ratio(keysMs, plainMs) },
  ];
  for (const r of results) {
    rows.push({ measure: `${r.label}: API p50 (HTTP, c=1)`, value: r.http1.p50, unit: 'ms', reference: 'same SQL direct p50', refValue: r.direct.p50, ratio: ratio(r.http1.p50, r.direct.p50) });
    rows.push({ measure: `${r.label}: API p95 (HTTP, c=1)`, value: r.http1.p95, unit: 'ms', reference: 'same SQL direct p95', refValue: r.direct.p95, ratio: ratio(r.http1.p95, r.direct.p95) });
  }
  const dm = summarize(directMixed.latencies);
  const am = summarize(apiMixed.latencies);
  const pm = summarize(protoMixed.latencies);
  rows.push(
    { measure: `mixed searches, c=${MIXED_CONCURRENCY}: API throughput`, value: rps(apiMixed), unit: 'req/s', reference: `same SQL direct, ${MIXED_CONCURRENCY} connections`, refValue: rps(directMixed), ratio: ratio(rps(apiMixed), rps(directMixed)) },
    { measure: `mixed searches, c=${MIXED_CONCURRENCY}: API p95`, value: am.p95, unit: 'ms', reference: 'same SQL direct p95', refValue: dm.p95, ratio: ratio(am.p95, dm.p95) },
    { measure: `mixed, c=${MIXED_CONCURRENCY}, prototype fix: API throughput`, value: rps(protoMixed), unit: 'req/s', reference: 'same SQL direct (as is)', refValue: rps(directMixed), ratio: ratio(rps(protoMixed), rps(directMixed)), note: 'prototype = capped total + LIKE usable by the index under RLS + phone by equality + fenced page' },
    { measure: `mixed, c=${MIXED_CONCURRENCY}, prototype fix: API p95`, value: pm.p95, unit: 'ms', reference: 'same SQL direct p95 (as is)', refValue: dm.p95, ratio: ratio(pm.p95, dm.p95) },
  );
  const tables: Table[] = [
    {
      title: `Per query, p50 / p95 in ms over ${n} requests each (direct = the app's two statements, no transaction, no RLS; as app = same statements in the app's transaction as haven_app, RLS on)`,
      header: ['query', 'matches', 'direct', 'as app (RLS)', ...(opts.inject ? ['inject'] : []), 'API (HTTP c=1)', 'API/direct p50', 'p95', 'API/as app p50'],
      rows: results.map((r) => [r.label, String(r.matches), pp(r.direct), pp(r.asApp), ...(r.inject ? [pp(r.inject)] : []), pp(r.http1), x(ratio(r.http1.p50, r.direct.p50)), x(ratio(r.http1.p95, r.direct.p95)), x(ratio(r.http1.p50, r.asApp.p50))]),
    },
    {
      title: `Prototypes, p50 / p95 in ms (${m} runs each; database work as the app, RLS on). "all together" = total capped + LIKE leakproof + phone by equality + page fenced when matches ≤ ${TOTAL_CAP}; "API, all together" = the same end to end over HTTP c=1 (${n} requests)`,
      header: ['query', 'as is', 'page only (no count)', `total capped at ${TOTAL_CAP}`, 'LIKE leakproof', 'all together', 'API, all together', 'API as is'],
      rows: results.map((r, i) => [r.label, pp(r.asApp), pp(noCount[i]), pp(capped[i]), pp(leakproof[i]), pp(combined[i]), pp(protoApi[i]), pp(r.http1)]),
    },
    {
      title: `Mixed load (${mixedN} requests cycling through the ${results.length} queries, ${MIXED_CONCURRENCY} in flight) and floors (HTTP c=1); p50 / p95 ms`,
      header: ['what', 'latency', 'req/s'],
      rows: [
        ['same SQL direct, 4 connections', pp(dm), rps(directMixed).toFixed(0)],
        ['API as is', pp(am), rps(apiMixed).toFixed(0)],
        ['API with prototype', pp(pm), rps(protoMixed).toFixed(0)],
        ['GET /healthz (select 1), c=1', pp(healthz), ''],
        ['GET /api/v1/auth/session (session lookup, no search), c=1', pp(session), ''],
      ],
    },
  ];
  return { rows, tables };
}
