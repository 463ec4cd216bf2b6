import { ne, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.ts';
import type { Deps } from '../platform/context.ts';
import { dataKeys } from '../platform/crypto/crypto.table.ts';
import { SYSTEM_SCOPE } from '../platform/crypto/keyring.ts';
import { forgetPreviousKeys, rotateKeyFile } from '../platform/crypto/master-key.ts';
import { CLI_ACTOR_LABEL } from './cli-ctx.ts';
import { rowsOf } from './db-catalog.ts';
import { OpsError } from './ops-errors.ts';

export interface RotateSummary {
  scopes: { scope: string; label: string; version: number }[];
  rewrapped: number;
  masterKeyId: string;
  newMaster: boolean;
  /** Previous master keys still needed (some data key is still wrapped by one of them). */
  previousStillNeeded: boolean;
  /** Previous master keys that may now be dropped (env: HAVEN_MASTER_KEYS_PREVIOUS). */
  previousCount: number;
}

export const ENV_NEW_MASTER_REFUSAL =
  'the master key comes from HAVEN_MASTER_KEY, which Haven cannot change. To move to a new master key:\n' +
  '  1. generate one:  node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"\n' +
  '  2. set HAVEN_MASTER_KEY to the new key and put the old one in HAVEN_MASTER_KEYS_PREVIOUS (comma-separated),\n' +
  '     for every Haven process, and restart them one by one (each can then read keys wrapped by either);\n' +
  '  3. run `haven keys rotate` (without --new-master): it re-wraps every data key under the new master key;\n' +
  '  4. remove HAVEN_MASTER_KEYS_PREVIOUS and restart again.';

/**
 * `haven keys rotate`: a new data-key version for every scope (each org that has keys, plus
 * "system"), and every data key re-wrapped under the current master key.
 *
 * No downtime: ciphertext names its key version, so values written before stay readable;
 * running processes keep their unwrapped keys cached and look up the current version once
 * a minute, so new writes move to the new version without a restart.
 *
 * `newMaster` (key-file master keys only): the key file first gets a new current key, the
 * old one kept as "previous"; once every data key is re-wrapped the old one is dropped.
 * If anything fails before that, the file still holds both keys, so nothing becomes
 * unreadable and the command can simply be run again.
 */
export async function rotateKeys(deps: Deps, opts: { newMaster?: boolean } = {}): Promise<RotateSummary> {
  const { keyring } = deps;
  const db = deps.database.db;
  await checkAllMastersKnown(deps);

  if (opts.newMaster) {
    const source = keyring.masterKeys.source;
    if (source.kind !== 'file') throw new OpsError(`--new-master: ${ENV_NEW_MASTER_REFUSAL}`);
    keyring.setMasterKeys(rotateKeyFile(source.file));
  }

  const result = await db.transaction(async (tx) => {
    // Holds off data keys created meanwhile (a new org in a running process) until we
    // commit, so none escapes the re-wrap below.
    await tx.execute(sql`lock table data_keys in share row exclusive mode`);
    const scopeRows = await rowsOf<{ scope: string }>(tx, sql`select distinct scope from data_keys order by scope`);
    const scopes = [...new Set([...scopeRows.map((r) => r.scope), SYSTEM_SCOPE])];
    const slugs = new Map((await rowsOf<{ id: string; slug: string }>(tx, sql`select id::text as id, slug from organizations`)).map((o) => [o.id, o.slug]));
    const added: RotateSummary['scopes'] = [];
    for (const scope of scopes) {
      const version = await keyring.addKeyVersion(tx, scope);
      added.push({ scope, label: scope === SYSTEM_SCOPE ? 'system' : (slugs.get(scope) ?? 'unknown org'), version });
    }
    const rewrapped = await keyring.rewrapAll(tx);
    await appendAudit(tx, {
      orgId: null,
      actorUserId: null,
      actorLabel: CLI_ACTOR_LABEL,
      action: 'keys.rotate',
      entityType: null,
      entityId: null,
      details: { scopes: added.length, rewrapped, newMaster: Boolean(opts.newMaster), masterKeyId: keyring.masterKeys.current.id },
      ip: null,
      requestId: null,
    });
    return { scopes: added, rewrapped };
  });

  const current = keyring.masterKeys.current.id;
  const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(dataKeys).where(ne(dataKeys.masterKeyId, current));
  const previousStillNeeded = Number(left.n) > 0;
  const previousCount = keyring.masterKeys.previous.length;
  const source = keyring.masterKeys.source;
  // Once nothing is wrapped by them, old keys in the key file are only a liability (this
  // also finishes an earlier --new-master run that stopped before this point).
  if (source.kind === 'file' && previousCount > 0 && !previousStillNeeded) {
    forgetPreviousKeys(source.file);
    keyring.setMasterKeys({ ...keyring.masterKeys, previous: [] });
  }
  return { ...result, masterKeyId: current, newMaster: Boolean(opts.newMaster), previousStillNeeded, previousCount };
}

/** Fail before changing anything if some data key is wrapped by a master key this process lacks. */
async function checkAllMastersKnown(deps: Deps) {
  const masters = deps.keyring.masterKeys;
  const known = new Set([masters.current, ...masters.previous].map((m) => m.id));
  const used = await rowsOf<{ id: string; n: number }>(deps.database.db, sql`select master_key_id as id, count(*)::int as n from data_keys group by 1 order by 1`);
  const unknown = used.filter((u) => !known.has(u.id));
  if (unknown.length) {
    throw new OpsError(
      `${unknown.reduce((a, u) => a + Number(u.n), 0)} data key(s) are wrapped by master key(s) ${unknown.map((u) => u.id).join(', ')}, ` +
        `which this process does not have. Put the old master key in HAVEN_MASTER_KEYS_PREVIOUS (or restore the key file) and run again.`,
    );
  }
}
