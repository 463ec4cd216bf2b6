import type { CaseType } from '../../../contracts/cases.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * What Haven writes about referrals outside the app, per language, as data. Both texts are
 * minimal on purpose: an email can be forwarded and a phone can be read over a shoulder, so
 * they name the affiliate, the kind of matter and its language, never the person.
 */
export const CASE_TYPE_LABELS: Record<Lang, Record<CaseType, string>> = {
  en: {
    daca_renewal: 'DACA renewal', daca_initial: 'initial DACA', naturalization: 'naturalization', tps: 'TPS', detention: 'immigration detention',
    adoptee_citizenship: 'adoptee citizenship', family_petition: 'family petition', public_benefits: 'public benefits', other: 'immigration',
  },
  ko: {
    daca_renewal: 'DACA 갱신', daca_initial: 'DACA 최초 신청', naturalization: '시민권 신청', tps: 'TPS', detention: '이민 구금',
    adoptee_citizenship: '입양인 시민권', family_petition: '가족 초청', public_benefits: '공공 혜택', other: '이민',
  },
  es: {
    daca_renewal: 'renovación de DACA', daca_initial: 'solicitud inicial de DACA', naturalization: 'naturalización', tps: 'TPS', detention: 'detención migratoria',
    adoptee_citizenship: 'ciudadanía de adoptados', family_petition: 'petición familiar', public_benefits: 'beneficios públicos', other: 'inmigración',
  },
};

export const LANGUAGE_LABELS: Record<Lang, Record<Lang, string>> = {
  en: { ko: 'Korean', en: 'English', es: 'Spanish' },
  ko: { ko: '한국어', en: '영어', es: '스페인어' },
  es: { ko: 'coreano', en: 'inglés', es: 'español' },
};

export interface ReferralNotice {
  subject: string;
  body: string;
}

/** The provider's email about a new referral, in the provider's language. */
export function referralNotice(lang: Lang, a: { affiliate: string; type: CaseType; clientLang: Lang; portalUrl: string; detention: boolean }): ReferralNotice {
  const type = CASE_TYPE_LABELS[lang][a.type];
  const language = LANGUAGE_LABELS[lang][a.clientLang];
  switch (lang) {
    case 'ko':
      return {
        subject: `${a.affiliate}의 새 의뢰`,
        body: [
          `${a.affiliate}에서 새 의뢰가 왔습니다: ${language}로 진행하는 ${type} 사안입니다. Haven 포털에 로그인하여 확인해 주세요.`,
          a.detention ? '구금 사안입니다: 48시간 안에 상담이 필요합니다.' : '',
          a.portalUrl,
        ].filter(Boolean).join('\n\n'),
      };
    case 'es':
      return {
        subject: `Nueva remisión de ${a.affiliate}`,
        body: [
          `Nueva remisión de ${a.affiliate}: un asunto de ${type} en ${language}. Inicie sesión en el portal de Haven para revisarla.`,
          a.detention ? 'Es un caso de detención: la consulta debe hacerse en 48 horas.' : '',
          a.portalUrl,
        ].filter(Boolean).join('\n\n'),
      };
    default:
      return {
        subject: `New referral from ${a.affiliate}`,
        body: [
          `New referral from ${a.affiliate}: a ${type} matter in ${language}. Sign in to the Haven portal to review it.`,
          a.detention ? 'This is a detention matter: a consultation is needed within 48 hours.' : '',
          a.portalUrl,
        ].filter(Boolean).join('\n\n'),
      };
  }
}

/** The on-call coordinator's text when a detention referral's 48 hours ran out without a consultation (GSM-7 in Spanish, like the hotline's alerts). */
export const ESCALATION_TEXT: Record<Lang, (a: { org: string; provider: string; hours: number; link: string }) => string> = {
  en: (a) => `${a.org}: a DETENTION referral to ${a.provider} has no consultation ${a.hours} h after it was sent. Please follow up now: ${a.link}`,
  ko: (a) => `${a.org}: ${a.provider}에게 보낸 구금 의뢰가 ${a.hours}시간이 지나도록 상담 일정이 없습니다. 지금 확인해 주세요: ${a.link}`,
  es: (a) => `${a.org}: una remision de DETENCION a ${a.provider} no tiene consulta ${a.hours} h despues de enviarse. Haga seguimiento ahora: ${a.link}`,
};
