import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { HelpRequestInput, HelpRequestResult } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/realtime/index.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { people, toE164 } from '../people/index.ts';
import { checkHelpFormLimits } from './help-form-limits.ts';
import { callbackTasks, conversationEvents } from './hotline.table.ts';
import { intakeMessage } from './intake.ts';
import { onCallResponders } from './on-call.ts';
import { nextStaffedAt } from './routing-next-staffed.ts';

type Input = Omit<HelpRequestInput, 'wantsCall'> & { wantsCall: boolean };

/**
 * The public help form (/p/help): someone asks for help from a browser. It opens or joins
 * the conversation of that phone (else that email) in the affiliate the form belongs to —
 * named by the page, else the one serving the state they chose, else the national office —
 * and routes it like a text. What they wrote, their name and email are sealed with the
 * org's data key inside the timeline event that records the request; a call-back request
 * becomes a callback task. The answer says whether someone is on call now and, if not,
 * when the hotline is next staffed (the page shows it in their language).
 *
 * Bad input is a translated 400 naming the field and writes nothing; too many requests
 * from one address or for one contact get a friendly 429 (help-form-limits.ts).
 */
export async function submitHelpRequest({ ctx, input }: { ctx: Ctx; input: Input }): Promise<HelpRequestResult> {
  // A robot filled the field people never see: answer as if it worked, keep nothing.
  if (input.website) return { ok: true, staffedNow: true, nextStaffedAt: null };
  let phone: string | null = null;
  if (input.phone) {
    phone = toE164(input.phone);
    if (!phone) throw new AppError('invalid_phone', 400, { value: input.phone.slice(0, 40) }, 'phone');
  }
  const email = input.email ?? null;
  if (!phone && !email) throw new AppError('contact_required', 400, {}, 'phone');
  if (input.wantsCall && !phone) throw new AppError('callback_needs_phone', 400, {}, 'phone');
  const org = await findOrg(ctx, input);
  const contact = phone ?? email!;
  await checkHelpFormLimits(ctx.deps, { ip: ctx.ip, contact: `${org.id}|${contact}` });

  const now = new Date();
  return inTx(
    ctx,
    async (tx) => {
      const db = tx.db;
      const [person] = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.orgId, org.id), isNull(people.mergedIntoId), or(phone ? eq(people.phoneE164, phone) : undefined, email ? eq(people.email, email) : undefined)))
        .orderBy(asc(people.createdAt))
        .limit(1);
      const result = await intakeMessage(ctx.deps, db, {
        orgId: org.id, channel: 'web', contactAddress: contact, personId: person?.id ?? null, senderId: null,
        text: input.message, lang: input.language, at: now,
      });
      const seal = (s: string | null | undefined) => ctx.deps.keyring.encryptNullable(db, org.id, s);
      const [event] = await db
        .insert(conversationEvents)
        .values({
          orgId: org.id, conversationId: result.conversationId, kind: 'web_request',
          data: {
            lang: input.language, wantsCall: input.wantsCall, state: input.state ?? null,
            nameEnc: await seal(input.name), emailEnc: await seal(email), bodyEnc: await seal(input.message), zipEnc: await seal(input.zip),
          },
        })
        .returning({ id: conversationEvents.id });
      if (input.wantsCall) {
        const [task] = await db.insert(callbackTasks).values({ orgId: org.id, conversationId: result.conversationId, phoneE164: phone!, lang: input.language, reason: 'web' }).returning({ id: callbackTasks.id });
        await publish(db, { orgId: org.id, topic: 'hotline.callback', data: { id: task.id, change: 'created' } });
      }
      await audit(tx, {
        action: 'hotline.web_request', orgId: org.id, entityType: 'conversation', entityId: result.conversationId,
        details: { eventId: event.id, created: result.created, wantsCall: input.wantsCall, personId: person?.id ?? null },
      });
      const staffedNow = (await onCallResponders(db, org.id, now)).length > 0;
      const next = staffedNow ? null : await nextStaffedAt(db, org.id, now);
      return { ok: true as const, staffedNow, nextStaffedAt: next?.toISOString() ?? null };
    },
    { orgId: org.id },
  );
}

/** The page's affiliate; for the national office's page (or none), the affiliate serving their state, else the national office. */
async function findOrg(ctx: Ctx, input: Input) {
  const db = ctx.deps.database.db;
  const cols = { id: organizations.id, kind: organizations.kind };
  let org: { id: string; kind: 'network' | 'affiliate' } | undefined;
  if (input.org) {
    [org] = await db.select(cols).from(organizations).where(eq(organizations.slug, input.org));
    if (!org) throw new AppError('unknown_org', 404, {}, 'org');
    if (org.kind === 'affiliate') return org;
  }
  if (input.state) {
    const [byState] = await db
      .select(cols)
      .from(organizations)
      .where(and(eq(organizations.kind, 'affiliate'), sql`${input.state} = any(${organizations.statesServed})`))
      .orderBy(asc(organizations.createdAt))
      .limit(1);
    if (byState) return byState;
  }
  if (org) return org;
  const [network] = await db.select(cols).from(organizations).where(eq(organizations.kind, 'network')).orderBy(asc(organizations.createdAt)).limit(1);
  if (!network) throw new AppError('unknown_org', 404, {}, 'org');
  return network;
}
