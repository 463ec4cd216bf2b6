import type { CaseSummary, CaseType, OpenCaseInput } from '../../../contracts/cases.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { conversationEvents, conversations } from '../hotline/index.ts';
import { createPerson, people } from '../people/index.ts';
import { and, eq, ne } from 'drizzle-orm';
import { TYPE_FROM_CATEGORY } from './case-status.ts';
import { casesRepo } from './cases.repository.ts';
import { cases } from './cases.table.ts';

/**
 * One click from a hotline conversation: the case carries the conversation's person,
 * language and triage (its category becomes the type). A member not on record yet is
 * added with the conversation's phone and the name the responder gives. Clicking twice
 * opens one case: a conversation has at most one live case of each type (unique index),
 * and the second click gets the first case back.
 */
export async function openCase({ ctx, input }: { ctx: Ctx; input: OpenCaseInput }): Promise<CaseSummary & { created: boolean }> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    let personId = input.personId ?? null;
    let lang: 'ko' | 'en' | 'es' = 'en';
    let type: CaseType | undefined = input.type;
    const conversationId = input.conversationId ?? null;
    if (conversationId) {
      const [conv] = await tx.db.select().from(conversations).where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId))).for('update');
      if (!conv) throw notFound('conversation');
      lang = conv.lang;
      type ??= conv.category ? TYPE_FROM_CATEGORY[conv.category] : undefined;
      personId = conv.personId;
      if (!personId) {
        if (!input.newPerson) throw invalid('person_required', 'newPerson');
        const isPhone = conv.contactAddress.startsWith('+');
        const person = await createPerson({ ctx: tx, input: { ...input.newPerson, preferredLanguage: lang, ...(isPhone ? { phone: conv.contactAddress } : { email: conv.contactAddress }) } });
        personId = person.id;
        await tx.db.update(conversations).set({ personId }).where(eq(conversations.id, conv.id));
      }
    } else {
      const [person] = await tx.db.select({ id: people.id, lang: people.preferredLanguage }).from(people).where(and(eq(people.orgId, orgId), eq(people.id, personId!)));
      if (!person) throw notFound('person');
      lang = person.lang;
    }
    if (!type) throw invalid('case_type_required', 'type');

    if (conversationId) {
      const [live] = await tx.db.select().from(cases).where(and(eq(cases.conversationId, conversationId), eq(cases.type, type), ne(cases.status, 'closed')));
      if (live) return { ...(await casesRepo.summaries(tx.db, [live]))[0], created: false };
    }
    const me = ctx.actor?.userId ?? null;
    const [row] = await tx.db
      .insert(cases)
      .values({ orgId, personId: personId!, conversationId, type, lang, assignedTo: me, openedBy: me })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 409); // a concurrent click won the unique index: its case stands
    await casesRepo.event(tx.db, orgId, row.id, 'opened', me, { type, conversationId });
    if (conversationId) await tx.db.insert(conversationEvents).values({ orgId, conversationId, kind: 'case_opened', actorId: me, data: { caseId: row.id, type } });
    await audit(tx, { action: 'case.open', entityType: 'case', entityId: row.id, details: { type, fromConversation: Boolean(conversationId) } });
    return { ...(await casesRepo.summaries(tx.db, [row]))[0], created: true };
  });
}
