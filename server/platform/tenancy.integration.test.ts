import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { systemCtx } from '../deps.ts';
import { inTx } from './db-context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** The second wall: even a query that forgets its org filter sees only the current org. */
describe('row-level security', () => {
  it('hides other orgs’ rows from a query without any WHERE', async () => {
    const rows = await inTx(systemCtx(t.deps, t.orgs.b), async (tx) => (await tx.db.execute(sql`select org_id from people`)).rows as { org_id: string }[]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.org_id))).toEqual(new Set([t.orgs.b]));
  });

  it('refuses to write a row into another org', async () => {
    await expect(
      inTx(systemCtx(t.deps, t.orgs.b), (tx) =>
        tx.db.execute(sql`insert into people (org_id, given_name, preferred_language) values (${t.orgs.a}, 'Intruder', 'en')`),
      ),
    ).rejects.toSatisfy((e: any) => /row-level security/.test(e.cause?.message ?? e.message));
  });

  it('shows nothing at all when no org is set', async () => {
    const rows = await inTx(systemCtx(t.deps), async (tx) => (await tx.db.execute(sql`select id from people`)).rows);
    expect(rows).toEqual([]);
  });

  it('keeps the audit log and consent ledger append-only for the app role', async () => {
    const denied = (e: any) => /permission denied/.test(e.cause?.message ?? e.message);
    await expect(inTx(systemCtx(t.deps, t.orgs.a), (tx) => tx.db.execute(sql`update audit_log set action = 'x'`))).rejects.toSatisfy(denied);
    await expect(inTx(systemCtx(t.deps, t.orgs.a), (tx) => tx.db.execute(sql`delete from audit_log`))).rejects.toSatisfy(denied);
    await expect(inTx(systemCtx(t.deps, t.orgs.a), (tx) => tx.db.execute(sql`delete from consent_events`))).rejects.toSatisfy(denied);
  });
});
