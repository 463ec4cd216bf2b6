import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';

/**
 * The operations commands as an operator runs them: `node bin/haven.mjs …` as a child
 * process on an embedded data directory (PGlite on disk, key file generated on first use),
 * checking exit codes and what is printed. The verbs themselves are tested beside them;
 * this proves the wiring.
 */
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-ops-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const haven = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/haven.mjs', ...args], {
    env: { ...process.env, HAVEN_DATA_DIR: dataDir, DATABASE_URL: '', HAVEN_MASTER_KEY: '', HAVEN_MASTER_KEYS_PREVIOUS: '', LOG_LEVEL: 'silent', HAVEN_SEED_DEMO: 'false' },
    encoding: 'utf8',
    timeout: 60_000,
  });
const ok = (res: ReturnType<typeof haven>) => {
  expect(res.status, `${res.stdout}\n${res.stderr}`).toBe(0);
  return res.stdout;
};

describe('haven ops commands (child process, embedded database)', () => {
  const dir = tempDir();
  const backup = path.join(tempDir(), 'haven.ndjson.gz');

  it('org create, user create, audit verify', { timeout: 120_000 }, () => {
    expect(ok(haven(dir, 'org', 'create', '--slug', 'net', '--name', 'National Office', '--kind', 'network'))).toMatch(/created organization net/);
    expect(ok(haven(dir, 'org', 'create', '--slug', 'il', '--name', 'Illinois', '--parent', 'net', '--states', 'IL,IN', '--time-zone', 'America/Chicago'))).toMatch(
      /created organization il \(Illinois, affiliate under net\)/,
    );
    const created = ok(haven(dir, 'user', 'create', '--email', 'admin@il.example.org', '--name', 'Admin', '--org', 'il', '--role', 'affiliate_admin'));
    expect(created).toMatch(/created user admin@il\.example\.org .* as affiliate_admin in il/);
    expect(created).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{40,}/);

    const refused = haven(dir, 'user', 'create', '--email', 'x@il.example.org', '--name', 'X', '--org', 'il', '--role', 'wizard');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--role: must be one of network_admin/);

    expect(ok(haven(dir, 'audit', 'verify'))).toMatch(/audit log intact: 3 rows in 2 chains/);
  });

  it('keys rotate (--new-master on the key file), backup, restore elsewhere with the key file, verify', { timeout: 120_000 }, () => {
    const keyBefore = fs.readFileSync(path.join(dir, 'master.key'), 'utf8');
    const rotated = ok(haven(dir, 'keys', 'rotate', '--new-master'));
    expect(rotated).toMatch(/under a NEW master key/);
    expect(rotated).toMatch(/il \([0-9a-f-]{36}\) → version 2/);
    expect(fs.readFileSync(path.join(dir, 'master.key'), 'utf8')).not.toBe(keyBefore);

    const written = ok(haven(dir, 'backup', backup));
    expect(written).toMatch(/backup written: .* \(\d+ tables, \d+ rows/);
    expect(written).toMatch(/master key is NOT in it[\s\S]*master\.key/);

    // A new installation: the operator restores the key file alongside the backup.
    const dir2 = tempDir();
    fs.copyFileSync(path.join(dir, 'master.key'), path.join(dir2, 'master.key'));
    const restored = ok(haven(dir2, 'restore', backup));
    expect(restored).toMatch(/restored \d+ rows into \d+ tables/);
    expect(restored).not.toMatch(/WARNING/);
    expect(ok(haven(dir2, 'audit', 'verify'))).toMatch(/audit log intact/);
  });

  it('audit verify exits 1 and names the problem when a row was edited', { timeout: 120_000 }, async () => {
    const db = await openDatabase({ dataDir: dir });
    await db.exec(`update audit_log set actor_label = 'someone else' where seq = 1 and chain = (select chain from audit_chain_heads order by chain limit 1)`);
    await db.close();
    const res = haven(dir, 'audit', 'verify');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/audit log TAMPERED[\s\S]*seq 1: contents changed since written/);
  });
});
