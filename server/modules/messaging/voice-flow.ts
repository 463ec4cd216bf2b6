import { eq } from 'drizzle-orm';
import twilio from 'twilio';
import type { Deps } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { voiceCalls } from './messaging.table.ts';
import type { Sender } from './webhook-auth.ts';

/**
 * The voice line until the hotline routes calls to on-call responders: a language menu,
 * then a voicemail in the caller's language that staff call back. Built with Twilio's
 * own TwiML builder; the simulator walks the same TwiML.
 */
const VOICE: Record<Lang, { voiceLang: 'ko-KR' | 'en-US' | 'es-US'; welcome: (org: string) => string; thanks: string }> = {
  ko: { voiceLang: 'ko-KR', welcome: (org) => `${org}에 전화해 주셔서 감사합니다. 삐 소리 후에 성함과 전화번호, 필요하신 도움을 말씀해 주세요. 담당자가 다시 연락드리겠습니다.`, thanks: '메시지를 받았습니다. 곧 연락드리겠습니다. 안녕히 계세요.' },
  en: { voiceLang: 'en-US', welcome: (org) => `Thank you for calling ${org}. After the tone, please say your name, your phone number and how we can help. Someone will call you back.`, thanks: 'We have your message and will call you back soon. Goodbye.' },
  es: { voiceLang: 'es-US', welcome: (org) => `Gracias por llamar a ${org}. Después del tono, diga su nombre, su número de teléfono y cómo podemos ayudarle. Alguien le devolverá la llamada.`, thanks: 'Recibimos su mensaje y le llamaremos pronto. Adiós.' },
};
const MENU: { digit: string; lang: Lang; prompt: string }[] = [
  { digit: '1', lang: 'ko', prompt: '한국어는 1번을 누르세요.' },
  { digit: '2', lang: 'en', prompt: 'For English, press 2.' },
  { digit: '3', lang: 'es', prompt: 'Para español, oprima 3.' },
];

export async function startInboundCall(deps: Deps, call: { callSid: string; from: string; to: string; status: string }, sender: Sender): Promise<string> {
  await deps.database.db
    .insert(voiceCalls)
    .values({ orgId: sender.orgId, providerId: call.callSid, direction: 'inbound', fromAddress: call.from, toAddress: call.to, senderId: sender.id, status: call.status })
    .onConflictDoNothing({ target: voiceCalls.providerId });
  const r = new twilio.twiml.VoiceResponse();
  const gather = r.gather({ numDigits: 1, timeout: 6, action: '/webhooks/twilio/voice/language', method: 'POST' });
  for (const m of MENU) gather.say({ language: VOICE[m.lang].voiceLang }, m.prompt);
  // No key pressed: carry on in English rather than loop.
  r.redirect({ method: 'POST' }, '/webhooks/twilio/voice/language?Default=en');
  return r.toString();
}

export async function chooseLanguage(deps: Deps, q: { callSid: string; digits: string | null; fallback: Lang }, orgId: string): Promise<string> {
  const lang = MENU.find((m) => m.digit === q.digits)?.lang ?? q.fallback;
  await deps.database.db.update(voiceCalls).set({ lang, updatedAt: new Date() }).where(eq(voiceCalls.providerId, q.callSid));
  const [org] = await deps.database.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  const r = new twilio.twiml.VoiceResponse();
  r.say({ language: VOICE[lang].voiceLang }, VOICE[lang].welcome(org?.name ?? 'Haven'));
  r.record({ maxLength: 120, playBeep: true, action: `/webhooks/twilio/voice/recorded?lang=${lang}`, method: 'POST' });
  r.say({ language: VOICE[lang].voiceLang }, VOICE[lang].thanks);
  r.hangup();
  return r.toString();
}

export async function saveRecording(deps: Deps, q: { callSid: string; recordingUrl: string | null; lang: Lang }): Promise<string> {
  if (q.recordingUrl) {
    await deps.database.db.update(voiceCalls).set({ recordingUrl: q.recordingUrl, updatedAt: new Date() }).where(eq(voiceCalls.providerId, q.callSid));
  }
  const r = new twilio.twiml.VoiceResponse();
  r.say({ language: VOICE[q.lang].voiceLang }, VOICE[q.lang].thanks);
  r.hangup();
  return r.toString();
}
