import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../db/client.ts';
import { orderTables } from './table-order.ts';

/**
 * What backup and restore need to know about the database, read from the system catalogs
 * so that a table added by a later migration is included without touching this code.
 * Plain SQL that PGlite (PostgreSQL 18) and Debian's PostgreSQL 15 both accept.
 */

export interface TableInfo {
  name: string;
  /** Insertable columns in table order (generated columns are recomputed, not restored). */
  columns: string[];
  /** Primary key columns; empty when the table has none (rows are then read in ctid order). */
  pk: string[];
}

export interface MigrationLevel {
  count: number;
  /** Hash of the newest applied migration (drizzle stores a sha256 of its SQL). */
  last: string | null;
}

export { rowsOf } from '../db/client.ts';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every ordinary table in the public schema (not drizzle's bookkeeping, which lives in schema "drizzle"). */
export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const rows = await rowsOf<{ name: string; columns: string; pk: string }>(
    db,
    sql`select c.relname as name,
          (select coalesce(json_agg(a.attname order by a.attnum), '[]'::json) from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '')::text as columns,
          (select coalesce(json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum)), '[]'::json)
            from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
            where i.indrelid = c.oid and i.indisprimary)::text as pk
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
  );
  return rows.map((r) => ({ name: r.name, columns: JSON.parse(r.columns), pk: JSON.parse(r.pk) }));
}

/** Foreign keys between public tables, as child → parent edges. */
export async function listForeignKeys(db: DbOrTx): Promise<{ child: string; parent: string }[]> {
  return rowsOf(
    db,
    sql`select distinct ch.relname as child, pa.relname as parent
        from pg_constraint k
        join pg_class ch on ch.oid = k.conrelid join pg_namespace chn on chn.oid = ch.relnamespace
        join pg_class pa on pa.oid = k.confrelid join pg_namespace pan on pan.oid = pa.relnamespace
        where k.contype = 'f' and chn.nspname = 'public' and pan.nspname = 'public'
        order by 1, 2`,
  );
}

/** Tables in an order that satisfies every foreign key (parents first), plus those that reference themselves. */
export async function tablesInLoadOrder(db: DbOrTx) {
  const tables = await listTables(db);
  const fks = await listForeignKeys(db);
  const { order, selfReferencing } = orderTables(
    tables.map((t) => t.name),
    fks,
  );
  const byName = new Map(tables.map((t) => [t.name, t]));
  return { tables: order.map((n) => byName.get(n)!), selfReferencing, fks };
}

/** Sequences that feed a column (serial, bigserial, identity) in public tables. */
export async function listColumnSequences(db: DbOrTx): Promise<{ table: string; column: string; seq: string }[]> {
  return rowsOf(
    db,
    sql`select * from (
          select c.relname as table, a.attname as column,
                 pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        ) s where seq is not null order by 1, 2`,
  );
}

/** How far drizzle's migrator has taken this database. */
export async function migrationLevel(db: DbOrTx): Promise<MigrationLevel> {
  const [exists] = await rowsOf<{ ok: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) return { count: 0, last: null };
  const [row] = await rowsOf<{ count: number; last: string | null }>(
    db,
    sql`select count(*)::int as count,
          (select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1) as last
        from drizzle.__drizzle_migrations`,
  );
  return { count: Number(row.count), last: row.last ?? null };
}
