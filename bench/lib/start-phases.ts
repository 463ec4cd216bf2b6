/**
 * Run in a child process by cold-start.ts: the steps of `haven start` timed one by one
 * (the same calls as server/cli.ts and server/deps.ts make), printed as one JSON line.
 * Usage: node --import tsx bench/lib/start-phases.ts <dataDir>
 */
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { migrateDatabase, openDatabase } from '../../server/db/client.ts';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { closeDeps, createDeps } from '../../server/deps.ts';
import { memoryOf } from './proc.ts';

const phases: Record<string, number> = {};
/** RSS (MiB) after each step. */
const rss: Record<string, number> = { 'modules loaded': Math.round(memoryOf(process.pid).rssMb) };
let t = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - t);
  rss[name] = Math.round(memoryOf(process.pid).rssMb);
  t = now;
};
const config = loadConfig({ HAVEN_DATA_DIR: process.argv[2], HAVEN_DEMO_PASSWORD: 'bench-demo-password', LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv);
// Open once alone to time it, then let createDeps reopen it (a reopen is cheap, and timed separately).
const opened = await openDatabase({ dataDir: config.dataDir });
lap('open database');
await migrateDatabase(opened);
lap('migrate');
await opened.close();
lap('close');
const deps = await createDeps(config, { migrate: false });
lap('reopen + keys (createDeps)');
const demo = await seedDemo(deps);
lap(demo.seeded ? 'seed demo network' : 'seed demo (already there)');
const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
lap('buildApp + listen');
const mem = memoryOf(process.pid);
await app.close();
await closeDeps(deps);
console.log(JSON.stringify({ phases, rss, rssMb: mem.rssMb, peakMb: mem.peakMb }));
process.exit(0);
