import type { Lang } from '../../platform/i18n/i18n.ts';
import type { KeywordKind } from './keywords.ts';

/**
 * What Haven answers to STOP / START / HELP, in the sender's language. Carriers expect the
 * sender's name in each and the way back in (START) or out (STOP) spelled out. Data: edit
 * the words here; a test checks every kind has all three languages.
 */
export const KEYWORD_REPLIES: Record<KeywordKind | 'opt_out_all', Record<Lang, (org: string) => string>> = {
  opt_out: {
    en: (org) => `${org}: You are unsubscribed and will get no more texts from this number. Reply START to subscribe again.`,
    ko: (org) => `${org}: 수신 거부되었습니다. 이 번호에서 더 이상 문자를 보내지 않습니다. 다시 받으시려면 시작 이라고 답장하세요.`,
    es: (org) => `${org}: Ya no recibira mas mensajes de este numero. Responda SI para volver a suscribirse.`,
  },
  opt_out_all: {
    en: (org) => `${org}: You are unsubscribed from every number of our network. Reply START to subscribe again to this one.`,
    ko: (org) => `${org}: 저희 네트워크의 모든 번호에서 수신 거부되었습니다. 이 번호에서 다시 받으시려면 시작 이라고 답장하세요.`,
    es: (org) => `${org}: Ya no recibira mensajes de ningun numero de nuestra red. Responda SI para volver a suscribirse a este.`,
  },
  opt_in: {
    en: (org) => `${org}: You are subscribed again. Reply STOP to unsubscribe, HELP for help.`,
    ko: (org) => `${org}: 다시 수신 동의되었습니다. 수신 거부는 중지, 도움말은 도움 이라고 답장하세요.`,
    es: (org) => `${org}: Se ha suscrito de nuevo. Responda ALTO para darse de baja, AYUDA para ayuda.`,
  },
  help: {
    en: (org) => `${org}: Write your question here and someone will answer. For an emergency call 911. Reply STOP to unsubscribe.`,
    ko: (org) => `${org}: 질문을 이곳에 보내주시면 담당자가 답해 드립니다. 긴급 상황은 911에 전화하세요. 수신 거부는 중지 라고 답장하세요.`,
    es: (org) => `${org}: Escriba su pregunta aqui y alguien le respondera. En una emergencia llame al 911. Responda ALTO para darse de baja.`,
  },
};
