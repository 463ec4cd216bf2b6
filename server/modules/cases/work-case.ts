import { and, eq, isNull } from 'drizzle-orm';
import type { CaseNote, CaseNoteInput, CaseSummary, CaseTask, CaseTaskInput, CaseStatus } from '../../../contracts/cases.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { memberships } from '../organizations/organizations.table.ts';
import { canMove } from './case-status.ts';
import { casesRepo } from './cases.repository.ts';
import { caseNotes, cases, caseTasks } from './cases.table.ts';

/** Move a case along its workflow (case-status.ts); a stale version is a 409, an impossible move a 400. */
export async function changeCaseStatus({ ctx, input }: { ctx: Ctx; input: { id: string; status: CaseStatus; version: number; disposition?: string } }): Promise<CaseSummary> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    if (c.version !== input.version) throw conflict();
    if (!canMove(c.type, c.status, input.status)) throw invalid('case_transition_invalid', 'status');
    const closing = input.status === 'closed';
    const [row] = await tx.db
      .update(cases)
      .set({ status: input.status, version: c.version + 1, closedAt: closing ? new Date() : null, disposition: closing ? (input.disposition ?? null) : null })
      .where(eq(cases.id, c.id))
      .returning();
    await casesRepo.event(tx.db, orgId, c.id, 'status', ctx.actor?.userId ?? null, { from: c.status, to: input.status });
    await audit(tx, { action: 'case.status', entityType: 'case', entityId: c.id, details: { from: c.status, to: input.status } });
    return (await casesRepo.summaries(tx.db, [row]))[0];
  });
}

/**
 * A note, sealed with the org's key. Legal advice only from those whose role carries
 * cases.legal_advice (attorneys, accredited representatives): volunteers and responders
 * give information and refer (DESIGN §3 rule 6). The audit says a note was written, never what.
 */
export async function addCaseNote({ ctx, input }: { ctx: Ctx; input: CaseNoteInput & { id: string } }): Promise<CaseNote> {
  const orgId = requireOrg(ctx);
  if (input.kind === 'legal_advice' && !ctx.actor?.permissions.has('cases.legal_advice')) throw new AppError('legal_advice_not_allowed', 403, {}, 'kind');
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    const me = ctx.actor?.userId ?? null;
    const [note] = await tx.db.insert(caseNotes).values({ orgId, caseId: c.id, kind: input.kind, bodyEnc: await ctx.deps.keyring.encrypt(tx.db, orgId, input.body), authorId: me }).returning();
    await casesRepo.event(tx.db, orgId, c.id, 'note', me, { noteId: note.id, kind: input.kind });
    await audit(tx, { action: 'case.note', entityType: 'case', entityId: c.id, details: { noteId: note.id, kind: input.kind } });
    const names = await casesRepo.userNames(tx.db, [me]);
    return { id: note.id, kind: note.kind, body: input.body, at: note.createdAt.toISOString(), author: me ? { userId: me, name: names.get(me) ?? '' } : null };
  });
}

export async function addCaseTask({ ctx, input }: { ctx: Ctx; input: CaseTaskInput & { id: string } }): Promise<CaseTask> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    if (input.assignedTo) {
      const [member] = await tx.db.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, input.assignedTo)));
      if (!member) throw invalid('not_a_member', 'assignedTo');
    }
    const me = ctx.actor?.userId ?? null;
    const [task] = await tx.db.insert(caseTasks).values({ orgId, caseId: c.id, title: input.title, dueOn: input.dueOn ?? null, assignedTo: input.assignedTo ?? null, createdBy: me }).returning();
    await casesRepo.event(tx.db, orgId, c.id, 'task_added', me, { taskId: task.id, dueOn: task.dueOn });
    await audit(tx, { action: 'case.task_add', entityType: 'case', entityId: c.id, details: { taskId: task.id } });
    return { id: task.id, title: task.title, dueOn: task.dueOn, assignedTo: task.assignedTo, doneAt: null };
  });
}

/** Done once: doing it again changes nothing (a double tap on a phone). */
export async function completeCaseTask({ ctx, input }: { ctx: Ctx; input: { id: string; taskId: string } }): Promise<CaseTask> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    const me = ctx.actor?.userId ?? null;
    const [done] = await tx.db
      .update(caseTasks)
      .set({ doneAt: new Date(), doneBy: me })
      .where(and(eq(caseTasks.id, input.taskId), eq(caseTasks.caseId, c.id), isNull(caseTasks.doneAt)))
      .returning();
    const [task] = done ? [done] : await tx.db.select().from(caseTasks).where(and(eq(caseTasks.id, input.taskId), eq(caseTasks.caseId, c.id)));
    if (!task) throw notFound('task');
    if (done) {
      await casesRepo.event(tx.db, orgId, c.id, 'task_done', me, { taskId: task.id });
      await audit(tx, { action: 'case.task_done', entityType: 'case', entityId: c.id, details: { taskId: task.id } });
    }
    return { id: task.id, title: task.title, dueOn: task.dueOn, assignedTo: task.assignedTo, doneAt: task.doneAt?.toISOString() ?? null };
  });
}
