import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CaseSummary } from '../../../contracts/cases.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { users } from '../organizations/organizations.table.ts';
import { people } from '../people/index.ts';
import { caseEvents, cases } from './cases.table.ts';

export type CaseRow = typeof cases.$inferSelect;

/** The case tables' reads and writes that more than one verb needs. */
export const casesRepo = {
  /** The case, locked for the rest of the transaction; another org's or a missing one is a 404 (DESIGN §3 rule 2). */
  async lock(db: DbOrTx, orgId: string, id: string): Promise<CaseRow> {
    const [row] = await db.select().from(cases).where(and(eq(cases.orgId, orgId), eq(cases.id, id))).for('update');
    if (!row) throw notFound('case');
    return row;
  },
  async find(db: DbOrTx, orgId: string, id: string): Promise<CaseRow> {
    const [row] = await db.select().from(cases).where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
    if (!row) throw notFound('case');
    return row;
  },
  event(db: DbOrTx, orgId: string, caseId: string, kind: string, actorId: string | null, data: Record<string, unknown> = {}) {
    return db.insert(caseEvents).values({ orgId, caseId, kind, actorId, data });
  },
  async events(db: DbOrTx, caseId: string) {
    return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
  },
  /** Display names of users, for assignees, authors and actors. */
  async userNames(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    if (!wanted.length) return new Map();
    const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async summaries(db: DbOrTx, rows: CaseRow[]): Promise<CaseSummary[]> {
    if (!rows.length) return [];
    const persons = await db
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, nameKo: people.nameKo })
      .from(people)
      .where(inArray(people.id, [...new Set(rows.map((r) => r.personId))]));
    const personName = new Map(persons.map((p) => [p.id, [p.nameKo, [p.givenName, p.familyName].filter(Boolean).join(' ')].filter(Boolean).join(' · ')]));
    const names = await casesRepo.userNames(db, rows.map((r) => r.assignedTo));
    return rows.map((r) => ({
      id: r.id, type: r.type, status: r.status, lang: r.lang,
      person: { id: r.personId, name: personName.get(r.personId) ?? '' },
      assignedTo: r.assignedTo ? { userId: r.assignedTo, name: names.get(r.assignedTo) ?? '' } : null,
      conversationId: r.conversationId, openedAt: r.openedAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null, version: r.version,
    }));
  },
};
