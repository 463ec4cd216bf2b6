import type { Lang } from '../../platform/i18n/i18n.ts';
import { escapeHtml } from './email-templates.ts';

/**
 * The public unsubscribe pages, server-rendered (no JavaScript, nothing to load): people
 * open them from a phone's mail app. Strings are data per language, like the email templates.
 */
const PAGE_STRINGS: Record<Lang, { title: string; confirm: string; button: string; done: string; doneDetail: string; errorTitle: string }> = {
  en: {
    title: 'Unsubscribe',
    confirm: 'Stop receiving these emails from {{org}}?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed.',
    doneDetail: 'You will not get these emails from {{org}} anymore. Emails already on their way have been stopped.',
    errorTitle: 'This link does not work',
  },
  ko: {
    title: '수신 거부',
    confirm: '{{org}}에서 보내는 이 이메일 수신을 중단하시겠습니까?',
    button: '수신 거부',
    done: '수신 거부가 완료되었습니다.',
    doneDetail: '앞으로 {{org}}에서 이 이메일을 보내지 않습니다. 발송 대기 중이던 이메일도 취소되었습니다.',
    errorTitle: '이 링크는 사용할 수 없습니다',
  },
  es: {
    title: 'Darse de baja',
    confirm: '¿Dejar de recibir estos correos de {{org}}?',
    button: 'Darse de baja',
    done: 'Se ha dado de baja.',
    doneDetail: 'Ya no recibirá estos correos de {{org}}. Los correos que estaban por enviarse se han cancelado.',
    errorTitle: 'Este enlace no funciona',
  },
};

// When the org was deleted after the mail went out, the page still has to read well.
const FALLBACK_ORG: Record<Lang, string> = { en: 'this organization', ko: '이 단체', es: 'esta organización' };

const fill = (s: string, org: string | null, lang: Lang) => escapeHtml(s.replaceAll('{{org}}', org ?? FALLBACK_ORG[lang]));

function page(lang: Lang, title: string, content: string): string {
  return `<!doctype html>
<html lang="${lang}" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI','Apple SD Gothic Neo','Malgun Gothic',sans-serif;font-size:18px;line-height:1.6;color:#1a1a1a;background:#ffffff">
<main style="max-width:480px;margin:0 auto">
${content}
</main>
</body>
</html>
`;
}

/** The page a GET shows: a question and a button. GET itself changes nothing (link scanners prefetch). */
export function confirmPage(lang: Lang, orgName: string | null, actionPath: string): string {
  const s = PAGE_STRINGS[lang];
  return page(
    lang,
    s.title,
    `<h1 style="font-size:1.5em">${escapeHtml(s.title)}</h1>
<p>${fill(s.confirm, orgName, lang)}</p>
<form method="post" action="${escapeHtml(actionPath)}">
<input type="hidden" name="source" value="page">
<button type="submit" style="font-size:1em;padding:12px 24px;min-height:48px;border:none;border-radius:6px;background:#0b57d0;color:#ffffff;cursor:pointer">${escapeHtml(s.button)}</button>
</form>`,
  );
}

export function donePage(lang: Lang, orgName: string | null): string {
  const s = PAGE_STRINGS[lang];
  return page(lang, s.title, `<h1 style="font-size:1.5em">${escapeHtml(s.done)}</h1>\n<p>${fill(s.doneDetail, orgName, lang)}</p>`);
}

/** `message` is the translated error (errors.unsubscribe_invalid), so the page and the JSON error say the same. */
export function errorPage(lang: Lang, message: string): string {
  const s = PAGE_STRINGS[lang];
  return page(lang, s.errorTitle, `<h1 style="font-size:1.5em">${escapeHtml(s.errorTitle)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
