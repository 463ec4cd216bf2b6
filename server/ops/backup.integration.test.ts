import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { Database } from '../db/client.ts';
import { verifyAuditChains } from '../platform/audit/audit.ts';
import { Keyring } from '../platform/crypto/keyring.ts';
import { parseMasterKey } from '../platform/crypto/master-key.ts';
import { writeBackup } from './backup.ts';
import { ident, listTables } from './db-catalog.ts';
import { restoreBackup } from './restore.ts';

/**
 * Backup of a seeded database, restore into a fresh one (PGlite or PostgreSQL, per
 * HAVEN_TEST_DB), and the ways a restore must refuse or fail without changing anything.
 * Both apps share one master key through HAVEN_MASTER_KEY, as an operator would.
 */
const MASTER = crypto.randomBytes(32).toString('base64');
let source: TestApp;
let target: TestApp;
let dir: string;
let file: string;
let personId: string;
const SENSITIVE = { dateOfBirth: '1969-12-31', immigrationStatus: 'Asylum pending', aNumber: 'A000111222' };

beforeAll(async () => {
  source = await startTestApp({ env: { HAVEN_MASTER_KEY: MASTER } });
  target = await startTestApp({ env: { HAVEN_MASTER_KEY: MASTER }, seed: false });
  dir = fs.mkdtempSync(path.join(source.dataDir, 'backups-'));
  file = path.join(dir, 'haven.ndjson.gz');
  // Rows in more tables than the seed touches: sessions, a reset link, a simulated email, people.
  const c = await source.as('coordinator');
  const res = await c.post('/api/v1/people', { givenName: '지우', familyName: '최', nameKo: '최지우', preferredLanguage: 'ko', phone: '312-555-0199', ...SENSITIVE });
  expect(res.statusCode).toBe(201);
  personId = res.json().id;
  expect((await source.anonymous().post('/api/v1/auth/password-reset/request', { email: 'volunteer@a.test' })).statusCode).toBeLessThan(300);
  await source.as('affiliate_admin', 'b');
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

/** Every table's rows as JSON text in primary-key order: what "the same data" means here. */
async function snapshot(database: Database) {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(database.db)) {
    const order = t.pk.length ? t.pk.map(ident).join(', ') : 'ctid';
    const rows = await database.query<{ j: string }>(`select row_to_json(t)::text as j from (select * from ${ident(t.name)} order by ${order}) t`);
    out[t.name] = rows.map((r) => r.j);
  }
  return out;
}

/** The target minus what the restore itself appended (its own audit row on the "network" chain). */
function withoutRestoreRecord(snap: Record<string, string[]>) {
  return {
    ...snap,
    audit_log: snap.audit_log.filter((j) => JSON.parse(j).action !== 'backup.restore'),
    audit_chain_heads: snap.audit_chain_heads.filter((j) => JSON.parse(j).chain !== 'network'),
  };
}
const withoutNetworkHead = (snap: Record<string, string[]>) => ({ ...snap, audit_chain_heads: snap.audit_chain_heads.filter((j) => JSON.parse(j).chain !== 'network') });

const readLines = (f: string) => zlib.gunzipSync(fs.readFileSync(f)).toString('utf8').split('\n').filter(Boolean);
function writeLines(name: string, lines: string[]) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, zlib.gzipSync(`${lines.join('\n')}\n`));
  return f;
}

describe('haven backup / restore', () => {
  let sourceSnap: Record<string, string[]>;

  it('writes a gzip NDJSON backup: header, chunks, end marker; 0600; no partial file left', async () => {
    const summary = await writeBackup(source.deps.database, file);
    sourceSnap = await snapshot(source.deps.database);
    const total = Object.values(sourceSnap).reduce((a, rows) => a + rows.length, 0);
    expect(summary.rows).toBe(total);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['haven.ndjson.gz']);

    const lines = readLines(file);
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ format: 'haven-backup', version: 1, source: source.deps.database.kind, masterKeyIds: [parseMasterKey(MASTER).id] });
    expect(header.migrations.count).toBeGreaterThan(0);
    expect(header.tables.map((t: any) => t.name).sort()).toEqual(Object.keys(sourceSnap).sort());
    for (const name of ['audit_log', 'data_keys', 'sessions', 'people', 'password_resets', 'simulated_emails']) {
      expect(header.tables.find((t: any) => t.name === name).rows, name).toBeGreaterThan(0);
    }
    // parents before children: organizations before people and memberships, users before sessions
    const order = header.tables.map((t: any) => t.name);
    expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ end: true, rows: total });
    // drizzle's own bookkeeping is not data
    expect(lines.join('\n')).not.toMatch(/__drizzle_migrations/);
  });

  it('restores into a fresh database: every table equal, chains verify, fields decrypt, sequences continue', async () => {
    const result = await restoreBackup(target.deps, file);
    expect(result.unknownMasterKeyIds).toEqual([]);
    const targetSnap = await snapshot(target.deps.database);
    expect(withoutRestoreRecord(targetSnap)).toEqual(withoutNetworkHead(sourceSnap));
    const restoreRows = targetSnap.audit_log.map((j) => JSON.parse(j)).filter((r) => r.action === 'backup.restore');
    expect(restoreRows).toHaveLength(1);
    expect(restoreRows[0]).toMatchObject({ chain: 'network', actor_label: 'cli', details: { rows: result.rows, force: false } });
    expect(await verifyAuditChains(target.deps.database.db)).toMatchObject({ ok: true, problems: [] });

    // The restored users can sign in and read the encrypted fields with the same master key.
    const c = await target.as('coordinator');
    const person = await c.get(`/api/v1/people/${personId}`);
    expect(person.statusCode).toBe(200);
    expect(person.json()).toMatchObject({ nameKo: '최지우', phone: '+13125550199', sensitive: SENSITIVE });
    // New rows get fresh serial ids (audit_log.id) rather than colliding with restored ones.
    expect((await c.post('/api/v1/people', { givenName: 'After', preferredLanguage: 'en' })).statusCode).toBe(201);
    expect((await verifyAuditChains(target.deps.database.db)).ok).toBe(true);
  });

  it('refuses a database that is not empty unless --force, and --force replaces its data', async () => {
    const before = await snapshot(target.deps.database);
    await expect(restoreBackup(target.deps, file)).rejects.toThrow(/not empty[\s\S]*--force/);
    expect(await snapshot(target.deps.database)).toEqual(before);

    const result = await restoreBackup(target.deps, file, { force: true });
    expect(result.rows).toBe(Object.values(sourceSnap).reduce((a, rows) => a + rows.length, 0));
    expect(withoutRestoreRecord(await snapshot(target.deps.database))).toEqual(withoutNetworkHead(sourceSnap));
    expect((await verifyAuditChains(target.deps.database.db)).ok).toBe(true);
  });

  describe('a damaged backup fails with a clear message and leaves the database unchanged (even with --force)', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a truncated gzip file', () => {
        const f = path.join(dir, 'truncated.gz');
        const bytes = fs.readFileSync(file);
        fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
        return f;
      }, /damaged or not a Haven backup/],
      ...[0.05, 0.3, 0.5, 0.7, 0.99].map((at): [string, () => string, RegExp] => [`a corrupted byte at ${at * 100}% of the file`, () => {
        const f = path.join(dir, `flipped-${at}.gz`);
        const bytes = Buffer.from(fs.readFileSync(file));
        bytes[Math.floor((bytes.length - 1) * at)] ^= 0x5a;
        fs.writeFileSync(f, bytes);
        return f;
      }, /damaged|not a Haven backup/]),
      ['a whole gzip file whose last lines are missing', () => writeLines('short.gz', readLines(file).slice(0, -2)), /incomplete/],
      ['a chunk that lost rows', () => {
        const lines = readLines(file);
        const i = lines.findIndex((l) => l.startsWith('{"table":"role_permissions"'));
        lines[i] = lines[i].replace(/\{[^{}]*\},/, '');
        return writeLines('lost-row.gz', lines);
      }, /role_permissions should have \d+ rows/],
      ['a row that does not fit its table', () => {
        const lines = readLines(file);
        const i = lines.findIndex((l) => l.startsWith('{"table":"people"'));
        lines[i] = lines[i].replace(/"org_id":"[^"]+"/, '"org_id":"not-a-uuid"');
        return writeLines('bad-row.gz', lines);
      }, /table people .*uuid/],
      ['not a backup at all', () => writeLines('other.gz', ['{"hello":"world"}']), /not a Haven backup/],
      ['a plain-text file', () => {
        const f = path.join(dir, 'plain.txt');
        fs.writeFileSync(f, 'definitely not gzip');
        return f;
      }, /damaged or not a Haven backup/],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        const before = await snapshot(target.deps.database);
        const error = await restoreBackup(target.deps, make(), { force: true }).then(() => null, (e: Error) => e);
        expect(error?.message).toMatch(message);
        expect(error?.message).toMatch(/^(restore failed; the database was not changed|backup file)/);
        // The message is for a terminal: the database's words, never the rows that were being loaded.
        expect(error?.message).not.toMatch(/hv1\.|Lucía|params:|insert into/);
        expect(await snapshot(target.deps.database)).toEqual(before);
      });
    }
  });

  it('refuses a backup from another migration level, saying which', async () => {
    const lines = readLines(file);
    const header = JSON.parse(lines[0]);
    header.migrations.count += 1;
    header.migrations.last = 'f'.repeat(64);
    const f = writeLines('newer.gz', [JSON.stringify(header), ...lines.slice(1)]);
    const before = await snapshot(target.deps.database);
    await expect(restoreBackup(target.deps, f, { force: true })).rejects.toThrow(
      new RegExp(`migration level ${header.migrations.count} .*this database is at ${header.migrations.count - 1}`),
    );
    expect(await snapshot(target.deps.database)).toEqual(before);
  });

  it('warns when the installed master key cannot open the restored data keys', async () => {
    const other = parseMasterKey(crypto.randomBytes(32).toString('base64'));
    const deps = { ...target.deps, keyring: new Keyring({ current: other, previous: [], source: { kind: 'env' } }) };
    const result = await restoreBackup(deps, file, { force: true });
    expect(result.unknownMasterKeyIds).toEqual([parseMasterKey(MASTER).id]);
  });
});
