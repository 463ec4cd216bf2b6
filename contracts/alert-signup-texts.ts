/**
 * What a person agrees to on the alert sign-up page (/p/alerts), and the texts that ask
 * them to confirm. Plain data (no Zod) so the web page shows exactly the words the server
 * records in the consent ledger (alert_signups.text_shown, then the consent event's
 * evidence). Short and honest: who writes, roughly how often, that carrier rates may apply,
 * how to stop and get help. Changing a text changes what new sign-ups are recorded as
 * having seen; old records keep their own copy.
 */
type Lang = 'ko' | 'en' | 'es';

export const SIGNUP_CONSENT_TEXT: Record<Lang, (org: string) => string> = {
  en: (org) =>
    `${org} will send you policy alerts on the topics you chose, by text and/or email: usually a few a month, more during an emergency. Msg & data rates may apply. Reply STOP to stop, HELP for help. You can change your choices at any time.`,
  ko: (org) =>
    `${org}에서 선택하신 주제에 관한 정책 알림을 문자 및/또는 이메일로 보내 드립니다. 보통 한 달에 몇 건이며, 긴급 상황에는 더 많을 수 있습니다. 메시지 및 데이터 요금이 부과될 수 있습니다. 수신을 원하지 않으시면 ‘중지’, 도움이 필요하시면 ‘도움’이라고 답장하십시오. 선택은 언제든지 바꾸실 수 있습니다.`,
  es: (org) =>
    `${org} le enviará alertas sobre los temas que eligió, por texto y/o correo: por lo general unas pocas al mes, más en una emergencia. Pueden aplicarse tarifas de mensajes y datos. Responda ALTO para dejar de recibirlas, AYUDA para ayuda. Puede cambiar sus opciones en cualquier momento.`,
};

/** The confirmation text (double opt-in). GSM-7 in English and Spanish (no á, í, ó, ú) so it stays one or two segments. */
export const SIGNUP_CONFIRM_SMS: Record<Lang, (org: string) => string> = {
  en: (org) => `${org}: Reply YES to confirm you want policy alerts by text. Msg & data rates may apply. Reply STOP to stop, HELP for help.`,
  ko: (org) => `${org}: 정책 알림 문자 수신을 확인하시려면 ‘시작’이라고 답장하십시오. 메시지 및 데이터 요금이 부과될 수 있습니다. 중단: ‘중지’, 도움말: ‘도움’.`,
  es: (org) => `${org}: Responda SI para confirmar que quiere recibir alertas por texto. Pueden aplicarse tarifas de mensajes y datos. Responda ALTO para dejar de recibirlas, AYUDA para ayuda.`,
};

export const SIGNUP_CONFIRM_EMAIL: Record<Lang, { subject: (org: string) => string; body: (org: string, link: string) => string }> = {
  en: {
    subject: (org) => `Confirm your policy alerts from ${org}`,
    body: (org, link) =>
      `Someone (we hope you) signed this address up for policy alerts from ${org}.\n\nTo confirm, open this link and press the button within 48 hours:\n${link}\n\nIf it was not you, ignore this email: nothing will be sent.`,
  },
  ko: {
    subject: (org) => `${org} 정책 알림 수신을 확인해 주십시오`,
    body: (org, link) =>
      `이 이메일 주소로 ${org}의 정책 알림 수신 신청이 접수되었습니다.\n\n확인하시려면 48시간 안에 아래 링크를 여시고 버튼을 눌러 주십시오.\n${link}\n\n직접 신청하지 않으셨다면 이 이메일을 무시하십시오. 아무것도 발송되지 않습니다.`,
  },
  es: {
    subject: (org) => `Confirme sus alertas de ${org}`,
    body: (org, link) =>
      `Alguien (esperamos que usted) inscribió este correo para recibir alertas de ${org}.\n\nPara confirmar, abra este enlace y presione el botón en las próximas 48 horas:\n${link}\n\nSi no fue usted, ignore este correo: no se le enviará nada.`,
  },
};
