import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseDetail, CaseList, CaseStatus, CaseType } from '../../../contracts/cases.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { casesRepo } from './cases.repository.ts';
import { caseNotes, cases, caseTasks, dacaRecords } from './cases.table.ts';
import { dacaView } from './daca-records.ts';

/** A case with its timeline, notes (decrypted for the reader), tasks and DACA dates. Every read is audited (DESIGN §3 rule 4). */
export async function getCase({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<CaseDetail> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.find(tx.db, orgId, input.id);
    const [events, notes, tasks, [daca]] = [
      await casesRepo.events(tx.db, c.id),
      await tx.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id)).orderBy(asc(caseNotes.createdAt)),
      await tx.db.select().from(caseTasks).where(eq(caseTasks.caseId, c.id)).orderBy(asc(caseTasks.dueOn), asc(caseTasks.createdAt)),
      await tx.db.select().from(dacaRecords).where(and(eq(dacaRecords.orgId, orgId), eq(dacaRecords.personId, c.personId))),
    ];
    const names = await casesRepo.userNames(tx.db, [...events.map((e) => e.actorId), ...notes.map((n) => n.authorId)]);
    const who = (id: string | null) => (id ? { userId: id, name: names.get(id) ?? '' } : null);
    await audit(tx, { action: 'case.read', entityType: 'case', entityId: c.id });
    return {
      ...(await casesRepo.summaries(tx.db, [c]))[0],
      timeline: events.map((e) => ({ id: e.id, kind: e.kind, at: e.createdAt.toISOString(), actor: who(e.actorId), data: e.data })),
      notes: await Promise.all(notes.map(async (n) => ({ id: n.id, kind: n.kind, body: await ctx.deps.keyring.decrypt(tx.db, orgId, n.bodyEnc), at: n.createdAt.toISOString(), author: who(n.authorId) }))),
      tasks: tasks.map((t) => ({ id: t.id, title: t.title, dueOn: t.dueOn, assignedTo: t.assignedTo, doneAt: t.doneAt?.toISOString() ?? null })),
      daca: daca ? await dacaView(tx.db, daca) : null,
    };
  });
}

export async function listCases({ ctx, input }: { ctx: Ctx; input: { status?: CaseStatus | 'live'; type?: CaseType; mine?: boolean } }): Promise<CaseList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const live: CaseStatus[] = ['open', 'screening', 'in_progress', 'referred', 'filed'];
    const statuses = !input.status || input.status === 'live' ? live : [input.status];
    const rows = await tx.db
      .select()
      .from(cases)
      .where(and(eq(cases.orgId, orgId), inArray(cases.status, statuses), input.type ? eq(cases.type, input.type) : undefined, input.mine ? (ctx.actor?.userId ? eq(cases.assignedTo, ctx.actor.userId) : sql`false`) : undefined))
      .orderBy(desc(cases.openedAt))
      .limit(200);
    return { items: await casesRepo.summaries(tx.db, rows) };
  });
}
