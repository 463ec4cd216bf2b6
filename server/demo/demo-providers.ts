import { eq } from 'drizzle-orm';
import type { ProviderCreateInput } from '../../contracts/legal-network.ts';
import { systemCtx } from '../deps.ts';
import { providers } from '../modules/legal-network/legal-network.table.ts';
import { createProvider } from '../modules/legal-network/providers.ts';
import type { Deps } from '../platform/context.ts';

/**
 * The demo directory: invented attorneys, accredited representatives and other professionals,
 * each kept by one demo affiliate (or the national office) and read by all of them. Phone
 * numbers are 555-019x (fiction), emails and sites under reserved names (.example, .local).
 *
 * The Virginia attorney, Jiyeon Kim (김지연), has a portal sign-in of her own:
 * attorney.kim@demo.haven.local with the demo password, a user with no membership in any
 * affiliate, linked by providers.user_id (she sees only the referrals sent to her).
 */

type AddUser = (email: string, displayName: string, language: 'ko' | 'en' | 'es') => Promise<{ id: string }>;

export const DEMO_PORTAL_ATTORNEY = { email: 'attorney.kim@demo.haven.local', name: 'Jiyeon Kim (김지연)', language: 'ko' as const };

type DemoProvider = Omit<ProviderCreateInput, 'organizationName' | 'courts' | 'fundingRestrictions' | 'email' | 'phone' | 'contactPreference' | 'website' | 'active'> &
  Partial<ProviderCreateInput> & { keeper: string };

export const DEMO_PROVIDERS: DemoProvider[] = [
  {
    keeper: 'va',
    kind: 'attorney',
    name: DEMO_PORTAL_ATTORNEY.name,
    organizationName: 'Kim Immigration Law PLLC (김지연 이민법률사무소)',
    languages: ['ko', 'en'],
    practiceAreas: ['daca_renewal', 'daca_initial', 'naturalization', 'detention'],
    states: ['VA', 'DC', 'MD'],
    courts: ['Annandale Immigration Court', 'Sterling Immigration Court'],
    proBonoPerMonth: 3,
    email: DEMO_PORTAL_ATTORNEY.email,
    phone: '(703) 555-0190',
    contactPreference: 'portal',
    website: 'https://kim-immigration.example',
    lang: 'ko',
  },
  {
    keeper: 'il',
    kind: 'accredited_representative',
    name: 'Guadalupe Ramírez',
    organizationName: 'Centro Legal del Pueblo (Pilsen)',
    languages: ['es', 'en'],
    practiceAreas: ['daca_renewal', 'naturalization', 'family_petition', 'tps'],
    states: ['IL'],
    courts: ['Chicago Immigration Court'],
    proBonoPerMonth: 6,
    email: 'g.ramirez@centrolegal.example',
    phone: '(312) 555-0191',
    lang: 'es',
  },
  {
    keeper: 'nynj',
    kind: 'attorney',
    name: 'Rebecca Goldstein',
    organizationName: 'Five Boroughs Legal Aid — Benefits & Family Unit',
    languages: ['en', 'es'],
    practiceAreas: ['public_benefits', 'family_petition'],
    states: ['NY'],
    // LSC-funded: no undocumented or DACA clients (45 CFR 1626); the referral check must see it.
    fundingRestrictions: ['lsc'],
    proBonoPerMonth: 10,
    email: 'intake@fiveboroughs-legalaid.example',
    phone: '(718) 555-0192',
    contactPreference: 'phone',
    website: 'https://fiveboroughs-legalaid.example',
  },
  {
    keeper: 'nynj',
    kind: 'social_worker',
    name: 'Eunyoung Park (박은영), LCSW',
    organizationName: 'Flushing Family Counseling Center (플러싱 가족상담센터)',
    languages: ['ko', 'en'],
    practiceAreas: ['public_benefits', 'other'],
    states: ['NY', 'NJ'],
    proBonoPerMonth: 4,
    email: 'eunyoung.park@flushingfamily.example',
    phone: '(718) 555-0193',
    lang: 'ko',
  },
  {
    keeper: 'tx',
    kind: 'tax_preparer',
    name: 'Héctor Villarreal',
    organizationName: 'Villarreal Tax & ITIN Services',
    languages: ['es', 'en'],
    practiceAreas: ['other'],
    states: ['TX'],
    proBonoPerMonth: 8,
    email: 'hector@villarreal-tax.example',
    phone: '(713) 555-0194',
    contactPreference: 'phone',
    lang: 'es',
  },
  {
    keeper: 'pa',
    kind: 'attorney',
    name: 'Sungmin Lee (이성민)',
    organizationName: 'Lee & Ortiz Immigration Law',
    languages: ['ko', 'en', 'es'],
    practiceAreas: ['naturalization', 'family_petition', 'adoptee_citizenship'],
    states: ['PA', 'NJ', 'DE'],
    courts: ['Philadelphia Immigration Court'],
    proBonoPerMonth: 2,
    email: 'slee@leeortiz.example',
    phone: '(215) 555-0195',
    website: 'https://leeortiz.example',
  },
  {
    keeper: 'ca',
    kind: 'attorney',
    name: 'Adriana Castillo',
    organizationName: 'Castillo & Yoo LLP',
    languages: ['es', 'en'],
    practiceAreas: ['detention', 'tps', 'daca_renewal'],
    states: ['CA'],
    courts: ['Los Angeles Immigration Court', 'Adelanto Immigration Court'],
    proBonoPerMonth: 5,
    email: 'acastillo@castilloyoo.example',
    phone: '(213) 555-0196',
  },
  {
    keeper: 'ca',
    kind: 'counselor',
    name: 'Hyejin Choi (최혜진)',
    organizationName: null,
    languages: ['ko', 'en'],
    practiceAreas: ['other'],
    states: ['CA'],
    proBonoPerMonth: 6,
    email: 'hyejin.choi@koreatown-counseling.example',
    phone: '(213) 555-0197',
    lang: 'ko',
  },
  {
    keeper: 'national',
    kind: 'attorney',
    name: 'Mina Oh (오민아)',
    organizationName: 'Adoptee Citizenship Project',
    languages: ['en', 'ko'],
    practiceAreas: ['adoptee_citizenship', 'naturalization'],
    states: ['IL', 'VA', 'PA', 'NY', 'NJ', 'TX', 'CA'],
    proBonoPerMonth: 4,
    email: 'mina.oh@adopteecitizenship.example',
    phone: '(202) 555-0198',
  },
];

/** Adds the demo providers through the same verb the API uses (so each is audited), and the Virginia attorney's portal user. */
export async function seedDemoProviders(deps: Deps, orgs: Record<string, string>, addUser: AddUser): Promise<void> {
  for (const { keeper, ...p } of DEMO_PROVIDERS) {
    const orgId = orgs[keeper];
    if (!orgId) throw new Error(`demo provider ${p.name}: no demo org "${keeper}"`);
    const input: ProviderCreateInput = { organizationName: null, courts: [], fundingRestrictions: [], email: null, phone: null, contactPreference: 'email', website: null, active: true, ...p };
    const created = await createProvider({ ctx: systemCtx(deps, orgId), input });
    if (p.email === DEMO_PORTAL_ATTORNEY.email) {
      const user = await addUser(DEMO_PORTAL_ATTORNEY.email, DEMO_PORTAL_ATTORNEY.name, DEMO_PORTAL_ATTORNEY.language);
      await deps.database.db.update(providers).set({ userId: user.id }).where(eq(providers.id, created.id));
    }
  }
}
