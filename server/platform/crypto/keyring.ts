import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dataKeys } from './crypto.table.ts';
import { open, seal } from './aead.ts';
import { type MasterKeys, readKeyFile } from './master-key.ts';

export const SYSTEM_SCOPE = 'system';
const PREFIX = 'hv1';

/**
 * Envelope encryption. Each scope (an org id, or "system") has versioned data keys, stored
 * wrapped by the master key. Ciphertext names the key version it was sealed with, so after
 * `haven keys rotate` old values still open while new ones use the new version.
 *
 * Every call takes the executor (`db`) to use: inside a transaction that must be the
 * transaction itself (PGlite is one session; a second connection would wait on it forever).
 */
export class Keyring {
  private keys = new Map<string, Buffer>();
  private currentVersion = new Map<string, { version: number; checkedAt: number }>();

  constructor(private masters: MasterKeys) {}

  setMasterKeys(masters: MasterKeys) {
    this.masters = masters;
  }

  get masterKeys() {
    return this.masters;
  }

  async encrypt(db: DbOrTx, scope: string, plaintext: string): Promise<string> {
    const version = await this.currentKeyVersion(db, scope);
    const key = await this.dataKey(db, scope, version);
    return `${PREFIX}.${version}.${seal(key, Buffer.from(plaintext, 'utf8'), scope)}`;
  }

  async decrypt(db: DbOrTx, scope: string, value: string): Promise<string> {
    const [prefix, version, ...rest] = value.split('.');
    if (prefix !== PREFIX) throw new Error('not a Haven ciphertext');
    const key = await this.dataKey(db, scope, Number(version));
    return open(key, rest.join('.'), scope).toString('utf8');
  }

  async encryptNullable(db: DbOrTx, scope: string, plaintext: string | null | undefined) {
    return plaintext == null || plaintext === '' ? null : this.encrypt(db, scope, plaintext);
  }

  async decryptNullable(db: DbOrTx, scope: string, value: string | null | undefined) {
    return value == null ? null : this.decrypt(db, scope, value);
  }

  /** Create a scope's first key (idempotent; two processes racing insert once). */
  async ensureScope(db: DbOrTx, scope: string): Promise<void> {
    await this.currentKeyVersion(db, scope);
  }

  /** Add a new key version for the scope; new writes use it from then on. */
  async addKeyVersion(db: DbOrTx, scope: string): Promise<number> {
    const [latest] = await db.select().from(dataKeys).where(eq(dataKeys.scope, scope)).orderBy(desc(dataKeys.version)).limit(1);
    const version = (latest?.version ?? 0) + 1;
    await this.insertKey(db, scope, version);
    this.currentVersion.delete(scope);
    return version;
  }

  /** Re-wrap every stored data key under the current master key. */
  async rewrapAll(db: DbOrTx): Promise<number> {
    const rows = await db.select().from(dataKeys);
    let changed = 0;
    for (const row of rows) {
      if (row.masterKeyId === this.masters.current.id) continue;
      const key = this.unwrap(row);
      await db
        .update(dataKeys)
        .set({ wrappedKey: this.wrap(key, row.scope, row.version), masterKeyId: this.masters.current.id })
        .where(and(eq(dataKeys.scope, row.scope), eq(dataKeys.version, row.version)));
      changed++;
    }
    return changed;
  }

  private async currentKeyVersion(db: DbOrTx, scope: string): Promise<number> {
    const cached = this.currentVersion.get(scope);
    // Re-read now and then so a rotation by another process is picked up without a restart.
    if (cached && Date.now() - cached.checkedAt < 60_000) return cached.version;
    let [latest] = await db.select({ version: dataKeys.version }).from(dataKeys).where(eq(dataKeys.scope, scope)).orderBy(desc(dataKeys.version)).limit(1);
    if (!latest) {
      await this.insertKey(db, scope, 1);
      latest = { version: 1 };
    }
    this.currentVersion.set(scope, { version: latest.version, checkedAt: Date.now() });
    return latest.version;
  }

  private async dataKey(db: DbOrTx, scope: string, version: number): Promise<Buffer> {
    const cacheKey = `${scope}:${version}`;
    const cached = this.keys.get(cacheKey);
    if (cached) return cached;
    const [row] = await db.select().from(dataKeys).where(and(eq(dataKeys.scope, scope), eq(dataKeys.version, version)));
    if (!row) throw new Error(`no data key ${version} for scope`);
    const key = this.unwrap(row);
    this.keys.set(cacheKey, key);
    return key;
  }

  private async insertKey(db: DbOrTx, scope: string, version: number) {
    const key = crypto.randomBytes(32);
    await db
      .insert(dataKeys)
      .values({ scope, version, wrappedKey: this.wrap(key, scope, version), masterKeyId: this.masters.current.id })
      .onConflictDoNothing();
  }

  private wrap(key: Buffer, scope: string, version: number) {
    return seal(this.masters.current.key, key, `${scope}:${version}`);
  }

  private unwrap(row: { wrappedKey: string; masterKeyId: string; scope: string; version: number }): Buffer {
    let master = [this.masters.current, ...this.masters.previous].find((m) => m.id === row.masterKeyId);
    if (!master && this.masters.source.kind === 'file') {
      // Another process rotated the key file (`keys rotate --new-master`): take its keys.
      this.masters = readKeyFile(this.masters.source.file);
      master = [this.masters.current, ...this.masters.previous].find((m) => m.id === row.masterKeyId);
    }
    if (!master) throw new Error(`data key wrapped by unknown master key ${row.masterKeyId}; set HAVEN_MASTER_KEYS_PREVIOUS`);
    return open(master.key, row.wrappedKey, `${row.scope}:${row.version}`);
  }
}
