import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const haven = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['bin/haven.mjs', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });

describe('haven CLI', () => {
  it('refuses a second process on the same embedded database, and frees it after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-lock-'));
    try {
      // A live process (this test runner) holds the claim.
      fs.writeFileSync(path.join(dir, 'haven.pid'), String(process.pid));
      const busy = haven(['migrate'], { HAVEN_DATA_DIR: dir, DATABASE_URL: '' });
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(/in use by process/);
      // A claim left by a dead process is stale and taken over; the lock is released on exit.
      fs.writeFileSync(path.join(dir, 'haven.pid'), '999999');
      const ok = haven(['migrate'], { HAVEN_DATA_DIR: dir, DATABASE_URL: '' });
      expect(ok.status, ok.stderr).toBe(0);
      expect(fs.existsSync(path.join(dir, 'haven.pid'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops start-up on a configuration error, naming the variable and not its value', () => {
    const res = haven(['start'], { PORT: 'eighty', SMTP_URL: 'http://not-smtp-secret-value' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/PORT/);
    expect(res.stderr).toMatch(/SMTP_URL/);
    expect(res.stderr).not.toMatch(/not-smtp-secret-value/);
  });

  it('migrates an embedded database and creates a 0600 master key file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-cli-'));
    try {
      const res = haven(['migrate'], { HAVEN_DATA_DIR: dir, DATABASE_URL: '' });
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/migrations applied \(pglite\)/);
      expect(fs.statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
