import crypto from 'node:crypto';
import { SIGNUP_CONFIRM_EMAIL, SIGNUP_CONFIRM_SMS, SIGNUP_CONSENT_TEXT } from '../../../contracts/alert-signup-texts.ts';
import type { SignupResult } from '../../../contracts/alert-subscribers.ts';
import type { SignupInput } from '../../../contracts/alerts.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { invalid } from '../../platform/errors.ts';
import { enqueueMessages, type OutgoingMessage } from '../messaging/index.ts';
import { toE164 } from '../people/index.ts';
import { alertSignups } from './alerts.table.ts';
import { checkSignupLimits } from './signup-limits.ts';
import { signupOrgForZip } from './signup-org.ts';
import { findPersonByContact, insertSubscriberPerson, upsertSubscriber } from './subscribe-person.ts';

/** How long a sign-up waits for its YES or its link. */
export const SIGNUP_TTL_MS = 48 * 60 * 60_000;
export const SIGNUP_SOURCE = 'web:/p/alerts';

export const hashSignupToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

type Input = Omit<SignupInput, 'topics'> & { topics: string[] };

/**
 * The public sign-up (/p/alerts): phone and/or email, ZIP, language, topics. Goes to the
 * affiliate serving the ZIP's state (signup-org.ts). Finds or creates the person there,
 * adds the topics to their alert preferences, and writes one pending sign-up per channel
 * holding what the consent ledger will need at confirmation: the exact text shown, its
 * language, the source, the time. Then asks for the double opt-in:
 * - SMS: "Reply YES to confirm", queued as a `notification`: unlike a `consent_reply` it
 *   obeys an earlier STOP (a web form filled by anyone must not text a number that said
 *   STOP; that person texts START themselves) and quiet hours, and unlike a `broadcast` it
 *   needs no opt-in on record, which is what it is asking for. The YES is handled by
 *   consent-keyword.ts.
 * - Email: a link to /p/alerts/confirm/TOKEN; only the token's sha256 is stored.
 * The answer is the same whether the contact was known or not. Nothing is sent to anyone
 * until they confirm.
 */
export async function submitSignup({ ctx, input }: { ctx: Ctx; input: Input }): Promise<SignupResult> {
  let phone: string | null = null;
  if (input.phone) {
    phone = toE164(input.phone);
    if (!phone) throw invalid('invalid_phone', 'phone', { value: input.phone.slice(0, 40) });
  }
  const email = input.email ? input.email.trim().toLowerCase() : null;
  if (!phone && !email) throw invalid('contact_required', 'phone');
  const org = await signupOrgForZip(ctx.deps, input.zip);
  await checkSignupLimits(ctx.deps, { ip: ctx.ip, contacts: [phone, email].filter((c): c is string => !!c).map((c) => `${org.id}|${c}`) });

  const lang = input.lang;
  const textShown = SIGNUP_CONSENT_TEXT[lang](org.name);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SIGNUP_TTL_MS);
  return inTx(
    ctx,
    async (tx) => {
      const db = tx.db;
      const known = await findPersonByContact(db, org.id, { phone, email });
      // A known person's record is left as it is: whoever filled the form may not be them.
      const personId = known?.id ?? (await insertSubscriberPerson(db, { orgId: org.id, phone, email, lang, zip: input.zip, state: org.state }));
      await upsertSubscriber(db, { orgId: org.id, personId, topics: input.topics, source: 'signup' });

      const messages: OutgoingMessage[] = [];
      const signupIds: string[] = [];
      const base = { orgId: org.id, personId, lang, textShown, source: SIGNUP_SOURCE, createdAt: now, expiresAt };
      if (phone) {
        const [row] = await db.insert(alertSignups).values({ ...base, channel: 'sms', address: phone }).returning({ id: alertSignups.id });
        signupIds.push(row.id);
        messages.push({
          channel: 'sms', to: phone, personId, lang, body: SIGNUP_CONFIRM_SMS[lang](org.name), kind: 'notification', priority: 'high', dedupeKey: `alert-signup:${row.id}`,
        });
      }
      if (email) {
        const token = crypto.randomBytes(32).toString('base64url');
        const [row] = await db
          .insert(alertSignups)
          .values({ ...base, channel: 'email', address: email, tokenHash: hashSignupToken(token) })
          .returning({ id: alertSignups.id });
        signupIds.push(row.id);
        const link = `${ctx.deps.config.publicUrl}/p/alerts/confirm/${token}`;
        const mail = SIGNUP_CONFIRM_EMAIL[lang];
        messages.push({
          channel: 'email', to: email, personId, lang, subject: mail.subject(org.name), body: mail.body(org.name, link), kind: 'notification', priority: 'high',
          dedupeKey: `alert-signup:${row.id}`,
        });
      }
      await enqueueMessages(ctx.deps, db, { orgId: org.id, messages });
      await audit(tx, {
        action: 'alerts.signup', orgId: org.id, entityType: 'person', entityId: personId,
        details: { signupIds, channels: messages.map((m) => m.channel), lang, topics: input.topics, created: !known },
      });
      return { ok: true as const, channels: messages.map((m) => m.channel) };
    },
    { orgId: org.id },
  );
}
