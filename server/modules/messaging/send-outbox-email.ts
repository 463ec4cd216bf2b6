import type { Deps } from '../../platform/context.ts';
import { isLang } from '../../platform/i18n/i18n.ts';
import { EMAIL_STRINGS, renderOutboxEmail } from './email-templates.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

export { EmailSendError } from '../../integrations/email/email.port.ts';

export interface OutboxEmail {
  id: string;
  orgId: string;
  toAddress: string;
  lang: string;
  subject: string | null;
  body: string;
  /** Not used: the HTML part is built from the escaped body, so no stored markup reaches a member's inbox unchecked. */
  html: string | null;
  topic: string;
}

/** The link a member (or their mail client) uses to stop this org's email on this topic. */
export function unsubscribeUrl(deps: Deps, m: Pick<OutboxEmail, 'orgId' | 'toAddress' | 'topic'> & { lang: 'ko' | 'en' | 'es' }): string {
  const token = signUnsubscribeToken(deps.linkSigningKey, { orgId: m.orgId, address: m.toAddress, topic: m.topic, lang: m.lang });
  return `${deps.config.publicUrl}/p/unsubscribe/${token}`;
}

/**
 * Send one outbox email: the language's template around the body, and the RFC 8058 pair
 * List-Unsubscribe + List-Unsubscribe-Post so mail clients show a one-click unsubscribe
 * (Gmail and Yahoo require it of bulk senders). RFC 8058 wants an https URL; the embedded
 * default runs on http://localhost, and the headers are still sent so the flow works end to
 * end there (receivers just will not offer one-click for it). Throws EmailSendError from
 * the SMTP adapter: `permanent` tells the outbox not to retry.
 */
export async function sendOutboxEmail(deps: Deps, message: OutboxEmail, org: { name: string }): Promise<{ providerId: string }> {
  const lang = isLang(message.lang) ? message.lang : 'en';
  const url = unsubscribeUrl(deps, { ...message, lang });
  const rendered = renderOutboxEmail({
    lang,
    // an outbox email without a subject still needs one (the port requires it): say who it is from
    subject: message.subject?.trim() || EMAIL_STRINGS[lang].from.replaceAll('{{org}}', org.name),
    body: message.body,
    orgName: org.name,
    unsubscribeUrl: url,
  });
  const { id } = await deps.email.send({
    to: message.toAddress,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // lets a bounce or a provider event be matched back to the outbox row
      'X-Haven-Message-Id': message.id,
    },
  });
  return { providerId: id };
}
