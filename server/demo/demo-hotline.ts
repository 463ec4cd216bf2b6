import type { Deps } from '../platform/context.ts';
import { cannedResponses, hotlineResponders, hotlineShifts } from '../modules/hotline/hotline.table.ts';
import { orgRepo } from '../modules/organizations/index.ts';
import { AREA_CODES, demoEmail } from './demo-data.ts';

/**
 * The demo hotline of each affiliate: responders with phones on the simulator and weekly
 * shifts that keep Korean, English and Spanish answered around the clock, plus a few
 * canned responses in all three languages.
 *
 * Day is 08:00–20:00 and night 20:00–08:00 in the affiliate's time zone, every day:
 *
 * | who (email)                         | languages | day            | night          | phone        |
 * |-------------------------------------|-----------|----------------|----------------|--------------|
 * | María Hernández (responder.*)       | es en     | primary        |                | 555-0171     |
 * | Jiwoo Han 한지우 (volunteer.*)       | ko en     | primary        |                | 555-0172     |
 * | Daniel Cho 조대현 (coordinator.*)    | ko en     | coordinator    |                | 555-0173     |
 * | Grace Yoon 윤은혜 (admin.*)          | en ko     | backup         | coordinator    | 555-0174     |
 * | Rosa Delgado (volunteer.es.*)       | es en     |                | primary        | 555-0175     |
 * | Minji Kwon 권민지 (volunteer.ko.*)   | ko en     |                | primary        | 555-0176     |
 *
 * Phones are +1 <affiliate area code> 555 01xx: fictional numbers the simulator plays
 * (0100 is the hotline, 0101–0118 the community members).
 */

type AddUser = (email: string, displayName: string, language: 'ko' | 'en' | 'es') => Promise<{ id: string }>;
type Lang = 'ko' | 'en' | 'es';

/** Hotline volunteers added for night coverage (they are not in the one-user-per-role list). */
export const DEMO_NIGHT_VOLUNTEERS = [
  { key: 'volunteer.es', name: 'Rosa Delgado', language: 'es' as const },
  { key: 'volunteer.ko', name: 'Minji Kwon (권민지)', language: 'ko' as const },
];
export const demoNightEmail = (key: string, slug: string) => `${key}.${slug}@demo.haven.local`;

const DAY = { startTime: '08:00', endTime: '20:00' };
const NIGHT = { startTime: '20:00', endTime: '08:00' };
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

interface Plan {
  email: (slug: string) => string;
  languages: Lang[];
  phoneSuffix: string;
  shifts: { role: 'primary' | 'backup' | 'coordinator'; when: typeof DAY }[];
}

const PLAN: Plan[] = [
  { email: (s) => demoEmail('responder', s), languages: ['es', 'en'], phoneSuffix: '0171', shifts: [{ role: 'primary', when: DAY }] },
  { email: (s) => demoEmail('volunteer', s), languages: ['ko', 'en'], phoneSuffix: '0172', shifts: [{ role: 'primary', when: DAY }] },
  { email: (s) => demoEmail('coordinator', s), languages: ['ko', 'en'], phoneSuffix: '0173', shifts: [{ role: 'coordinator', when: DAY }] },
  { email: (s) => demoEmail('affiliate_admin', s), languages: ['en', 'ko'], phoneSuffix: '0174', shifts: [{ role: 'backup', when: DAY }, { role: 'coordinator', when: NIGHT }] },
  { email: (s) => demoNightEmail('volunteer.es', s), languages: ['es', 'en'], phoneSuffix: '0175', shifts: [{ role: 'primary', when: NIGHT }] },
  { email: (s) => demoNightEmail('volunteer.ko', s), languages: ['ko', 'en'], phoneSuffix: '0176', shifts: [{ role: 'primary', when: NIGHT }] },
];

/**
 * Canned answers. Information, not legal advice (DESIGN.md §3.6); DACA facts as in
 * DESIGN.md §4 (checked late 2025): re-check fees and windows before relying on them.
 */
export const DEMO_CANNED: { title: string; category: 'daca_renewal' | 'enforcement' | 'other'; bodies: Record<Lang, string> }[] = [
  {
    title: 'DACA renewal: documents checklist',
    category: 'daca_renewal',
    bodies: {
      ko: 'DACA 갱신 준비물: I-821D, I-765, I-765WS 양식, 현재 취업허가증(EAD) 앞뒤 사본, 여권 사진 2장(우편 신청 시). 수수료는 I-821D $85와 I-765 $520(온라인 $470)입니다. 만료 150~120일 전에 신청하세요. 서류 검토는 저희 클리닉에서 도와드립니다.',
      en: 'DACA renewal checklist: Forms I-821D, I-765 and I-765WS, a copy of both sides of your current work permit (EAD), and 2 passport photos if filing on paper. Fees: I-821D $85 plus I-765 $520 ($470 online). File 150 to 120 days before it expires. Our clinic can review your papers.',
      es: 'Renovación de DACA: formularios I-821D, I-765 e I-765WS, copia de ambos lados de su permiso de trabajo (EAD) actual y 2 fotos de pasaporte si envía por correo. Tarifas: I-821D $85 más I-765 $520 ($470 en línea). Presente entre 150 y 120 días antes del vencimiento. Nuestra clínica puede revisar sus documentos.',
    },
  },
  {
    title: 'Know your rights: the basics',
    category: 'enforcement',
    bodies: {
      ko: '권리를 아세요: 묵비권이 있습니다. 판사가 서명한 영장이 없으면 문을 열지 않아도 됩니다(문 밑으로 보여 달라고 하세요). 변호사와 상의하기 전에는 아무것도 서명하지 마세요. 이 핫라인 번호를 기억해 두세요.',
      en: 'Know your rights: you have the right to remain silent. You do not have to open the door unless there is a warrant signed by a judge (ask them to slide it under the door). Do not sign anything before talking to a lawyer. Keep this hotline number with you.',
      es: 'Conozca sus derechos: tiene derecho a guardar silencio. No tiene que abrir la puerta si no hay una orden firmada por un juez (pida que la pasen por debajo de la puerta). No firme nada sin hablar con un abogado. Guarde este número de la línea de ayuda.',
    },
  },
  {
    title: 'We will call you back',
    category: 'other',
    bodies: {
      ko: '연락 주셔서 감사합니다. 담당자가 가능한 한 빨리 이 번호로 다시 전화드리겠습니다. 급한 상황(구금, 단속 중)이면 지금 바로 이 번호로 전화해 주세요.',
      en: 'Thank you for contacting us. A member of our team will call you back at this number as soon as possible. If this is an emergency (someone detained, enforcement happening now), call this number right away.',
      es: 'Gracias por comunicarse. Una persona de nuestro equipo le devolverá la llamada a este número lo antes posible. Si es una emergencia (alguien detenido, operativo en curso), llame a este número de inmediato.',
    },
  },
  {
    title: 'Clinic hours',
    category: 'other',
    bodies: {
      ko: '무료 법률 상담 클리닉은 화요일과 목요일 오전 10시~오후 4시, 토요일 오전 10시~오후 1시에 열립니다. 신분증과 이민 관련 서류를 가져오세요. 예약은 이 번호로 문자 주세요.',
      en: 'Our free legal clinic is open Tuesdays and Thursdays 10 a.m.–4 p.m. and Saturdays 10 a.m.–1 p.m. Bring an ID and your immigration papers. Text this number to book a time.',
      es: 'Nuestra clínica legal gratuita abre los martes y jueves de 10 a. m. a 4 p. m. y los sábados de 10 a. m. a 1 p. m. Traiga una identificación y sus documentos de inmigración. Envíe un texto a este número para hacer una cita.',
    },
  },
];

/** Responders, shifts and canned responses for one demo affiliate (rows inserted directly, as the system). */
export async function seedDemoHotline(deps: Deps, a: { orgId: string; slug: string; state: string; timeZone: string; addUser: AddUser }) {
  const db = deps.database.db;
  for (const v of DEMO_NIGHT_VOLUNTEERS) {
    const user = await a.addUser(demoNightEmail(v.key, a.slug), v.name, v.language);
    await orgRepo.upsertMembership(db, user.id, a.orgId, 'volunteer');
  }
  const area = AREA_CODES[a.state];
  let coordinatorId: string | null = null;
  for (const p of PLAN) {
    const user = (await orgRepo.findUserByEmail(db, p.email(a.slug)))!;
    if (p.email(a.slug) === demoEmail('coordinator', a.slug)) coordinatorId = user.id;
    await db.insert(hotlineResponders).values({ orgId: a.orgId, userId: user.id, languages: p.languages, phoneE164: `+1${area}555${p.phoneSuffix}` });
    for (const s of p.shifts) {
      await db.insert(hotlineShifts).values({ orgId: a.orgId, userId: user.id, role: s.role, weekdays: EVERY_DAY, ...s.when, timeZone: a.timeZone, startsOn: '2025-01-01' });
    }
  }
  await db.insert(cannedResponses).values(DEMO_CANNED.map((c) => ({ orgId: a.orgId, title: c.title, category: c.category, bodies: c.bodies, createdBy: coordinatorId })));
}
