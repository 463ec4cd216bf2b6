import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../../deps.ts';
import { inTx } from '../db-context.ts';
import { verifyAuditChains } from './audit.ts';

/**
 * The audit log is append-only for the app and tamper-evident for everyone else: the
 * app role cannot change it, and a superuser who does is caught by `verifyAuditChains`.
 * Each tampering is undone afterwards (as the superuser, from a saved copy of the row) so
 * the cases stay independent and the chain is shown to verify again.
 */
let t: TestApp;
type AuditRow = { id: number; seq: number; action: string; details: unknown };

beforeAll(async () => {
  t = await startTestApp();
  const c = await t.as('coordinator');
  for (const givenName of ['Ana', 'Bora', 'Carlos', 'Dasom']) {
    const res = await c.post('/api/v1/people', { givenName, familyName: 'Test', preferredLanguage: 'en', dateOfBirth: '1990-01-01' });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t?.close());

const superuser = () => t.deps.database;
const chainA = () => superuser().query<AuditRow>(`select id, seq::int as seq, action, details from audit_log where chain = $1 order by seq`, [t.orgs.a]);
const saveRow = async (id: number) =>
  (await superuser().query<{ j: string }>(`select row_to_json(a)::text as j from audit_log a where id = $1`, [id]))[0].j;
const putBack = (json: string) => superuser().query(`insert into audit_log select * from json_populate_record(null::audit_log, $1::json)`, [json]);

describe('audit log', () => {
  it('records the app writes in the org chain, and the chains verify', async () => {
    const rows = await chainA();
    expect(rows.filter((r) => r.action === 'person.create').length).toBeGreaterThanOrEqual(4);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const result = await verifyAuditChains(t.deps.database.db);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.rows).toBeGreaterThanOrEqual(rows.length);
  });

  it('does not let the app role (haven_app) update, delete or truncate audit rows', async () => {
    const ctx = systemCtx(t.deps, t.orgs.a);
    const before = await chainA();
    const attempts = [sql`update audit_log set action = 'person.nothing'`, sql`delete from audit_log`, sql`truncate audit_log`];
    for (const attempt of attempts) {
      await expect(inTx(ctx, (tx) => tx.db.execute(attempt))).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringMatching(/permission denied/) }),
      });
    }
    expect(await chainA()).toEqual(before);
  });

  it('reports a row whose contents were edited', async () => {
    const rows = await chainA();
    const victim = rows[Math.floor(rows.length / 2)];
    const original = await saveRow(victim.id);
    await superuser().query(`update audit_log set details = '{"fields":["givenName"],"note":"harmless"}'::jsonb where id = $1`, [victim.id]);
    const result = await verifyAuditChains(t.deps.database.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([`chain ${t.orgs.a} seq ${victim.seq}: contents changed since written`]);

    await superuser().query(`delete from audit_log where id = $1`, [victim.id]);
    await putBack(original);
    expect((await verifyAuditChains(t.deps.database.db)).ok).toBe(true);
  });

  it('reports a row deleted from the middle of a chain', async () => {
    const rows = await chainA();
    const victim = rows[Math.floor(rows.length / 2)];
    const original = await saveRow(victim.id);
    await superuser().query(`delete from audit_log where id = $1`, [victim.id]);
    const result = await verifyAuditChains(t.deps.database.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(`chain ${t.orgs.a}: row(s) ${victim.seq}..${victim.seq} missing`);
    expect(result.problems.join('\n')).toMatch(/previous hash does not match/);

    await putBack(original);
    expect((await verifyAuditChains(t.deps.database.db)).ok).toBe(true);
  });

  it('reports the last row of a chain deleted (the chain head still names it)', async () => {
    const rows = await chainA();
    const last = rows[rows.length - 1];
    const original = await saveRow(last.id);
    await superuser().query(`delete from audit_log where id = $1`, [last.id]);
    // What is left is a perfectly linked chain: only the head shows that something is missing.
    const result = await verifyAuditChains(t.deps.database.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([`chain ${t.orgs.a}: head says seq ${last.seq} but the log ends at ${last.seq - 1} (rows removed from the end)`]);

    await putBack(original);
    expect((await verifyAuditChains(t.deps.database.db)).ok).toBe(true);
  });

  it('keeps verifying as the app appends after all that', async () => {
    const c = await t.as('coordinator');
    expect((await c.post('/api/v1/people', { givenName: 'Eun', preferredLanguage: 'ko' })).statusCode).toBe(201);
    expect((await verifyAuditChains(t.deps.database.db)).ok).toBe(true);
  });
});
