import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, testDbKind, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { closeDeps, createDeps, systemCtx } from '../../deps.ts';
import type { Deps } from '../context.ts';
import { inTx } from '../db-context.ts';
import { listen, openStream, until } from '../../../test/sse-client.ts';
import { createRealtimeHub, publish, type DeliveredEvent, type RealtimeEvent } from './index.ts';

/**
 * Realtime end to end: NOTIFY is delivered on commit and never on rollback, the hub fans
 * out per org, and GET /api/v1/hotline/stream carries its org's hotline events (and no
 * other org's) over a real HTTP listener. On PostgreSQL, two app instances on one
 * database stay in step, and a lost LISTEN connection comes back with a resync.
 */

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  base = await listen(t.app);
});
afterAll(() => t?.close());

/** Publish inside a request-like transaction (as haven_app, org set) that commits. */
const publishCommitted = (deps: Deps, event: RealtimeEvent) => inTx(systemCtx(deps, event.orgId), (ctx) => publish(ctx.db, event));

/** Collect the hub's events for one org into an array. */
function collect(deps: Deps, orgId: string, topicPrefix?: string) {
  const got: DeliveredEvent[] = [];
  const stop = deps.realtime.subscribe({ orgId, topicPrefix }, (e) => got.push(e));
  return { got, stop };
}

async function cookieOf(email: string, app: FastifyInstance = t.app) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD } });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0];
}

const STREAM = '/api/v1/hotline/stream';
const SSE = { accept: 'text/event-stream' };

describe('publish and the hub', () => {
  it('delivers an event when its transaction commits, to subscribers of that org only', async () => {
    await t.deps.realtime.start();
    const a = collect(t.deps, t.orgs.a);
    const b = collect(t.deps, t.orgs.b);
    await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'c1', change: 'created' } });
    await until(() => a.got.length === 1, 5000, 'the committed event');
    expect(a.got[0]).toMatchObject({ orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'c1', change: 'created' } });
    expect(a.got[0].id).toMatch(/^[0-9a-f-]{36}$/);
    // B's subscriber never sees it: publish one for B and, once that arrives, B holds only its own.
    await publishCommitted(t.deps, { orgId: t.orgs.b, topic: 'hotline.conversation', data: { id: 'c2', change: 'created' } });
    await until(() => b.got.length === 1, 5000, "B's event");
    expect(b.got.map((e) => e.data.id)).toEqual(['c2']);
    expect(a.got.map((e) => e.data.id)).toEqual(['c1']);
    a.stop();
    b.stop();
  });

  it('delivers nothing when the transaction rolls back, and nothing before the commit', async () => {
    const a = collect(t.deps, t.orgs.a);
    await expect(
      inTx(systemCtx(t.deps, t.orgs.a), async (ctx) => {
        await publish(ctx.db, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'rolled-back', change: 'created' } });
        throw new Error('abort the transaction');
      }),
    ).rejects.toThrow('abort the transaction');
    let insideTx = -1;
    await inTx(systemCtx(t.deps, t.orgs.a), async (ctx) => {
      await publish(ctx.db, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'marker', change: 'created' } });
      await new Promise((r) => setTimeout(r, 100));
      insideTx = a.got.length;
    });
    // Notifications arrive in commit order: once the marker is here, the rolled-back one would have been too.
    await until(() => a.got.length >= 1, 5000, 'the marker');
    await new Promise((r) => setTimeout(r, 50));
    expect(insideTx).toBe(0);
    expect(a.got.map((e) => e.data.id)).toEqual(['marker']);
    a.stop();
  });

  it('filters by topic prefix', async () => {
    const hot = collect(t.deps, t.orgs.a, 'hotline.');
    await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'alerts.broadcast', data: { id: 'x' } });
    await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'hotline.shift', data: { id: 'y' } });
    await until(() => hot.got.length === 1);
    expect(hot.got[0].topic).toBe('hotline.shift');
    hot.stop();
  });

  it('refuses a subscription without an org', () => {
    expect(() => t.deps.realtime.subscribe({ orgId: '' }, () => {})).toThrow(/orgId/);
  });
});

describe('GET /api/v1/hotline/stream', () => {
  it('streams its org’s hotline events, never another org’s or another module’s', async () => {
    const cookie = await cookieOf(emailOf('responder', 'a'));
    const s = await openStream(base + STREAM, { cookie, ...SSE });
    try {
      expect(s.res.status).toBe(200);
      expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(s.res.headers.get('cache-control')).toMatch(/no-cache/);
      expect(s.res.headers.get('x-accel-buffering')).toBe('no');
      expect(await s.next()).toMatchObject({ retry: '3000' });
      expect(await s.next()).toMatchObject({ event: 'ready' });

      await publishCommitted(t.deps, { orgId: t.orgs.b, topic: 'hotline.conversation', data: { id: 'b-conv', change: 'created' } });
      await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'alerts.broadcast', data: { id: 'a-alert', change: 'sent' } });
      await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'a-conv', change: 'assigned' } });
      const m = await s.next();
      expect(m.event).toBeUndefined();
      const body = JSON.parse(m.data!);
      expect(body).toMatchObject({ topic: 'hotline.conversation', data: { id: 'a-conv', change: 'assigned' } });
      expect(m.id).toBe(body.id);
      // Delivered in commit order, so B's and the alert would have come first: nothing of theirs anywhere.
      const all = JSON.stringify(s.messages);
      expect(all).not.toContain('b-conv');
      expect(all).not.toContain('a-alert');
      expect(all).not.toContain(t.orgs.b);
    } finally {
      await s.close();
    }
    await until(() => t.deps.realtime.subscriberCount === 0, 5000, 'the subscription to end when the client goes');
  });

  it('follows the actor’s current org: B’s responder sees B’s events only', async () => {
    const cookie = await cookieOf(emailOf('volunteer', 'b'));
    const s = await openStream(base + STREAM, { cookie, ...SSE });
    try {
      await s.next(); // retry
      expect(await s.next()).toMatchObject({ event: 'ready' });
      await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'a-only', change: 'created' } });
      await publishCommitted(t.deps, { orgId: t.orgs.b, topic: 'hotline.conversation', data: { id: 'b-only', change: 'created' } });
      expect(JSON.parse((await s.next()).data!).data.id).toBe('b-only');
      expect(JSON.stringify(s.messages)).not.toContain('a-only');
    } finally {
      await s.close();
    }
  });

  it('401 without a session, 403 without hotline.respond, 406 without Accept: text/event-stream', async () => {
    const anon = await fetch(base + STREAM, { headers: SSE });
    expect(anon.status).toBe(401);
    expect((await anon.json()).error.code).toBe('unauthorized');
    for (const role of ['organizer', 'attorney', 'verifier']) {
      const res = await fetch(base + STREAM, { headers: { cookie: await cookieOf(emailOf(role, 'a')), ...SSE } });
      expect(res.status, role).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const plain = await fetch(base + STREAM, { headers: { cookie: await cookieOf(emailOf('responder', 'a')) } });
    expect(plain.status).toBe(406);
    expect((await plain.json()).error.code).toBe('not_acceptable');
    await until(() => t.deps.realtime.subscriberCount === 0, 5000, 'no subscriptions left');
  });

  it('ends open streams when the app closes (so close does not hang)', async () => {
    const deps2: Deps = { ...t.deps }; // a second app on the same process hub
    const app2 = await buildApp(deps2, { logger: false });
    const base2 = await listen(app2);
    const s = await openStream(base2 + STREAM, { cookie: await cookieOf(emailOf('responder', 'a'), app2), ...SSE });
    await s.next();
    await s.next();
    const started = Date.now();
    await app2.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await until(() => s.ended, 5000, 'the stream to end');
    await s.close();
  });
});

describe.skipIf(testDbKind !== 'postgres')('several processes on one PostgreSQL (skipped on PGlite: one process owns the database)', () => {
  let deps2: Deps;
  let app2: FastifyInstance;
  let base2: string;

  beforeAll(async () => {
    // A second "process": its own pool, its own LISTEN connection, its own app, on the same database.
    const config = loadConfig({ HAVEN_DATA_DIR: t.dataDir, LOG_LEVEL: 'silent', HAVEN_SEED_DEMO: 'false', DATABASE_URL: t.deps.database.url! } as NodeJS.ProcessEnv);
    deps2 = await createDeps(config, { migrate: false, jobs: false, role: 'web' });
    app2 = await buildApp(deps2, { logger: false });
    base2 = await listen(app2);
  });
  afterAll(async () => {
    await app2?.close();
    if (deps2) await closeDeps(deps2);
  });

  it('an event committed through one instance reaches the SSE clients of the other', async () => {
    const s2 = await openStream(base2 + STREAM, { cookie: await cookieOf(emailOf('coordinator', 'a'), app2), ...SSE });
    const s1 = await openStream(base + STREAM, { cookie: await cookieOf(emailOf('coordinator', 'a')), ...SSE });
    try {
      for (const s of [s1, s2]) {
        await s.next();
        expect(await s.next()).toMatchObject({ event: 'ready' });
      }
      await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'from-1', change: 'created' } });
      await publishCommitted(deps2, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'from-2', change: 'created' } });
      for (const s of [s1, s2]) {
        const first = await s.next();
        const second = await s.next();
        expect([JSON.parse(first.data!).data.id, JSON.parse(second.data!).data.id]).toEqual(['from-1', 'from-2']);
        expect(first.id).toBeTruthy();
      }
      // The same event carries the same id in every process.
      expect(s1.messages.filter((m) => m.id).map((m) => m.id)).toEqual(s2.messages.filter((m) => m.id).map((m) => m.id));
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it('a lost LISTEN connection comes back, and streams are told to resync', async () => {
    const s = await openStream(base2 + STREAM, { cookie: await cookieOf(emailOf('responder', 'a'), app2), ...SSE });
    try {
      await s.next();
      await s.next();
      const killed = await t.deps.database.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'haven-realtime' and datname = current_database()`,
      );
      expect(killed[0].n).toBeGreaterThanOrEqual(1);
      expect(await s.next(10_000)).toMatchObject({ event: 'resync' });
      expect(deps2.realtime.listening).toBe(true);
      await publishCommitted(t.deps, { orgId: t.orgs.a, topic: 'hotline.conversation', data: { id: 'after-reconnect', change: 'created' } });
      expect(JSON.parse((await s.next()).data!).data.id).toBe('after-reconnect');
    } finally {
      await s.close();
    }
  });

  it('holds one LISTEN connection per process, and none after close', async () => {
    const count = async () =>
      (await t.deps.database.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'haven-realtime' and datname = current_database()`))[0].n;
    await until(() => t.deps.realtime.listening && deps2.realtime.listening, 10_000, 'both hubs');
    expect(await count()).toBe(2);
    const extra = createRealtimeHub(t.deps.database);
    expect(await count()).toBe(2); // lazy: nothing until used
    await extra.start();
    expect(await count()).toBe(3);
    await extra.close();
    const end = Date.now() + 5000;
    while ((await count()) !== 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(2);
  });
});
