/**
 * Cold start: from spawning `node bin/haven.mjs start` (embedded PGlite, fresh data dir)
 * until GET /healthz answers 200 — first start (create, migrate, seed the demo network)
 * and restart on the same data dir — and the process's resident memory once ready and
 * after 200 requests. Physical limit: a bare `node` HTTP server spawned and polled the
 * same way (time to first 200, and its RSS).
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type Child, freePort, get, HAVEN_BIN, havenEnv, killGroup, memoryOf, removeDir, spawnGroup, tempDir, waitFor200 } from './lib/proc.ts';
import { type BenchResult, repoRoot, type Row } from './lib/report.ts';
import { median, ratio, since, summarize, timeSerial } from './lib/stats.ts';

export interface ColdStartOptions {
  reps: number;
  requests: number;
}


interface Sample {
  readyMs: number;
  /** Haven's own "started in N ms" (from its first line of code to listening). */
  selfReportedMs: number | null;
  rssReadyMb: number;
  rssAfterMb: number;
  peakMb: number;
  healthzP50Ms: number;
  graceful: boolean;
}

async function measure(spawnIt: (port: number) => Child, pathname: string, requests: number): Promise<Sample> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${pathname}`;
  const t0 = performance.now();
  const child = spawnIt(port);
  try {
    await waitFor200(url, child);
    const readyMs = since(t0);
    const ready = memoryOf(child.pid);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const lat = await timeSerial(requests, async () => {
      const status = await get(url, agent);
      if (status !== 200) throw new Error(`${url} answered ${status}`);
    });
    agent.destroy();
    const after = memoryOf(child.pid);
    const self = /started in (\d+) ms/.exec(child.output());
    const { graceful } = await killGroup(child);
    return {
      readyMs,
      selfReportedMs: self ? Number(self[1]) : null,
      rssReadyMb: ready.rssMb,
      rssAfterMb: after.rssMb,
      peakMb: after.peakMb,
      healthzP50Ms: summarize(lat).p50,
      graceful,
    };
  } finally {
    await killGroup(child, 2_000);
  }
}

const bareNode = (port: number) =>
  spawnGroup(process.execPath, ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`]);

const haven = (dataDir: string) => (port: number) =>
  spawnGroup(process.execPath, [HAVEN_BIN, 'start'], {
    cwd: repoRoot,
    env: havenEnv({ HAVEN_DATA_DIR: dataDir, HAVEN_DEMO_PASSWORD: 'bench-demo-password', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
  });

/** Time for `node bin/haven.mjs --help`: node + tsx + importing every server module, no database. */
async function moduleLoadMs(): Promise<number> {
  const t0 = performance.now();
  const child = spawnGroup(process.execPath, [HAVEN_BIN, '--help'], { cwd: repoRoot, env: havenEnv({ HAVEN_DATA_DIR: os.tmpdir() }) });
  const code = await child.exited;
  const ms = since(t0);
  await killGroup(child, 1_000);
  if (code !== 0) throw new Error(`haven --help exited ${code}:\n${child.output()}`);
  return ms;
}

interface Phases {
  phases: Record<string, number>;
  rss: Record<string, number>;
  rssMb: number;
  peakMb: number;
}

async function startPhases(dataDir: string): Promise<Phases> {
  const child = spawnGroup(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/start-phases.ts'), dataDir], { cwd: repoRoot, env: havenEnv({}) });
  const code = await child.exited;
  await killGroup(child, 1_000);
  const line = child.output().trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`start-phases exited ${code}:\n${child.output()}`);
  return JSON.parse(line) as Phases;
}

/** Each step of a start as a share of the in-process total (module loading is not in it). */
function phaseRows(label: string, p: Phases): Row[] {
  const total = Object.values(p.phases).reduce((a, b) => a + b, 0);
  return Object.entries(p.phases).map(([name, ms]) => ({
    measure: `  ${label}: ${name}`, value: ms, unit: 'ms', reference: `in-process total ${total} ms`, refValue: total, ratio: ratio(ms, total),
    note: name === 'open database' ? `RSS ${p.rss['modules loaded']} MiB with modules loaded → ${p.rss[name]} MiB after this step; peak ${Math.round(p.peakMb)} MiB` : undefined,
  }));
}

export async function run(opts: ColdStartOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  // The first tsx run fills its transform cache; steady-state starts are what operators see.
  await moduleLoadMs();
  const load: number[] = [];
  const bare: Sample[] = [];
  const first: Sample[] = [];
  const restart: Sample[] = [];
  for (let i = 0; i < opts.reps; i++) {
    load.push(await moduleLoadMs());
    bare.push(await measure(bareNode, '/', opts.requests));
    const dir = tempDir();
    try {
      first.push(await measure(haven(dir), '/healthz', opts.requests));
      restart.push(await measure(haven(dir), '/healthz', opts.requests));
    } finally {
      removeDir(dir);
    }
    process.stderr.write(`  cold-start rep ${i + 1}/${opts.reps}: first ${first[i].readyMs.toFixed(0)} ms, restart ${restart[i].readyMs.toFixed(0)} ms, bare ${bare[i].readyMs.toFixed(0)} ms\n`);
  }
  // Where a start's time goes: the steps of `haven start` timed inside a child process.
  const phaseDir = tempDir();
  let phases: { first: Phases; restart: Phases };
  try {
    phases = { first: await startPhases(phaseDir), restart: await startPhases(phaseDir) };
  } finally {
    removeDir(phaseDir);
  }
  const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => Number(x[k])));
  const refReady = m(bare, 'readyMs');
  const refRss = m(bare, 'rssReadyMb');
  const refRssAfter = m(bare, 'rssAfterMb');
  const refHealthz = m(bare, 'healthzP50Ms');
  const row = (measure: string, value: number, unit: string, reference: string, refValue: number, note?: string): Row => ({
    measure, value, unit, reference, refValue, ratio: ratio(value, refValue), note,
  });
  const rows: Row[] = [
    row('first start → /healthz 200', m(first, 'readyMs'), 'ms', 'bare node http → 200', refReady, 'creates PGlite, migrates, seeds the demo network'),
    row('restart → /healthz 200', m(restart, 'readyMs'), 'ms', 'bare node http → 200', refReady),
    row('module load only (haven --help)', median(load), 'ms', 'bare node http → 200', refReady, 'node + tsx + importing the server; no database'),
    row('RSS ready (first start)', m(first, 'rssReadyMb'), 'MiB', 'bare node RSS', refRss),
    row(`RSS after ${opts.requests} req (first start)`, m(first, 'rssAfterMb'), 'MiB', 'bare node RSS', refRssAfter),
    row('RSS ready (restart)', m(restart, 'rssReadyMb'), 'MiB', 'bare node RSS', refRss),
    row(`RSS after ${opts.requests} req (restart)`, m(restart, 'rssAfterMb'), 'MiB', 'bare node RSS', refRssAfter),
    row('peak RSS (VmHWM, first start)', m(first, 'peakMb'), 'MiB', 'bare node RSS', refRssAfter),
    ...phaseRows('first start', phases.first),
    ...phaseRows('restart', phases.restart),
    row('GET /healthz p50 (serial, keep-alive)', m(restart, 'healthzP50Ms'), 'ms', 'bare node GET p50', refHealthz, 'includes `select 1` on PGlite'),
  ];
  return {
    name: 'cold-start',
    startedAt,
    durationMs: since(t0),
    params: { ...opts, database: 'pglite (embedded default)' },
    rows,
    details: { phases, moduleLoadMs: load, bareNode: bare, firstStart: first, restart },
  };
}
