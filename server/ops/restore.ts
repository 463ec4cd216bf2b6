import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import type { Deps } from '../platform/context.ts';
import { type BackupHeader, checkBackupFile, parseChunkLine, readBackupLines } from './backup-format.ts';
import { CLI_ACTOR_LABEL } from './cli-ctx.ts';
import { ident, listColumnSequences, migrationLevel, rowsOf, tablesInLoadOrder } from './db-catalog.ts';
import { dbErrorMessage, OpsError } from './ops-errors.ts';
import { satisfiesForeignKeys } from './table-order.ts';

export interface RestoreSummary {
  tables: number;
  rows: number;
  backupCreatedAt: string;
  /** Master keys that wrap restored data keys but that this process does not have. */
  unknownMasterKeyIds: string[];
}

/**
 * Load a backup written by writeBackup into this database.
 *
 * The file is read twice: once to check all of it (a damaged or cut-short file is refused
 * before the database is touched), once to load it. Refuses unless the database is at the
 * backup's migration level (rows only fit the schema they came from) and empty (freshly
 * migrated), or `force` is given, which truncates every table first. The load is one
 * transaction: anything that fails rolls back and leaves the database as it was. Tables
 * load parents-first so non-deferrable foreign keys hold at every statement.
 */
export async function restoreBackup(deps: Deps, file: string, opts: { force?: boolean } = {}): Promise<RestoreSummary> {
  const db = deps.database.db;
  const { header } = await checkBackupFile(file);

  const level = await migrationLevel(db);
  if (level.count !== header.migrations.count || level.last !== header.migrations.last) {
    throw new OpsError(
      `this backup was taken at migration level ${header.migrations.count} (${short(header.migrations.last)}), ` +
        `but this database is at ${level.count} (${short(level.last)}). Restore with the Haven version that wrote the backup ` +
        `(into a database it migrated), then upgrade Haven, which migrates the restored data.`,
    );
  }
  const { tables, fks, selfReferencing } = await tablesInLoadOrder(db);
  checkSameTables(header, tables);
  const order = header.tables.map((t) => t.name);
  if (!satisfiesForeignKeys(order, fks)) throw new OpsError('the backup lists its tables in an order that breaks foreign keys; it was not written by `haven backup`');
  const columns = new Map(header.tables.map((t) => [t.name, t.columns]));

  let total = 0;
  const lines = readBackupLines(file);
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local row_security = off`);
      if (opts.force) {
        await tx.execute(sql.raw(`truncate table ${tables.map((t) => ident(t.name)).join(', ')} restart identity cascade`));
      } else {
        const busy = await nonEmptyTables(tx, order);
        if (busy.length) {
          throw new OpsError(
            `the database is not empty (rows in ${busy.join(', ')}). Restore into a freshly migrated database, ` +
              `or pass --force to replace everything in this one.`,
          );
        }
      }
      // A self-referencing foreign key cannot be satisfied by table order; like pg_dump's
      // --disable-triggers, skip the checks for the load (the rows come from a consistent snapshot).
      if (selfReferencing.length) await disableTriggersForLoad(tx, selfReferencing);

      // The file was checked: after the header come chunks, then the end marker.
      let lineNo = 0;
      for await (const line of lines) {
        lineNo++;
        const chunk = lineNo > 1 ? parseChunkLine(line) : null;
        if (chunk) total += await insertChunk(tx, chunk.table, columns.get(chunk.table)!, chunk.rowsJson, lineNo);
      }
      const expected = header.tables.reduce((a, t) => a + t.rows, 0);
      if (total !== expected) throw new OpsError(`loaded ${total} rows but the backup holds ${expected} (did the file change during the restore?)`);

      await resetSequences(tx);
      // The restored log ends with a record of the restore: it explains why anything done
      // between the backup and now is missing. Appended to the chain, so `audit verify` holds.
      await appendAudit(tx, {
        orgId: null,
        actorUserId: null,
        actorLabel: CLI_ACTOR_LABEL,
        action: 'backup.restore',
        entityType: null,
        entityId: null,
        details: { file: path.basename(file), backupCreatedAt: header.createdAt, tables: header.tables.length, rows: total, force: Boolean(opts.force) },
        ip: null,
        requestId: null,
      });
    });
  } catch (err) {
    throw new OpsError(`restore failed; the database was not changed.\n  ${dbErrorMessage(err)}`);
  } finally {
    await lines.return(undefined); // closes the file whichever way the load ended
  }

  const known = new Set([deps.keyring.masterKeys.current, ...deps.keyring.masterKeys.previous].map((k) => k.id));
  const used = await rowsOf<{ id: string }>(db, sql`select distinct master_key_id as id from data_keys order by 1`);
  return {
    tables: header.tables.length,
    rows: total,
    backupCreatedAt: header.createdAt,
    unknownMasterKeyIds: used.map((u) => u.id).filter((id) => !known.has(id)),
  };
}

/** The backup's tables and columns must be this database's, or rows would land in the wrong place. */
function checkSameTables(header: BackupHeader, tables: { name: string; columns: string[] }[]) {
  const mine = new Map(tables.map((t) => [t.name, t.columns]));
  const theirs = new Map(header.tables.map((t) => [t.name, t.columns]));
  const problems: string[] = [];
  for (const [name, cols] of theirs) {
    const here = mine.get(name);
    if (!here) problems.push(`table ${name} is in the backup but not in this database`);
    else if ([...cols].sort().join(',') !== [...here].sort().join(',')) problems.push(`table ${name} has different columns here`);
  }
  for (const name of mine.keys()) if (!theirs.has(name)) problems.push(`table ${name} is in this database but not in the backup`);
  if (problems.length) throw new OpsError(`the backup does not match this database's schema:\n  ${problems.join('\n  ')}`);
}

async function nonEmptyTables(tx: DbOrTx, tables: string[]) {
  const busy: string[] = [];
  for (const t of tables) {
    const [r] = await rowsOf<{ any: boolean }>(tx, sql.raw(`select exists (select 1 from ${ident(t)}) as any`));
    if (r.any) busy.push(t);
  }
  return busy;
}

async function insertChunk(tx: DbOrTx, table: string, columns: string[], rowsJson: string, lineNo: number): Promise<number> {
  const cols = columns.map(ident).join(', ');
  try {
    const [r] = await rowsOf<{ n: number }>(
      tx,
      sql`with ins as (
            insert into ${sql.raw(ident(table))} (${sql.raw(cols)}) overriding system value
            select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(ident(table))}, ${rowsJson}::json)
            returning 1
          ) select count(*)::int as n from ins`,
    );
    return Number(r.n);
  } catch (err) {
    throw new OpsError(`table ${table} (backup line ${lineNo}): ${dbErrorMessage(err)}`);
  }
}

async function disableTriggersForLoad(tx: DbOrTx, tables: string[]) {
  try {
    await tx.execute(sql`set local session_replication_role = replica`);
  } catch {
    throw new OpsError(`tables ${tables.join(', ')} reference themselves, so restoring them needs a superuser connection (to load them with foreign-key checks off)`);
  }
}

/** Serial and identity sequences continue after the highest restored value, so the next insert does not collide. */
async function resetSequences(tx: DbOrTx) {
  for (const s of await listColumnSequences(tx)) {
    await tx.execute(
      sql`select setval(${s.seq}::regclass, coalesce((select max(${sql.raw(ident(s.column))}) from ${sql.raw(ident(s.table))}), 0) + 1, false)`,
    );
  }
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : 'none');
