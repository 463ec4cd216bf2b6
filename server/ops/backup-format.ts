import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { z } from 'zod';
import { OpsError } from './ops-errors.ts';

/**
 * A Haven backup is gzip'd NDJSON:
 *
 *   {"format":"haven-backup","version":1, …header…}          one line
 *   {"table":"organizations","rows":[{…},{…}]}               chunks, tables in load order
 *   {"end":true,"rows":1234}                                  end marker
 *
 * Row objects are PostgreSQL's own row_to_json text and go back through
 * json_populate_recordset without being parsed in JavaScript, so bigint and numeric
 * values keep every digit. The header carries each table's row count and the end marker
 * the total: a file cut short is refused even when its gzip stream happens to be whole.
 */

export const BACKUP_FORMAT = 'haven-backup';

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.object({ count: z.number().int().nonnegative(), last: z.string().nullable() }),
  /** Ids (hash prefixes, not keys) of the master keys that wrap the backed-up data keys. */
  masterKeyIds: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().nonnegative() })),
  note: z.string().optional(),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupEnd = z.object({ end: z.literal(true), rows: z.number().int().nonnegative() });

export const chunkLine = (table: string, rowJson: string[]) => `{"table":${JSON.stringify(table)},"rows":[${rowJson.join(',')}]}`;

const CHUNK_PREFIX = /^\{"table":"([A-Za-z0-9_]+)","rows":/;

/** Split a chunk line into its table and the rows' JSON text, without parsing the rows. */
export function parseChunkLine(line: string): { table: string; rowsJson: string } | null {
  const m = CHUNK_PREFIX.exec(line);
  if (!m || !line.endsWith(']}')) return null;
  return { table: m[1], rowsJson: line.slice(m[0].length, -1) };
}

/**
 * The file's lines, decompressed as they are read. Errors of the file or of gzip (a bad
 * header, a wrong checksum, a stream that ends early) are rethrown as an OpsError that
 * says the file is damaged.
 */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new OpsError(`backup file not found: ${file}`);
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  try {
    for await (const chunk of gunzip) {
      buffered += decoder.write(chunk as Buffer);
      let start = 0;
      let nl: number;
      while ((nl = buffered.indexOf('\n', start)) >= 0) {
        yield buffered.slice(start, nl);
        start = nl + 1;
      }
      buffered = buffered.slice(start);
    }
  } catch (err) {
    if (err instanceof OpsError) throw err;
    throw new OpsError(`backup file ${file} is damaged or not a Haven backup (${(err as Error).message})`);
  } finally {
    source.destroy();
  }
  buffered += decoder.end();
  if (buffered) yield buffered;
}

export interface CheckedBackup {
  header: BackupHeader;
  rows: number;
}

/**
 * Read the whole file once and check its structure: a header, chunk lines whose rows are
 * JSON arrays of objects in header table order, per-table counts as the header says, and
 * the end marker last. gzip verifies its checksum at the end of the stream, so after this
 * pass a damaged file has been reported as damaged, before the database is touched.
 */
export async function checkBackupFile(file: string): Promise<CheckedBackup> {
  const lines = readBackupLines(file);
  const damaged = (why: string) => new OpsError(`backup file ${file} is damaged: ${why}`);
  let header: BackupHeader | null = null;
  let end: z.infer<typeof BackupEnd> | null = null;
  const counts = new Map<string, number>();
  let position = 0;
  let total = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!header) {
      header = parseHeader(file, line);
      continue;
    }
    if (end) throw damaged(`there is data after the end marker (line ${lineNo})`);
    const chunk = parseChunkLine(line);
    if (!chunk) {
      end = parseEnd(line, damaged, lineNo);
      continue;
    }
    const at = header.tables.findIndex((t, i) => i >= position && t.name === chunk.table);
    if (at < 0) throw damaged(`line ${lineNo} has rows of table "${chunk.table}" out of place`);
    position = at;
    let rows: unknown;
    try {
      rows = JSON.parse(chunk.rowsJson);
    } catch {
      throw damaged(`line ${lineNo} (table ${chunk.table}) is not valid JSON`);
    }
    if (!Array.isArray(rows) || !rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
      throw damaged(`line ${lineNo} (table ${chunk.table}) does not hold rows`);
    }
    counts.set(chunk.table, (counts.get(chunk.table) ?? 0) + rows.length);
    total += rows.length;
  }
  if (!header) throw new OpsError(`backup file ${file} is empty`);
  if (!end) throw new OpsError(`backup file ${file} is incomplete (it ends before its end marker): it was cut short`);
  for (const t of header.tables) {
    const got = counts.get(t.name) ?? 0;
    if (got !== t.rows) throw new OpsError(`backup file ${file} is incomplete: table ${t.name} should have ${t.rows} rows, the file holds ${got}`);
  }
  if (end.rows !== total) throw damaged(`its end marker counts ${end.rows} rows, the file holds ${total}`);
  return { header, rows: total };
}

export function parseHeader(file: string, line: string | undefined): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(line ?? '');
  } catch {
    throw new OpsError(`backup file ${file} is damaged or not a Haven backup (its first line is not a header)`);
  }
  const parsed = BackupHeader.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OpsError(`backup file ${file} is not a Haven backup this version can read (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return parsed.data;
}

function parseEnd(line: string, damaged: (why: string) => Error, lineNo: number) {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw damaged(`line ${lineNo} is not valid JSON`);
  }
  const parsed = BackupEnd.safeParse(json);
  if (!parsed.success) throw damaged(`line ${lineNo} is neither rows nor the end marker`);
  return parsed.data;
}
