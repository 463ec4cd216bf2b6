import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * What callers and responders hear, in the caller's language. Short sentences: on a phone,
 * at night, under stress, a caller must not have to remember a long menu.
 */
export const VOICE_LANG: Record<Lang, 'ko-KR' | 'en-US' | 'es-US'> = { ko: 'ko-KR', en: 'en-US', es: 'es-US' };

/** Korean first: the network's hotline was built for Korean-speaking families first. */
export const LANGUAGE_MENU: { digit: string; lang: Lang; prompt: string }[] = [
  { digit: '1', lang: 'ko', prompt: '한국어는 1번을 누르세요.' },
  { digit: '2', lang: 'en', prompt: 'For English, press 2.' },
  { digit: '3', lang: 'es', prompt: 'Para español, oprima 3.' },
];

export const EMERGENCY_DIGIT = '9';
export const ACCEPT_DIGIT = '1';

interface Prompts {
  welcome: (org: string) => string;
  emergencyOffer: string;
  connecting: string;
  stillTrying: string;
  voicemail: string;
  afterHours: (org: string) => string;
  surge: string;
  callbackQueued: string;
  thanks: string;
  whisper: (emergency: boolean) => string;
  accepted: string;
  chooseAffiliate: (name: string, digit: number) => string;
}

export const PROMPTS: Record<Lang, Prompts> = {
  ko: {
    welcome: (org) => `${org}에 전화해 주셔서 감사합니다.`,
    emergencyOffer: '지금 누군가 체포되었거나 이민 단속 요원이 와 있다면 9번을 누르세요. 아니면 잠시 기다려 주세요.',
    connecting: '한국어 상담원에게 연결해 드리겠습니다. 잠시만 기다려 주세요.',
    stillTrying: '모든 상담원이 통화 중입니다. 계속 연결을 시도하고 있습니다.',
    voicemail: '지금은 전화를 받을 수 있는 상담원이 없습니다. 삐 소리 후에 성함과 전화번호, 필요하신 도움을 말씀해 주세요. 다시 연락드리겠습니다.',
    afterHours: (org) => `${org}에 전화해 주셔서 감사합니다. 지금은 상담 시간이 아닙니다. 삐 소리 후에 성함과 전화번호, 필요하신 도움을 말씀해 주세요. 누군가 체포되었다면 꼭 말씀해 주세요. 가장 먼저 연락드리겠습니다.`,
    surge: '지금 전화가 많이 몰리고 있습니다. 알아두실 권리: 묵비권이 있습니다. 판사가 서명한 영장이 없으면 문을 열지 않아도 됩니다. 아무 서류에도 서명하지 마세요. 이 번호로 순서대로 다시 전화 드리기를 원하시면 1번을 누르세요. 메시지를 남기시려면 기다려 주세요.',
    callbackQueued: '감사합니다. 가능한 한 빨리 이 번호로 다시 전화드리겠습니다. 안녕히 계세요.',
    thanks: '메시지를 받았습니다. 곧 연락드리겠습니다. 안녕히 계세요.',
    whisper: (emergency) => `${emergency ? '긴급 상황입니다. ' : ''}Haven 핫라인 한국어 전화입니다. 받으시려면 1번을 누르세요.`,
    accepted: '연결합니다.',
    chooseAffiliate: (name, digit) => `${name}은(는) ${digit}번을 누르세요.`,
  },
  en: {
    welcome: (org) => `Thank you for calling ${org}.`,
    emergencyOffer: 'If someone has been detained, or immigration agents are there right now, press 9. Otherwise, please stay on the line.',
    connecting: 'Connecting you with someone who speaks English. Please hold.',
    stillTrying: 'Everyone is helping other callers. We are still trying.',
    voicemail: 'Nobody can take your call right now. After the tone, please say your name, your phone number and how we can help. We will call you back.',
    afterHours: (org) => `Thank you for calling ${org}. The hotline is closed right now. After the tone, please say your name, your phone number and how we can help. If someone has been detained, please say so: we will call you back first.`,
    surge: 'We are receiving many calls. Know your rights: you have the right to remain silent. You do not have to open the door unless agents show a warrant signed by a judge. Do not sign anything. To get a call back at this number, in order, press 1. To leave a message, stay on the line.',
    callbackQueued: 'Thank you. We will call you back at this number as soon as we can. Goodbye.',
    thanks: 'We have your message and will call you back soon. Goodbye.',
    whisper: (emergency) => `${emergency ? 'Emergency. ' : ''}Haven hotline call in English. Press 1 to accept.`,
    accepted: 'Connecting.',
    chooseAffiliate: (name, digit) => `For ${name}, press ${digit}.`,
  },
  es: {
    welcome: (org) => `Gracias por llamar a ${org}.`,
    emergencyOffer: 'Si alguien ha sido detenido, o si hay agentes de inmigración allí ahora mismo, oprima 9. Si no, por favor espere en la línea.',
    connecting: 'Le comunicamos con alguien que habla español. Por favor espere.',
    stillTrying: 'Todos están atendiendo otras llamadas. Seguimos intentando.',
    voicemail: 'Nadie puede atender su llamada en este momento. Después del tono, diga su nombre, su número de teléfono y cómo podemos ayudarle. Le devolveremos la llamada.',
    afterHours: (org) => `Gracias por llamar a ${org}. La línea está cerrada en este momento. Después del tono, diga su nombre, su número de teléfono y cómo podemos ayudarle. Si alguien ha sido detenido, dígalo: le llamaremos primero.`,
    surge: 'Estamos recibiendo muchas llamadas. Conozca sus derechos: tiene derecho a guardar silencio. No tiene que abrir la puerta si los agentes no muestran una orden firmada por un juez. No firme nada. Para que le llamemos a este número, en orden, oprima 1. Para dejar un mensaje, espere en la línea.',
    callbackQueued: 'Gracias. Le llamaremos a este número lo antes posible. Adiós.',
    thanks: 'Recibimos su mensaje y le llamaremos pronto. Adiós.',
    whisper: (emergency) => `${emergency ? 'Emergencia. ' : ''}Llamada de la línea Haven en español. Oprima 1 para aceptar.`,
    accepted: 'Conectando.',
    chooseAffiliate: (name, digit) => `Para ${name}, oprima ${digit}.`,
  },
};
