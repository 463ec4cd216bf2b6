import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChains } from '../platform/audit/audit.ts';
import type { Deps } from '../platform/context.ts';
import { Keyring } from '../platform/crypto/keyring.ts';
import { keyFilePath, loadMasterKeys, parseMasterKey } from '../platform/crypto/master-key.ts';
import { rotateKeys } from './rotate-keys.ts';

/**
 * Key rotation through the real app: data written before a rotation still opens after it,
 * data written after uses the new version, and after --new-master nothing depends on the
 * old master key any more.
 */
let t: TestApp;
const SENSITIVE = { dateOfBirth: '1980-05-05', immigrationStatus: 'TPS', aNumber: 'A111222333' };

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function createPerson(givenName: string) {
  const c = await t.as('coordinator');
  const res = await c.post('/api/v1/people', { givenName, preferredLanguage: 'en', ...SENSITIVE });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
async function sensitiveOf(id: string) {
  const c = await t.as('coordinator');
  const res = await c.get(`/api/v1/people/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json().sensitive;
}
const rawColumn = async (id: string) =>
  (await t.deps.database.query<{ v: string }>(`select immigration_status_enc as v from people where id = $1`, [id]))[0].v;
const masterIdsInUse = async () =>
  (await t.deps.database.query<{ id: string }>(`select distinct master_key_id as id from data_keys order by 1`)).map((r) => r.id);

describe('haven keys rotate', () => {
  let before: string;
  let after: string;

  it('adds a version for every scope; old data still opens, new data uses version 2', async () => {
    before = await createPerson('Before');
    expect(await rawColumn(before)).toMatch(/^hv1\.1\./);

    const latest = new Map(
      (await t.deps.database.query<{ scope: string; v: number }>(`select scope, max(version) as v from data_keys group by scope`)).map((r) => [r.scope, r.v]),
    );
    const summary = await rotateKeys(t.deps);
    expect(summary.scopes.map((s) => s.label).sort()).toEqual(['a', 'b', 'net', 'system']);
    // each scope moves one version up; "system" gets its first if it had none
    for (const s of summary.scopes) expect(s.version, s.label).toBe((latest.get(s.scope) ?? 0) + 1);
    expect(summary.scopes.find((s) => s.scope === t.orgs.a)?.version).toBe(2);
    expect(summary.rewrapped).toBe(0); // same master key: nothing to re-wrap

    expect(await sensitiveOf(before)).toEqual(SENSITIVE);
    after = await createPerson('After');
    expect(await rawColumn(after)).toMatch(/^hv1\.2\./);
    expect(await sensitiveOf(after)).toEqual(SENSITIVE);
  });

  it('a process that cached the old version keeps working and moves to the new one (no restart)', async () => {
    // A second keyring stands in for another running process that has version 2 cached.
    const other = new Keyring(t.deps.keyring.masterKeys);
    const orgA = t.orgs.a;
    expect(await other.encrypt(t.deps.database.db, orgA, 'x')).toMatch(/^hv1\.2\./);
    await rotateKeys(t.deps);
    // Within the minute its cache lasts it still writes version 2, which stays readable…
    const stale = await other.encrypt(t.deps.database.db, orgA, 'written by the other process');
    expect(stale).toMatch(/^hv1\.2\./);
    expect(await t.deps.keyring.decrypt(t.deps.database.db, orgA, stale)).toBe('written by the other process');
    // …and reads what this process now writes with version 3 (it looks the key up by the version in the value).
    const fresh = await t.deps.keyring.encrypt(t.deps.database.db, orgA, 'new');
    expect(fresh).toMatch(/^hv1\.3\./);
    expect(await other.decrypt(t.deps.database.db, orgA, fresh)).toBe('new');
  });

  it('with --new-master on the key file: re-wraps everything, forgets the old key, data still opens', async () => {
    const file = keyFilePath(t.dataDir);
    const oldMaster = t.deps.keyring.masterKeys.current;
    expect(await masterIdsInUse()).toEqual([oldMaster.id]);

    const summary = await rotateKeys(t.deps, { newMaster: true });
    const newMaster = t.deps.keyring.masterKeys.current;
    expect(newMaster.id).not.toBe(oldMaster.id);
    expect(summary).toMatchObject({ newMaster: true, masterKeyId: newMaster.id, previousStillNeeded: false });
    const [{ n }] = await t.deps.database.query<{ n: number }>(`select count(*)::int as n from data_keys`);
    expect(summary.rewrapped).toBe(n - summary.scopes.length); // all but the keys it just added under the new master

    // No data key names the old master; the key file holds only the new one, 0600.
    expect(await masterIdsInUse()).toEqual([newMaster.id]);
    const onDisk = loadMasterKeys({ dataDir: t.dataDir });
    expect(onDisk.current.id).toBe(newMaster.id);
    expect(onDisk.previous).toEqual([]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(t.deps.keyring.masterKeys.previous).toEqual([]);

    // Through the app (whose keyring cached unwrapped keys)…
    expect(await sensitiveOf(before)).toEqual(SENSITIVE);
    expect(await sensitiveOf(after)).toEqual(SENSITIVE);
    // …and through a fresh keyring that has only the new master key (a restarted process).
    const fresh = new Keyring({ current: newMaster, previous: [], source: { kind: 'env' } });
    expect(await fresh.decrypt(t.deps.database.db, t.orgs.a, await rawColumn(before))).toBe('TPS');
    expect(await fresh.decrypt(t.deps.database.db, t.orgs.a, await rawColumn(after))).toBe('TPS');
    // The old master key alone opens nothing any more.
    const oldOnly = new Keyring({ current: oldMaster, previous: [], source: { kind: 'env' } });
    await expect(oldOnly.decrypt(t.deps.database.db, t.orgs.a, await rawColumn(before))).rejects.toThrow(/unknown master key/);
    // Another process that still held the old key file reloads it when it meets the new master id.
    const otherProcess = new Keyring({ current: oldMaster, previous: [], source: { kind: 'file', file } });
    expect(await otherProcess.decrypt(t.deps.database.db, t.orgs.a, await rawColumn(before))).toBe('TPS');
    expect(otherProcess.masterKeys.current.id).toBe(newMaster.id);
  });

  it('with HAVEN_MASTER_KEY from the environment: refuses --new-master, explaining the procedure, and changes nothing', async () => {
    const envMaster = t.deps.keyring.masterKeys.current;
    const deps: Deps = { ...t.deps, keyring: new Keyring({ current: envMaster, previous: [], source: { kind: 'env' } }) };
    const versions = await t.deps.database.query(`select scope, version, master_key_id from data_keys order by 1, 2`);
    await expect(rotateKeys(deps, { newMaster: true })).rejects.toThrow(/HAVEN_MASTER_KEYS_PREVIOUS[\s\S]*haven keys rotate/);
    expect(await t.deps.database.query(`select scope, version, master_key_id from data_keys order by 1, 2`)).toEqual(versions);
  });

  it('the environment procedure: new HAVEN_MASTER_KEY + old one in HAVEN_MASTER_KEYS_PREVIOUS, then rotate', async () => {
    const oldMaster = t.deps.keyring.masterKeys.current;
    const newKey = crypto.randomBytes(32).toString('base64');
    const masters = loadMasterKeys({ envKey: newKey, envPrevious: oldMaster.key.toString('base64'), dataDir: t.dataDir });
    const deps: Deps = { ...t.deps, keyring: new Keyring(masters) };

    const summary = await rotateKeys(deps);
    expect(summary.previousStillNeeded).toBe(false);
    expect(summary.previousCount).toBe(1);
    expect(await masterIdsInUse()).toEqual([parseMasterKey(newKey).id]);
    const restarted = new Keyring(loadMasterKeys({ envKey: newKey, dataDir: t.dataDir }));
    expect(await restarted.decrypt(t.deps.database.db, t.orgs.a, await rawColumn(before))).toBe('TPS');
  });

  it('refuses when a data key is wrapped by a master key it does not have, before changing anything', async () => {
    const stranger = { ...parseMasterKey(crypto.randomBytes(32).toString('base64')) };
    const deps: Deps = { ...t.deps, keyring: new Keyring({ current: stranger, previous: [], source: { kind: 'env' } }) };
    await expect(rotateKeys(deps)).rejects.toThrow(/HAVEN_MASTER_KEYS_PREVIOUS/);
  });

  it('audits each rotation as "cli"', async () => {
    const rows = await t.deps.database.query<{ actor_label: string; details: { newMaster: boolean } }>(
      `select actor_label, details from audit_log where action = 'keys.rotate' order by id`,
    );
    expect(rows.map((r) => [r.actor_label, r.details.newMaster])).toEqual([
      ['cli', false],
      ['cli', false],
      ['cli', true],
      ['cli', false],
    ]);
    expect((await verifyAuditChains(t.deps.database.db)).ok).toBe(true);
  });
});
