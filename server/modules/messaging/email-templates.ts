import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * The wrapper every outbox email gets, per language, as data: the body the sender wrote,
 * who it is from (the org, so a member can tell our mail from a phishing copy) and the
 * footer saying why they get it and how to stop (CAN-SPAM wants both visible in the body,
 * not only in the List-Unsubscribe header that some clients hide).
 */
interface EmailStrings {
  /** Shown above the body. */
  from: string;
  footerWhy: string;
  footerUnsubscribe: string;
  unsubscribeLinkText: string;
}

export const EMAIL_STRINGS: Record<Lang, EmailStrings> = {
  en: {
    from: 'A message from {{org}}',
    footerWhy: 'You get this because you signed up with {{org}}.',
    footerUnsubscribe: 'Unsubscribe:',
    unsubscribeLinkText: 'Unsubscribe from these emails',
  },
  ko: {
    from: '{{org}}에서 보내는 메시지',
    footerWhy: '{{org}}에 등록하셨기 때문에 이 메일을 받으셨습니다.',
    footerUnsubscribe: '수신을 원하지 않으시면 다음 링크를 여세요:',
    unsubscribeLinkText: '이메일 수신 거부',
  },
  es: {
    from: 'Un mensaje de {{org}}',
    footerWhy: 'Recibe este mensaje porque se inscribió con {{org}}.',
    footerUnsubscribe: 'Para darse de baja:',
    unsubscribeLinkText: 'Darse de baja de estos correos',
  },
};

/** The five characters that can change the meaning of HTML text or a quoted attribute (OWASP's rule for both contexts). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fill = (s: string, org: string) => s.replaceAll('{{org}}', org);

export interface EmailToRender {
  lang: Lang;
  subject: string;
  /** Plain text as the sender wrote it; blank lines separate paragraphs. */
  body: string;
  orgName: string;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Multipart text + HTML from one plain-text body. The HTML is built only from escaped text
 * (never the outbox's own `html`, which a sender could fill with anything), with the
 * language and direction declared so screen readers pick the right voice.
 */
export function renderOutboxEmail(e: EmailToRender): RenderedEmail {
  const s = EMAIL_STRINGS[e.lang];
  const body = e.body.replace(/\r\n?/g, '\n').trim();
  const text = [fill(s.from, e.orgName), '', body, '', '--', fill(s.footerWhy, e.orgName), `${s.footerUnsubscribe} ${e.unsubscribeUrl}`, ''].join('\n');

  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const url = escapeHtml(e.unsubscribeUrl);
  const html = `<!doctype html>
<html lang="${e.lang}" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(e.subject)}</title></head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI','Apple SD Gothic Neo','Malgun Gothic',sans-serif;font-size:16px;line-height:1.6">
<main style="max-width:600px;margin:0 auto">
<p style="margin:0 0 1em;color:#4a4a4a;font-size:14px">${escapeHtml(fill(s.from, e.orgName))}</p>
${paragraphs}
<hr style="border:none;border-top:1px solid #cccccc;margin:2em 0 1em">
<footer style="color:#4a4a4a;font-size:14px">
<p style="margin:0 0 0.5em">${escapeHtml(fill(s.footerWhy, e.orgName))}</p>
<p style="margin:0">${escapeHtml(s.footerUnsubscribe)} <a href="${url}" style="color:#0b57d0">${escapeHtml(s.unsubscribeLinkText)}</a></p>
</footer>
</main>
</body>
</html>
`;
  return { subject: e.subject, text, html };
}
