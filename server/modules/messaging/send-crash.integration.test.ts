import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDbKind, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/rows.ts';
import { enqueueMessages } from './enqueue-messages.ts';
import { messagingSenders } from './messaging.table.ts';

/**
 * Nothing twice, nothing lost: a real worker process is killed with SIGKILL in the middle
 * of a batch send, twice, and restarted. Every recipient gets each message exactly once
 * (counted on the simulator's side, which survives the crash in the database) and every
 * message ends sent or delivered. PostgreSQL only: the embedded PGlite serves one process.
 */
const MESSAGES = 1500;
const masterKey = crypto.randomBytes(32).toString('base64');
let t: TestApp;
let worker: ChildProcess | null = null;

const startWorker = (dbUrl: string, internalUrl: string) => {
  worker = spawn(process.execPath, ['bin/haven.mjs', 'start', '--role', 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      HAVEN_MASTER_KEY: masterKey,
      HAVEN_DATA_DIR: t.dataDir,
      PUBLIC_URL: t.deps.config.publicUrl,
      HAVEN_INTERNAL_URL: internalUrl,
      MESSAGING_SEND_TIMEOUT_SECONDS: '6',
      JOBS_SUPERVISE_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    detached: true,
  });
};
const killWorker = () => {
  if (worker?.pid) process.kill(-worker.pid, 'SIGKILL');
  worker = null;
};
const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: string }>(t.deps.database.db, q))[0].n);

describe.runIf(testDbKind === 'postgres')('a worker killed mid-send', () => {
  beforeAll(async () => {
    t = await startTestApp({ env: { HAVEN_MASTER_KEY: masterKey, MESSAGING_SEND_TIMEOUT_SECONDS: '6' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    killWorker();
    await t?.close();
  });

  it('sends every message exactly once across two kill -9 and restarts', async () => {
    const db = t.deps.database.db;
    await db.insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Main', phoneE164: '+13125550177', isDefault: true });
    const messages = Array.from({ length: MESSAGES }, (_, i) => ({
      channel: 'sms' as const, to: `+1773555${String(i).padStart(4, '0')}`, lang: 'en' as const, body: `Message ${i}`, kind: 'reply' as const,
    }));
    await db.transaction((tx) => enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages }));
    const address = t.app.server.address() as { port: number };
    const dbUrl = t.deps.database.url!;
    const internal = `http://127.0.0.1:${address.port}`;
    const simulated = () => count(sql`select count(*) as n from simulated_sms where direction = 'outbound' and from_address = '+13125550177'`);

    for (const threshold of [300, 800]) {
      startWorker(dbUrl, internal);
      const until = Date.now() + 60_000;
      while ((await simulated()) < threshold) {
        if (Date.now() > until) throw new Error(`worker did not reach ${threshold} sends`);
        await new Promise((r) => setTimeout(r, 20));
      }
      killWorker();
    }
    // Killed mid-batch: messages were claimed (or accepted by the provider) but not recorded.
    const stranded = await count(sql`select count(*) as n from outbound_messages where status = 'sending'`);
    console.info(`after two kill -9: ${await simulated()} sent, ${stranded} stranded in 'sending'`);

    startWorker(dbUrl, internal);
    const until = Date.now() + 90_000;
    while ((await count(sql`select count(*) as n from outbound_messages where status in ('queued', 'sending')`)) > 0) {
      if (Date.now() > until) throw new Error('outbox did not drain after restart');
      await new Promise((r) => setTimeout(r, 200));
    }

    // Each recipient received its message exactly once.
    const perRecipient = await queryRows<{ to_address: string; n: string }>(
      db,
      sql`select to_address, count(*) as n from simulated_sms where direction = 'outbound' and from_address = '+13125550177' group by to_address`,
    );
    expect(perRecipient).toHaveLength(MESSAGES);
    expect(perRecipient.filter((r) => Number(r.n) !== 1)).toEqual([]);
    // Every message ended sent or delivered, carrying the provider id the recipient's copy has.
    expect(await count(sql`select count(*) as n from outbound_messages o join simulated_sms s on s.provider_id = o.provider_id where o.status in ('sent', 'delivered')`)).toBe(MESSAGES);
  }, 240_000);
});
