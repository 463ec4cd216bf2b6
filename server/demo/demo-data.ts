/** The demo network: invented organizations, staff and community members. */
export const DEMO_NETWORK = {
  slug: 'national',
  name: 'Haven Network — National Office',
  states: [] as string[],
  timeZone: 'America/New_York',
};

export const DEMO_AFFILIATES = [
  { slug: 'il', name: 'Prairie Korean Community Center', states: ['IL'], timeZone: 'America/Chicago' },
  { slug: 'va', name: 'Potomac Family Justice Center', states: ['VA'], timeZone: 'America/New_York' },
  { slug: 'pa', name: 'Keystone Immigrant Alliance', states: ['PA'], timeZone: 'America/New_York' },
  { slug: 'nynj', name: 'Hudson Bridge Community Services', states: ['NY', 'NJ'], timeZone: 'America/New_York' },
  { slug: 'tx', name: 'Gulf Coast Families United', states: ['TX'], timeZone: 'America/Chicago' },
  // CA shows the two-factor policy on: its sensitive roles must enrol at first sign-in.
  { slug: 'ca', name: 'Pacific Dawn Community Alliance', states: ['CA'], timeZone: 'America/Los_Angeles', mfa: true },
];

export const AFFILIATE_ROLES = ['affiliate_admin', 'coordinator', 'responder', 'verifier', 'attorney', 'organizer', 'volunteer'] as const;

/** e.g. coordinator.il@demo.haven.local */
export const demoEmail = (role: string, slug: string) => `${role.replace('affiliate_', '')}.${slug}@demo.haven.local`;

export const DEMO_STAFF_NAMES: Record<string, string> = {
  affiliate_admin: 'Grace Yoon (윤은혜)',
  coordinator: 'Daniel Cho (조대현)',
  responder: 'María Hernández',
  verifier: 'Sam Okafor',
  attorney: 'Atty. Helen Park (박혜린)',
  organizer: 'Luis Romero',
  volunteer: 'Jiwoo Han (한지우)',
};

type DemoPerson = {
  givenName: string;
  familyName: string;
  nameKo?: string;
  otherNames?: string;
  phone?: string;
  email?: string;
  preferredLanguage: 'ko' | 'en' | 'es';
  zip?: string;
  dateOfBirth?: string;
  immigrationStatus?: string;
};

/** Community members; each affiliate gets them with its own state and area codes. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { givenName: 'Minjun', familyName: 'Kim', nameKo: '김민준', preferredLanguage: 'ko', phone: '555-0101', dateOfBirth: '1994-03-02', immigrationStatus: 'DACA (expires 2027-03-01)' },
  { givenName: 'Seoyeon', familyName: 'Lee', nameKo: '이서연', preferredLanguage: 'ko', phone: '555-0102' },
  { givenName: 'Jihoon', familyName: 'Park', nameKo: '박지훈', otherNames: 'Jason Park', preferredLanguage: 'en', phone: '555-0103', immigrationStatus: 'LPR since 2019' },
  { givenName: 'Sua', familyName: 'Choi', nameKo: '최수아', preferredLanguage: 'ko', email: 'sua.choi@example.org' },
  { givenName: 'Haeun', familyName: 'Jeong', nameKo: '정하은', preferredLanguage: 'ko', phone: '555-0105' },
  { givenName: 'Young-soo', familyName: 'Rhee', nameKo: '이영수', otherNames: 'Peter Rhee', preferredLanguage: 'ko', phone: '555-0106', dateOfBirth: '1958-11-20' },
  { givenName: 'Eunji', familyName: 'Pak', nameKo: '박은지', preferredLanguage: 'ko' },
  { givenName: 'Dong-hyun', familyName: 'Chung', nameKo: '정동현', otherNames: 'David Chung', preferredLanguage: 'en', phone: '555-0108' },
  { givenName: 'Soon-ja', familyName: 'Yi', nameKo: '이순자', preferredLanguage: 'ko', phone: '555-0109' },
  { givenName: 'Hyunwoo', familyName: 'Choe', nameKo: '최현우', preferredLanguage: 'ko', immigrationStatus: 'Adoptee (IR-4, 1981)' },
  { givenName: 'María José', familyName: 'García', preferredLanguage: 'es', phone: '555-0111', immigrationStatus: 'TPS' },
  { givenName: 'Juan Carlos', familyName: 'Rodríguez', preferredLanguage: 'es', phone: '555-0112' },
  { givenName: 'Lucía', familyName: 'Martínez', preferredLanguage: 'es', email: 'lucia.m@example.org', dateOfBirth: '2001-07-14', immigrationStatus: 'DACA (expires 2026-12-20)' },
  { givenName: 'José', familyName: 'Hernández', preferredLanguage: 'es', phone: '555-0114' },
  { givenName: 'Ana', familyName: 'López', preferredLanguage: 'es' },
  { givenName: 'Sarah', familyName: 'Johnson', preferredLanguage: 'en', phone: '555-0116' },
  { givenName: 'Michael', familyName: 'Nguyen', preferredLanguage: 'en', email: 'm.nguyen@example.org' },
  { givenName: 'Grace', familyName: 'Kang', nameKo: '강은혜', preferredLanguage: 'en', phone: '555-0118' },
];

export const AREA_CODES: Record<string, string> = { IL: '312', VA: '703', PA: '215', NY: '718', TX: '713', CA: '213' };
export const ZIPS: Record<string, string> = { IL: '60625', VA: '22003', PA: '19126', NY: '11354', TX: '77036', CA: '90010' };
