/**
 * The people search as the app runs it, and the variants the benchmark measures beside it.
 * `filterFor` repeats the six lines of search-people.ts that turn a request into a
 * PeopleFilter; the SQL itself comes from the app's `searchCondition` and the same query
 * builder shape as `peopleRepo.search`, rendered with `.toSQL()`.
 */
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Db, DbOrTx } from '../../server/db/client.ts';
import { queryReadings } from '../../server/modules/people/name-keys.ts';
import { type PeopleFilter, searchCondition } from '../../server/modules/people/people.repository.ts';
import { people } from '../../server/modules/people/people.table.ts';
import { looksLikePhone, toE164 } from '../../server/modules/people/phone.ts';

export interface SearchQuery {
  q?: string;
  zip?: string;
  language?: 'ko' | 'en' | 'es';
  state?: string;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** As searchPeople builds it from the request. */
export function filterFor(input: SearchQuery): PeopleFilter {
  const q = input.q?.trim() ?? '';
  const filter: PeopleFilter = { nameReadings: [], phone: null, language: input.language, state: input.state, zip: input.zip };
  if (q && looksLikePhone(q)) filter.phone = { e164: toE164(q), digits: q.replace(/\D/g, '').slice(-10) };
  else if (q) filter.nameReadings = queryReadings(q);
  return filter;
}

/** The two statements peopleRepo.search sends (page of rows, exact total). */
export function appStatements(db: Db, orgId: string, filter: PeopleFilter, limit = 50, offset = 0): Statement[] {
  const where = searchCondition(orgId, filter);
  return [
    db.select().from(people).where(where).orderBy(desc(people.createdAt), desc(people.id)).limit(limit).offset(offset).toSQL(),
    db.select({ total: count() }).from(people).where(where).toSQL(),
  ];
}

// ---- prototypes (measured, not proposed verbatim) ----

export const TOTAL_CAP = 1000;

/** Phone: the exact E.164 match alone when the number parses (the btree index serves it); the suffix LIKE only when it does not. */
export function prototypeCondition(orgId: string, filter: PeopleFilter): SQL {
  const base = searchCondition(orgId, { ...filter, phone: null });
  if (!filter.phone) return base;
  const phone = filter.phone.e164 ? eq(people.phoneE164, filter.phone.e164) : sql`${people.phoneE164} like ${`%${filter.phone.digits}`}`;
  return and(base, phone)!;
}

/** Page of rows, and a total counted only up to TOTAL_CAP + 1 ("1000+"). */
export function cappedStatements(db: Db, orgId: string, filter: PeopleFilter, where: SQL = searchCondition(orgId, filter), limit = 50, offset = 0): Statement[] {
  const capped = db.select({ one: sql`1` }).from(people).where(where).limit(TOTAL_CAP + 1).as('capped');
  return [
    db.select().from(people).where(where).orderBy(desc(people.createdAt), desc(people.id)).limit(limit).offset(offset).toSQL(),
    db.select({ total: count() }).from(capped).toSQL(),
  ];
}

/**
 * Page of rows when the matches are few (≤ TOTAL_CAP, known from the capped count): a
 * subquery with a LIMIT is a planning fence (Drizzle drops `offset 0`, the usual one; the
 * limit cuts nothing as the count is known), so PostgreSQL collects the matches through the
 * trigram index and sorts them, instead of walking people_org_created_idx newest-first
 * and testing every row until 50 match (its choice when it overestimates the matches).
 */
export function fencedPage(db: Db | DbOrTx, where: SQL, limit: number, offset: number) {
  const m = (db as Db).select().from(people).where(where).limit(TOTAL_CAP + 1).as('m');
  return (db as Db).select().from(m).orderBy(desc(m.createdAt), desc(m.id)).limit(limit).offset(offset);
}

/** A drop-in for peopleRepo.search with every prototype change, for the end-to-end what-if run. */
export async function prototypeSearch(db: DbOrTx, orgId: string, filter: PeopleFilter, limit: number, offset: number) {
  const where = prototypeCondition(orgId, filter);
  const capped = db.select({ one: sql`1` }).from(people).where(where).limit(TOTAL_CAP + 1).as('capped');
  const [{ total }] = await db.select({ total: count() }).from(capped);
  const items = Number(total) <= TOTAL_CAP
    ? await fencedPage(db, where, limit, offset)
    : await db.select().from(people).where(where).orderBy(desc(people.createdAt), desc(people.id)).limit(limit).offset(offset);
  return { items, total: Number(total) };
}

/** The same at the SQL level: capped count first, then the page statement it calls for. */
export function prototypeStatements(db: Db, orgId: string, filter: PeopleFilter, limit = 50, offset = 0) {
  const where = prototypeCondition(orgId, filter);
  const [plainPage, cappedCount] = cappedStatements(db, orgId, filter, where, limit, offset);
  return { cappedCount, plainPage, fencedPage: fencedPage(db, where, limit, offset).toSQL() as Statement };
}

// ---- running statements ----

type Query = (text: string, params?: unknown[]) => Promise<unknown[]>;

/** Statements one after another on the database, outside any transaction, as the connecting (super)user: no RLS. */
export async function runDirect(database: Database, statements: Statement[]) {
  const out: unknown[][] = [];
  for (const s of statements) out.push(await database.query(s.sql, s.params));
  return out;
}

/**
 * Statements in one transaction as haven_app with the org set — exactly the database work
 * of a request (inTx in platform/db-context.ts), so row-level security applies.
 */
export async function runAsApp(database: Database, orgId: string, statements: Statement[]) {
  return withAppTx(database, orgId, async (query) => {
    const out: unknown[][] = [];
    for (const s of statements) out.push((await query(s.sql, s.params)) as unknown[]);
    return out;
  });
}

/** `fn` inside a transaction as haven_app with the org set (see runAsApp). */
export async function withAppTx<T>(database: Database, orgId: string, fn: (q: Query) => Promise<T>): Promise<T> {
  return withTx(database, async (query) => {
    await query(`select set_config('role', 'haven_app', true), set_config('haven.org_id', $1, true)`, [orgId]);
    return fn(query);
  });
}

/** The prototype's statements as a request would run them: capped count, then the page form it calls for. */
export async function runPrototypeAsApp(database: Database, orgId: string, p: ReturnType<typeof prototypeStatements>) {
  return withAppTx(database, orgId, async (query) => {
    const [row] = (await query(p.cappedCount.sql, p.cappedCount.params)) as Record<string, unknown>[];
    const total = Number(Object.values(row)[0]);
    const page = total <= TOTAL_CAP ? p.fencedPage : p.plainPage;
    return [await query(page.sql, page.params), total];
  });
}

async function withTx<T>(database: Database, fn: (q: Query) => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client: any }).$client;
  if (database.kind === 'postgres') {
    const conn = await client.connect();
    try {
      await conn.query('begin');
      const result = await fn(async (text, params) => (await conn.query(text, params)).rows);
      await conn.query('commit');
      return result;
    } catch (err) {
      await conn.query('rollback').catch(() => {});
      throw err;
    } finally {
      conn.release();
    }
  }
  return client.transaction((tx: any) => fn(async (text, params) => (await tx.query(text, params)).rows));
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, directly or as the app; the plan text. */
export async function explain(database: Database, orgId: string, s: Statement, asApp: boolean): Promise<string> {
  const stmt = { sql: `explain (analyze, buffers) ${s.sql}`, params: s.params };
  const rows = (asApp ? (await runAsApp(database, orgId, [stmt]))[0] : await database.query(stmt.sql, stmt.params)) as Record<string, string>[];
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** The plan in one line: its scan nodes (with the planner's row estimate and the actual rows) and the execution time. */
export function planSummary(plan: string): string {
  const scans: string[] = [];
  for (const l of plan.split('\n')) {
    const m = /((?:Parallel )?(?:Seq Scan|Index Scan(?: Backward)?|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan)[^(]*)\(cost=[^)]*rows=(\d+)[^)]*\) \(actual[^)]*rows=(\d+)/.exec(l);
    if (m) scans.push(`${m[1].trim()} (est. ${m[2]} rows, actual ${m[3]})`);
  }
  const exec = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  return `${scans.join(' + ') || 'no scan'}; ${exec ?? '?'} ms`;
}
