/**
 * `npm run bench` runs every benchmark; `npm run bench -- people-search --pglite` one of them.
 * Each prints a table (figure, physical-limit reference measured in the same run, ratio)
 * and writes .bench/<name>-<time>.json and .bench/<name>-latest.json.
 *
 * Options:
 *   --pglite            people-search on embedded PGlite instead of PostgreSQL
 *   --inject            people-search also through app.inject (no socket)
 *   --people N          people to generate (default 100000; `cases`: use 1000000)
 *   --requests N        requests per query and per mode (default 200)
 *   --reps N            cold-start repetitions (default 3)
 *   --messages N        outbox: texts through the pipeline (default 200000)
 *   --pacing-seconds N  outbox: length of the paced run (default 30)
 *   --rate N            hotline: webhooks per second (default 500)
 *   --seconds N         hotline: length of the webhook load (default 30)
 *   --subscribers N     alerts: subscribers generated (default 1000000)
 *   --send N            alerts: of them, the ones the end-to-end alert sends to (default 200000)
 *   --split             hotline: web and worker as separate processes (HAVEN_BENCH_KEEP=1 keeps its database)
 *   --pg-url URL        PostgreSQL admin URL (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { parseArgs } from 'node:util';
import { type BenchResult, machine, printTable, writeJson } from './lib/report.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pglite: { type: 'boolean', default: false },
    inject: { type: 'boolean', default: false },
    people: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    reps: { type: 'string', default: '3' },
    messages: { type: 'string', default: '200000' },
    'pacing-seconds': { type: 'string', default: '30' },
    rate: { type: 'string', default: '500' },
    split: { type: 'boolean', default: false },
    subscribers: { type: 'string', default: '1000000' },
    send: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '30' },
    'pg-url': { type: 'string', default: process.env.HAVEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});

const int = (name: string, s: string) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  'cold-start': async () => (await import('./cold-start.ts')).run({ reps: int('reps', values.reps!), requests: 200 }),
  'people-search': async () =>
    (await import('./people-search.ts')).run({
      db: values.pglite ? 'pglite' : 'postgres',
      people: int('people', values.people!),
      requests: int('requests', values.requests!),
      pgAdminUrl: values['pg-url']!,
      inject: values.inject!,
    }),
};

BENCHES.outbox = async () =>
  (await import('./outbox.ts')).run({
    messages: int('messages', values.messages!),
    pacingSeconds: int('pacing-seconds', values['pacing-seconds']!),
    segmentsPerSecond: 100,
    pgAdminUrl: values['pg-url']!,
  });

BENCHES.cases = async () =>
  (await import('./cases.ts')).run({ people: int('people', values.people!), requests: int('requests', values.requests!), pgAdminUrl: values['pg-url']! });

BENCHES.hotline = async () =>
  (await import('./hotline.ts')).run({ rate: int('rate', values.rate!), seconds: int('seconds', values.seconds!), phones: 5000, responders: 20, split: values.split!, pgAdminUrl: values['pg-url']! });

BENCHES.alerts = async () =>
  (await import('./alerts.ts')).run({ subscribers: int('subscribers', values.subscribers!), send: int('send', values.send!), pgAdminUrl: values['pg-url']! });

const unknown = positionals.filter((p) => !(p in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const selected = positionals.length ? positionals : Object.keys(BENCHES);
const m = machine();
console.log(`Haven benchmarks — ${m.cpus}× ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}`);
console.log(`Load average ${m.loadAverage.join(' / ')}${m.loadAverage[0] > m.cpus / 2 ? '  — the machine is busy: expect noisy figures' : ''}`);

let failed = false;
for (const name of selected) {
  try {
    const result = await BENCHES[name]();
    printTable(result);
    console.log(`  load average now ${machine().loadAverage.join(' / ')}\n  → ${writeJson(result)}`);
  } catch (err) {
    failed = true;
    console.error(`\n${name} failed:`, err);
  }
}
process.exit(failed ? 1 : 0);
