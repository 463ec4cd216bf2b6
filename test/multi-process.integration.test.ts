import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, testDbKind } from './harness.ts';

/**
 * Production shape: two web processes and a worker, started at the same moment against
 * one PostgreSQL database (so their migrations race), share everything: a session made on
 * one web process works on the other.
 */
let dbName = '';
let dbUrl = '';
const children: ChildProcess[] = [];
const ports = [3900 + Math.floor(Math.random() * 50), 3960 + Math.floor(Math.random() * 30)];
let dataDir = '';

// Generous: three processes compile and migrate at once while other test files keep both cores busy.
async function waitFor(url: string, ms = 150_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

describe.runIf(testDbKind === 'postgres')('several processes on one PostgreSQL', () => {
  beforeAll(async () => {
    const db = await createTestDatabase('haven_mp');
    dbName = db.name;
    dbUrl = db.url;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-mp-'));
    const env = {
      ...process.env,
      DATABASE_URL: dbUrl,
      HAVEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
      HAVEN_SEED_DEMO: 'true',
      HAVEN_DEMO_PASSWORD: 'multi-process-demo',
      HAVEN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    const start = (args: string[], port: number) =>
      children.push(spawn(process.execPath, ['bin/haven.mjs', 'start', ...args], { env: { ...env, PORT: String(port) }, stdio: 'ignore', detached: true }));
    start(['--role', 'web'], ports[0]);
    start(['--role', 'web'], ports[1]);
    start(['--role', 'worker'], 0);
    await Promise.all(ports.map((p) => waitFor(`http://127.0.0.1:${p}/healthz`)));
  }, 180_000);

  afterAll(async () => {
    for (const c of children) {
      try {
        process.kill(-c.pid!, 'SIGTERM');
      } catch {}
    }
    await new Promise((r) => setTimeout(r, 1500));
    if (dbName) await dropTestDatabase(dbName);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('both web processes answer, and a session from one works on the other', async () => {
    const signIn = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator.il@demo.haven.local', password: 'multi-process-demo' }),
    });
    // Both web processes raced to seed: exactly one seeded, the demo exists once.
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await signIn.json();
    const created = await fetch(`http://127.0.0.1:${ports[1]}/api/v1/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ givenName: '다온', familyName: '윤', preferredLanguage: 'ko' }),
    });
    expect(created.status).toBe(201);
    const found = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/people?q=Yoon`, { headers: { cookie } });
    expect((await found.json()).items.map((p: { givenName: string }) => p.givenName)).toContain('다온');
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const orgs = await check.query(`select count(*)::int as n from organizations where slug = 'national'`);
    await check.end();
    expect(orgs.rows[0].n).toBe(1);
  });
});
