import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * What Haven texts by itself. Not a response by a person: it never sets first_response_at.
 * Spanish is written without á í ó ú (and Korean cannot avoid it) so the English and
 * Spanish texts stay in GSM-7 and one or two segments; data, edit freely.
 */
const LOCALE: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US', es: 'es-US' };

/** "Monday 9:00 AM CST" / "월요일 오전 9:00 CST" / "lunes, 9:00 a. m. CST" in the affiliate's time zone. */
export function formatStaffedAt(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(at);
}

export const AFTER_HOURS_TEXT: Record<Lang, (a: { org: string; when: string | null; phone: string }) => string> = {
  en: (a) =>
    `${a.org}: Thank you for your message. Our hotline is closed right now; ${a.when ? `a responder will answer from ${a.when}` : 'a responder will answer as soon as we open'}. If someone has been detained or it is an emergency, call ${a.phone} now. For danger call 911.`,
  ko: (a) =>
    `${a.org}: 메시지 감사합니다. 지금은 상담 시간이 아닙니다. ${a.when ? `${a.when}부터 상담원이 답변드리겠습니다` : '상담 시간이 시작되면 바로 답변드리겠습니다'}. 누군가 구금되었거나 긴급한 상황이면 지금 ${a.phone}로 전화하세요. 위험한 상황이면 911에 전화하세요.`,
  es: (a) =>
    `${a.org}: Gracias por su mensaje. La linea de ayuda esta cerrada ahora; ${a.when ? `le responderemos a partir del ${a.when}` : 'le responderemos en cuanto abramos'}. Si alguien fue detenido o es una emergencia, llame ahora al ${a.phone}. En caso de peligro llame al 911.`,
};

/** +13125550100 → (312) 555-0100 for US numbers; others stay in E.164. */
export function displayPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/** Surge mode: the text came in and is queued; roughly how long until a person answers. */
export const SURGE_ACK_TEXT: Record<Lang, (a: { org: string; minutes: number; phone: string }) => string> = {
  en: (a) => `${a.org}: We received your message. Many people are writing to us right now; a volunteer will answer in about ${a.minutes} minutes. If someone has been detained, call ${a.phone}.`,
  ko: (a) => `${a.org}: 메시지를 받았습니다. 지금 문의가 많아 약 ${a.minutes}분 안에 상담원이 답변드리겠습니다. 누군가 구금되었다면 ${a.phone}로 전화하세요.`,
  es: (a) => `${a.org}: Recibimos su mensaje. Mucha gente nos escribe ahora; una persona le respondera en unos ${a.minutes} minutos. Si alguien fue detenido, llame al ${a.phone}.`,
};
