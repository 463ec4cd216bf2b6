import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.ts';
import { BACKUP_FORMAT, type BackupHeader, chunkLine } from './backup-format.ts';
import { ident, migrationLevel, rowsOf, tablesInLoadOrder, type TableInfo } from './db-catalog.ts';

/** Rows fetched per round trip, and the size at which a chunk line is cut. */
const FETCH_ROWS = 500;
const CHUNK_MAX_ROWS = 2000;
const CHUNK_MAX_CHARS = 1_000_000;

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  header: BackupHeader;
}

/**
 * Write every row of every public table to a gzip'd NDJSON file (format in backup-format.ts).
 *
 * One read-only REPEATABLE READ transaction gives a consistent snapshot (row counts in the
 * header and the rows that follow agree, foreign keys hold) while the app keeps writing.
 * The file is written under a temporary name and renamed at the end, so a backup that
 * fails half-way never leaves a plausible-looking file behind. It holds ciphertext only:
 * the master key is not in the database, so it is not in the backup either.
 */
export async function writeBackup(database: Database, file: string): Promise<BackupSummary> {
  const tmp = `${file}.partial`;
  let header!: BackupHeader;
  let total = 0;
  try {
    await database.db.transaction(
      async (tx) => {
        // An error instead of silently fewer rows if row-level security would hide any (a
        // connection that is neither superuser nor the tables' owner).
        await tx.execute(sql`set local row_security = off`);
        const { tables } = await tablesInLoadOrder(tx);
        const counts: number[] = [];
        for (const t of tables) {
          const [c] = await rowsOf<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${ident(t.name)}`));
          counts.push(Number(c.n));
        }
        const keyIds = await rowsOf<{ id: string }>(tx, sql`select distinct master_key_id as id from data_keys order by 1`);
        header = {
          format: BACKUP_FORMAT,
          version: 1,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations: await migrationLevel(tx),
          masterKeyIds: keyIds.map((k) => k.id),
          tables: tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: counts[i] })),
          note: 'Ciphertext only. The master key (HAVEN_MASTER_KEY or HAVEN_DATA_DIR/master.key) is not in this file and must be backed up separately.',
        };
        async function* lines() {
          yield `${JSON.stringify(header)}\n`;
          for (const t of tables) {
            for await (const chunk of tableChunks(tx, t)) {
              total += chunk.count;
              yield `${chunk.line}\n`;
            }
          }
          yield `${JSON.stringify({ end: true, rows: total })}\n`;
        }
        await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(tmp, { mode: 0o600 }));
        const expected = counts.reduce((a, b) => a + b, 0);
        if (total !== expected) throw new Error(`read ${total} rows but counted ${expected}; the backup is not consistent`);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { file, tables: header.tables.length, rows: total, bytes: fs.statSync(file).size, header };
}

/** A table's rows in primary-key order, as chunk lines. A cursor keeps this linear on big tables (no OFFSET). */
async function* tableChunks(tx: DbOrTx, table: TableInfo): AsyncGenerator<{ line: string; count: number }> {
  const orderBy = table.pk.length ? table.pk.map(ident).join(', ') : 'ctid';
  await tx.execute(sql.raw(`declare haven_backup no scroll cursor for select row_to_json(t)::text as j from (select * from ${ident(table.name)} order by ${orderBy}) t`));
  try {
    let rows: string[] = [];
    let chars = 0;
    for (;;) {
      const batch = await rowsOf<{ j: string }>(tx, sql.raw(`fetch forward ${FETCH_ROWS} from haven_backup`));
      for (const r of batch) {
        rows.push(r.j);
        chars += r.j.length;
        if (rows.length >= CHUNK_MAX_ROWS || chars >= CHUNK_MAX_CHARS) {
          yield { line: chunkLine(table.name, rows), count: rows.length };
          rows = [];
          chars = 0;
        }
      }
      if (batch.length < FETCH_ROWS) break;
    }
    if (rows.length) yield { line: chunkLine(table.name, rows), count: rows.length };
  } finally {
    // After a failed fetch the transaction is aborted and this fails too; the first error is the one to report.
    await tx.execute(sql.raw('close haven_backup')).catch(() => {});
  }
}
