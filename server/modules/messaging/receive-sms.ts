import { and, eq, isNull } from 'drizzle-orm';
import type { InboundSms } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { people } from '../people/index.ts';
import { recordConsent } from './consent.ts';
import { enqueueMessages } from './enqueue-messages.ts';
import { KEYWORD_REPLIES } from './keyword-replies.ts';
import { classifyKeyword } from './keywords.ts';
import { inboundMessages } from './messaging.table.ts';
import { sealBody } from './message-body.ts';
import { CONSENT_KEYWORD_QUEUE, type ConsentKeywordJob } from './queues.ts';
import { recordText } from './record-texts.ts';
import type { Sender } from './webhook-auth.ts';

/**
 * A text to one of our numbers. Recorded once per provider id (a provider retry changes
 * nothing); a keyword takes effect in the same transaction (an opt-out cancels what is
 * queued at once) and its confirmation is queued in the priority lane, in the sender's
 * language: the keyword's own, or for an English keyword the language on file. Any other
 * text is written with others arriving at the same moment (record-texts.ts) and handed to
 * the hotline by a job on INBOUND_TEXT_QUEUE (see queues.ts).
 */
export async function receiveSms(deps: Deps, sms: InboundSms, sender: Sender): Promise<{ duplicate: boolean; keyword: string | null }> {
  const kw = classifyKeyword(sms.body);
  if (!kw) return { ...(await recordText(deps, { sms, sender })), keyword: null };
  return deps.database.db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, lang: people.preferredLanguage })
      .from(people)
      .where(and(eq(people.orgId, sender.orgId), eq(people.phoneE164, sms.from), isNull(people.mergedIntoId)))
      .limit(1);
    const lang: Lang = kw.lang !== 'en' ? kw.lang : ((person?.lang as Lang | undefined) ?? kw.lang);
    const [row] = await tx
      .insert(inboundMessages)
      .values({
        orgId: sender.orgId, providerId: sms.messageSid, fromAddress: sms.from, toAddress: sms.to, senderId: sender.id,
        personId: person?.id ?? null, body: await sealBody(deps.keyring, tx, sender.orgId, sms.body), segments: sms.numSegments ?? 1, keyword: kw.kind, lang,
        fromState: sms.fromState, fromZip: sms.fromZip,
      })
      .onConflictDoNothing({ target: inboundMessages.providerId })
      .returning({ id: inboundMessages.id });
    if (!row) return { duplicate: true, keyword: kw.kind };

    const all = kw.kind === 'opt_out' && sms.body.trim().toUpperCase() === 'STOPALL';
    if (kw.kind !== 'help') {
      await recordConsent(tx, {
        orgId: sender.orgId, address: sms.from, personId: person?.id, channel: 'sms', scope: all ? 'network' : 'affiliate',
        status: kw.kind === 'opt_out' ? 'opted_out' : 'opted_in', evidenceKind: 'keyword',
        evidence: { keyword: sms.body.trim().slice(0, 20), messageSid: sms.messageSid, to: sms.to },
      });
      // Others who keep something about this consent (alerts: a pending sign-up's YES) take it from here, committed with it.
      await deps.jobs.enqueue<ConsentKeywordJob>(tx, CONSENT_KEYWORD_QUEUE, [
        { data: { orgId: sender.orgId, address: sms.from, keyword: kw.kind, scope: all ? 'network' : 'affiliate', providerId: sms.messageSid, lang } },
      ]);
    }
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, sender.orgId));
    const reply = KEYWORD_REPLIES[all ? 'opt_out_all' : kw.kind][lang](org?.name ?? 'Haven');
    await enqueueMessages(deps, tx, {
      orgId: sender.orgId,
      messages: [{ channel: 'sms', to: sms.from, personId: person?.id, lang, body: reply, kind: 'consent_reply', priority: 'high', senderId: sender.id, dedupeKey: `keyword-reply:${row.id}` }],
    });
    return { duplicate: false, keyword: kw.kind };
  });
}
