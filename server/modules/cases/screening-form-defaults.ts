import type { CaseType } from '../../../contracts/cases.ts';
import type { LocalizedText, ScreeningDefinition, ScreeningField, ScreeningFieldKind } from '../../../contracts/screening.ts';
import { ADOPTEE_VISA_CLASSES } from './adoptee-rules.ts';

/**
 * The forms Haven ships, served as version 1 until an affiliate saves its own. Minimal on
 * purpose (DESIGN §3 rule 3): the dates the rules need and yes/no flags, never names, stories
 * or details of an arrest. Labels are written for the person on the phone with the member,
 * in the words each community uses (e.g. 노동허가 카드, permiso de trabajo).
 */

const yes: LocalizedText = { ko: '예', en: 'Yes', es: 'Sí' };
const no: LocalizedText = { ko: '아니요', en: 'No', es: 'No' };
const unknown: LocalizedText = { ko: '모름', en: 'Not known', es: 'No se sabe' };

const field = (key: string, kind: ScreeningFieldKind, required: boolean, sensitive: boolean, labels: LocalizedText, extra: Partial<ScreeningField> = {}): ScreeningField => ({
  key, kind, required, sensitive, labels, ...extra,
});

function dacaFields(type: 'daca_renewal' | 'daca_initial'): ScreeningField[] {
  return [
    field('eadExpiresOn', 'date', type === 'daca_renewal', false, {
      ko: '노동허가 카드(EAD) 만료일',
      en: 'Date the work permit (EAD) expires',
      es: 'Fecha en que vence el permiso de trabajo (EAD)',
    }, {
      help: {
        ko: '카드의 "Card Expires" 날짜 또는 I-797 승인 통지서의 종료일',
        en: 'The “Card expires” date on the EAD, or the end date on the I-797 approval notice.',
        es: 'La fecha “Card expires” de la tarjeta, o la fecha final del aviso de aprobación I-797.',
      },
    }),
    field('lastApprovedOn', 'date', false, false, {
      ko: '마지막 DACA 승인일',
      en: 'Date of the last DACA approval',
      es: 'Fecha de la última aprobación de DACA',
    }),
    field('traveledSinceApproval', 'yes_no', true, true, {
      ko: '마지막 승인 이후 미국 밖으로 여행한 적이 있습니까?',
      en: 'Traveled outside the US since the last approval?',
      es: '¿Ha viajado fuera de EE. UU. desde la última aprobación?',
    }),
    field('traveledWithAdvanceParole', 'yes_no', false, true, {
      ko: '여행했다면, 사전 여행 허가(Advance Parole)를 받고 갔습니까?',
      en: 'If so, with advance parole?',
      es: 'Si viajó, ¿fue con permiso de viaje (advance parole)?',
    }),
    field('arrestedSinceApproval', 'yes_no', true, true, {
      ko: '마지막 승인 이후 체포된 적이 있습니까? (자세한 내용은 적지 마세요)',
      en: 'Arrested since the last approval? (no details)',
      es: '¿Lo han arrestado desde la última aprobación? (sin detalles)',
    }),
    field('convictedSinceApproval', 'yes_no', true, true, {
      ko: '마지막 승인 이후 유죄 판결을 받은 적이 있습니까? (자세한 내용은 적지 마세요)',
      en: 'Convicted of any offense since the last approval? (no details)',
      es: '¿Lo han condenado por algún delito desde la última aprobación? (sin detalles)',
    }),
  ];
}

const DETENTION_RELATIONSHIPS: [string, LocalizedText][] = [
  ['self', { ko: '본인', en: 'The caller', es: 'La persona que llama' }],
  ['spouse_partner', { ko: '배우자 또는 파트너', en: 'Spouse or partner', es: 'Cónyuge o pareja' }],
  ['parent', { ko: '부모', en: 'Parent', es: 'Madre o padre' }],
  ['child', { ko: '자녀', en: 'Child', es: 'Hijo o hija' }],
  ['sibling', { ko: '형제자매', en: 'Brother or sister', es: 'Hermano o hermana' }],
  ['other_family', { ko: '다른 가족', en: 'Other family member', es: 'Otro familiar' }],
  ['friend_neighbor', { ko: '친구 또는 이웃', en: 'Friend or neighbor', es: 'Amigo o vecino' }],
  ['other', { ko: '기타', en: 'Other', es: 'Otro' }],
];

const detentionFields: ScreeningField[] = [
  field('detainedPerson', 'choice', true, false, {
    ko: '구금된 사람은 전화한 분과 어떤 관계입니까? (이름은 적지 마세요)',
    en: 'Who was detained, in relation to the caller? (no name)',
    es: '¿Quién fue detenido, en relación con quien llama? (sin nombre)',
  }, { choices: DETENTION_RELATIONSHIPS.map(([value, labels]) => ({ value, labels })) }),
  field('facility', 'text', false, true, {
    ko: '구금 시설 이름',
    en: 'Detention facility name',
    es: 'Nombre del centro de detención',
  }, {
    help: {
      ko: 'ICE 구금자 검색(locator.ice.gov)에 나오는 시설 이름',
      en: 'As shown by the ICE detainee locator (locator.ice.gov).',
      es: 'Como aparece en el localizador de detenidos de ICE (locator.ice.gov).',
    },
  }),
  field('detainedOn', 'date', false, false, { ko: '구금된 날짜', en: 'Date detained', es: 'Fecha de la detención' }),
  field('aNumber', 'a_number', false, true, {
    ko: '외국인 등록번호(A-Number)',
    en: 'A-number (Alien Registration Number)',
    es: 'Número A (número de registro de extranjero)',
  }, {
    help: {
      ko: 'A로 시작하는 9자리 숫자 (예: A123-456-789)',
      en: '9 digits, often written with an A (e.g. A123-456-789).',
      es: '9 dígitos, a menudo con una A (p. ej., A123-456-789).',
    },
  }),
];

const VISA_LABELS: Record<(typeof ADOPTEE_VISA_CLASSES)[number], LocalizedText> = {
  'IR-3': { ko: 'IR-3', en: 'IR-3', es: 'IR-3' },
  'IR-4': { ko: 'IR-4', en: 'IR-4', es: 'IR-4' },
  'IH-3': { ko: 'IH-3', en: 'IH-3', es: 'IH-3' },
  'IH-4': { ko: 'IH-4', en: 'IH-4', es: 'IH-4' },
  other: { ko: '기타 비자', en: 'Another visa', es: 'Otra visa' },
  unknown: { ko: '모름', en: 'Not known', es: 'No se sabe' },
};

const adopteeFields: ScreeningField[] = [
  field('birthDate', 'date', true, true, { ko: '생년월일', en: 'Date of birth', es: 'Fecha de nacimiento' }),
  field('entryVisaClass', 'choice', true, false, {
    ko: '입국 비자 종류',
    en: 'Visa class at entry',
    es: 'Tipo de visa al entrar',
  }, {
    help: {
      ko: '입국 당시 여권의 비자 또는 영주권 카드의 "Category" 칸',
      en: 'On the visa in the passport used to enter, or “Category” on the green card.',
      es: 'En la visa del pasaporte con que entró, o “Category” en la tarjeta de residente.',
    },
    choices: ADOPTEE_VISA_CLASSES.map((value) => ({ value, labels: VISA_LABELS[value] })),
  }),
  field('adoptionFinalized', 'yes_no', true, false, {
    ko: '18세 이전에 입양이 최종 완료되었습니까?',
    en: 'Was the adoption full and final before age 18?',
    es: '¿La adopción quedó final antes de los 18 años?',
  }),
  field('lprBefore18', 'choice', true, false, {
    ko: '18세 이전에 영주권자가 되었습니까?',
    en: 'Permanent resident (green card) before age 18?',
    es: '¿Fue residente permanente (tarjeta verde) antes de los 18 años?',
  }, { choices: [{ value: 'yes', labels: yes }, { value: 'no', labels: no }, { value: 'unknown', labels: unknown }] }),
];

const naturalizationFields: ScreeningField[] = [
  field('permanentResidentSince', 'date', true, false, {
    ko: '영주권자가 된 날짜',
    en: 'Date of becoming a permanent resident',
    es: 'Fecha en que obtuvo la residencia permanente',
  }, {
    help: {
      ko: '영주권 카드의 "Resident Since" 날짜',
      en: 'The “Resident since” date on the green card.',
      es: 'La fecha “Resident since” de la tarjeta de residente.',
    },
  }),
  field('marriedToCitizen3Years', 'yes_no', true, false, {
    ko: '지난 3년 동안 미국 시민과 결혼하여 함께 살았습니까?',
    en: 'Married to and living with a US citizen for the last 3 years?',
    es: '¿Ha estado casado(a) y viviendo con un ciudadano de EE. UU. durante los últimos 3 años?',
  }),
];

const HELP_WITH: [string, LocalizedText][] = [
  ['information', { ko: '정보 안내', en: 'Information', es: 'Información' }],
  ['forms', { ko: '서류 작성', en: 'Filling out forms', es: 'Llenar formularios' }],
  ['deadline', { ko: '기한 또는 갱신', en: 'A deadline or renewal', es: 'Una fecha límite o renovación' }],
  ['fees', { ko: '수수료 또는 면제', en: 'Fees or fee waivers', es: 'Cuotas o exenciones de pago' }],
  ['attorney', { ko: '변호사 연결', en: 'Finding an attorney', es: 'Encontrar un abogado' }],
  ['other', { ko: '기타', en: 'Something else', es: 'Otra cosa' }],
];

const helpFields: ScreeningField[] = [
  field('helpWith', 'choice', true, false, {
    ko: '어떤 도움이 필요하십니까?',
    en: 'What do you need help with?',
    es: '¿Con qué necesita ayuda?',
  }, { choices: HELP_WITH.map(([value, labels]) => ({ value, labels })) }),
];

export const DEFAULT_SCREENING_FIELDS: Record<CaseType, ScreeningField[]> = {
  daca_renewal: dacaFields('daca_renewal'),
  daca_initial: dacaFields('daca_initial'),
  detention: detentionFields,
  adoptee_citizenship: adopteeFields,
  naturalization: naturalizationFields,
  tps: helpFields,
  family_petition: helpFields,
  public_benefits: helpFields,
  other: helpFields,
};

export const defaultScreeningDefinition = (type: CaseType): ScreeningDefinition => ({ version: 1, fields: structuredClone(DEFAULT_SCREENING_FIELDS[type]) });

/**
 * The fields the rules read, by case type and kind. A new version may reword them, reorder
 * them or add fields, but must keep these (same key, same kind), or the findings and the
 * DACA reminders would silently stop.
 */
export const RULE_FIELDS: Partial<Record<CaseType, Record<string, ScreeningFieldKind>>> = {
  daca_renewal: { eadExpiresOn: 'date', lastApprovedOn: 'date' },
  daca_initial: { eadExpiresOn: 'date', lastApprovedOn: 'date' },
  adoptee_citizenship: { birthDate: 'date', entryVisaClass: 'choice', adoptionFinalized: 'yes_no', lprBefore18: 'choice' },
  naturalization: { permanentResidentSince: 'date', marriedToCitizen3Years: 'yes_no' },
};
