import { CASE_TYPES, type CaseType } from '../../../contracts/cases.ts';
import { FUNDING_RESTRICTIONS, PROVIDER_KINDS, ProviderInput } from '../../../contracts/legal-network.ts';
import { SOLE_PRACTITIONER } from './hsds-export.ts';
import { CONTACT_PREFERENCES, havenCode } from './hsds-taxonomy.ts';
import { stateCode } from './us-state-names.ts';

/**
 * HSDS 3.0 → ProviderInput. Reads what toHsds writes and what other HSDS tools plausibly write:
 * a Page (`contents`), a bare array, a single service, or organizations with nested `services`.
 * Never throws on bad input: an import file is partner data, and one bad entry must not hide
 * the others. Every dropped value or item is a problem with a JSON Pointer into the document.
 *
 * Defaults for what HSDS does not carry (or another tool left out) are the cautious ones:
 * kind 'other', practice area 'other', no pro bono capacity (never route free work to someone
 * who did not offer it), and English when no language is given — flagged, as that is a guess.
 */

export interface HsdsImportProblem {
  path: string;
  code: string;
}
export interface HsdsImportResult {
  providers: ProviderInput[];
  problems: HsdsImportProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() ? x.trim() : null);
const has = <T extends string>(list: readonly T[], x: string): x is T => (list as readonly string[]).includes(x);

export function fromHsds(doc: unknown): HsdsImportResult {
  const problems: HsdsImportProblem[] = [];
  const report = (path: string, code: string) => problems.push({ path: path || '/', code });
  const providers: ProviderInput[] = [];
  const read = (item: unknown, path: string, org: Obj | null) => {
    if (!isObj(item)) return report(path, 'not_an_object');
    if (Array.isArray(item.services) && !('status' in item)) {
      // An organization with its services (HSDS's "full_service" organization form).
      item.services.forEach((s, j) => read(s, `${path}/services/${j}`, item));
      return;
    }
    const provider = readService(item, path, org, report);
    if (provider) providers.push(provider);
  };
  if (Array.isArray(doc)) doc.forEach((item, i) => read(item, `/${i}`, null));
  else if (isObj(doc) && 'contents' in doc) {
    if (!Array.isArray(doc.contents)) report('/contents', 'not_an_array');
    else doc.contents.forEach((item, i) => read(item, `/contents/${i}`, null));
  } else if (isObj(doc)) read(doc, '', null);
  else report('', 'not_hsds');
  return { providers, problems };
}

/** Names ICU spells differently ("tl" is "Filipino" there) or that have no 2-letter code. */
const LANGUAGE_ALIASES: [string, string][] = [
  ['tagalog', 'tl'],
  ['mandarin', 'zh'],
  ['cantonese', 'yue'],
  ['farsi', 'fa'],
  ['mam', 'mam'],
  ["q'anjob'al", 'kjb'],
  ["k'iche'", 'quc'],
];

let languageByName: Map<string, string> | null = null;
/** English language name → ISO 639 code, built once from the runtime's ICU data (no table to keep). */
function languageCodeForName(name: string): string | null {
  if (!languageByName) {
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    languageByName = new Map(LANGUAGE_ALIASES);
    for (let a = 97; a <= 122; a++)
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b);
        const n = names.of(code);
        if (n && n !== code) languageByName.set(n.toLowerCase(), code);
      }
  }
  return languageByName.get(name.trim().toLowerCase()) ?? null;
}

function readService(svc: Obj, path: string, orgContext: Obj | null, report: (path: string, code: string) => void): ProviderInput | null {
  const org = isObj(svc.organization) ? svc.organization : orgContext;
  const contacts = arr(svc.contacts); // unfiltered, so indices match the document's paths
  const person = contacts.filter(isObj).find((c) => str(c.name));
  const name = str(person?.name) ?? str(org?.name) ?? str(svc.name) ?? '';
  const orgName = str(org?.name);
  const organizationName = orgName && org?.legal_status !== SOLE_PRACTITIONER && orgName !== name ? orgName : null;

  let kind: ProviderInput['kind'] | null = null;
  const practiceAreas: CaseType[] = [];
  const fundingRestrictions: ProviderInput['fundingRestrictions'] = [];
  let contactPreference: ProviderInput['contactPreference'] | null = null;
  const courts: string[] = [];
  let proBonoPerMonth = 0;
  arr(svc.attributes).forEach((attr, i) => {
    const at = `${path}/attributes/${i}`;
    if (!isObj(attr)) return report(at, 'not_an_object');
    const code = havenCode(attr);
    if (!code) return; // another taxonomy (e.g. 211 LA): not ours to interpret
    const sep = code.indexOf(':');
    const facet = sep < 0 ? code : code.slice(0, sep);
    const value = sep < 0 ? '' : code.slice(sep + 1);
    const attrValue = str(attr.value);
    if (facet === 'provider-kind') {
      if (has(PROVIDER_KINDS, value)) kind ??= value;
      else report(at, 'unknown_provider_kind');
    } else if (facet === 'practice-area') {
      if (has(CASE_TYPES, value)) practiceAreas.push(value);
      else {
        practiceAreas.push('other');
        report(at, 'unknown_practice_area');
      }
    } else if (facet === 'funding-restriction') {
      if (has(FUNDING_RESTRICTIONS, value)) fundingRestrictions.push(value);
      else report(at, 'unknown_funding_restriction');
    } else if (facet === 'contact-preference') {
      if (has(CONTACT_PREFERENCES, value)) contactPreference ??= value;
      else report(at, 'unknown_contact_preference');
    } else if (code === 'court') {
      if (attrValue) courts.push(attrValue);
      else report(at, 'missing_court_name');
    } else if (code === 'pro-bono-capacity') {
      const n = Number(attrValue);
      if (attrValue !== null && Number.isInteger(n) && n >= 0) proBonoPerMonth = n;
      else report(at, 'invalid_pro_bono_capacity');
    }
  });
  // Another tool may know a program is LSC-funded only from its funding source; missing it
  // would send undocumented or DACA clients to a program that must turn them away.
  if (arr(svc.funding).some((f) => isObj(f) && /Legal Services Corporation|\bLSC\b/i.test(String(f.source ?? '')))) {
    fundingRestrictions.push('lsc');
  }

  const languages: string[] = [];
  arr(svc.languages).forEach((l, i) => {
    const at = `${path}/languages/${i}`;
    if (!isObj(l)) return report(at, 'not_an_object');
    // "en-US", "zh-Hant": the language is the primary subtag. Any well-formed code is kept, as
    // the contract does: ICU does not know Mam (mam) or Q'anjob'al (kjb), which matter here.
    const code = str(l.code)?.toLowerCase().split(/[-_]/)[0] ?? null;
    const resolved = code && /^[a-z]{2,3}$/.test(code) ? code : str(l.name) ? languageCodeForName(String(l.name)) : null;
    if (resolved) languages.push(resolved);
    else report(at, 'unknown_language');
  });
  if (languages.length === 0) {
    languages.push('en');
    report(`${path}/languages`, 'languages_defaulted');
  }

  const states: string[] = [];
  arr(svc.service_areas).forEach((a, i) => {
    const at = `${path}/service_areas/${i}`;
    if (!isObj(a)) return report(at, 'not_an_object');
    const code = (str(a.extent) && a.extent_type === 'text' ? stateCode(String(a.extent)) : null) ?? (str(a.name) ? stateCode(String(a.name)) : null);
    if (code) states.push(code);
    else report(at, 'unknown_service_area');
  });
  if (states.length === 0) states.push(...addressStates(svc, org));

  const personAt = `${path}/contacts/${person ? contacts.indexOf(person) : 0}`;
  const orgAt = isObj(svc.organization) ? `${path}/organization` : path.replace(/\/services\/\d+$/, '');
  const email = pick(ProviderInput.shape.email, [[person?.email, `${personAt}/email`], [svc.email, `${path}/email`], [org?.email, `${orgAt}/email`]], 'invalid_email', report);
  const phone = pick(
    ProviderInput.shape.phone,
    [
      ...numbers(svc.phones, `${path}/phones`),
      ...contacts.flatMap((c, i) => (isObj(c) ? numbers(c.phones, `${path}/contacts/${i}/phones`) : [])),
      ...numbers(org?.phones, `${orgAt}/phones`),
    ],
    'invalid_phone',
    report,
  );
  const website = pick(ProviderInput.shape.website, [[svc.url, `${path}/url`], [org?.website, `${orgAt}/website`]], 'invalid_url', report);

  const candidate = {
    kind: kind ?? 'other',
    name,
    organizationName,
    languages: [...new Set(languages)],
    practiceAreas: practiceAreas.length ? [...new Set(practiceAreas)] : ['other'],
    states: [...new Set(states)],
    courts,
    fundingRestrictions: [...new Set(fundingRestrictions)],
    proBonoPerMonth,
    email,
    phone,
    contactPreference: contactPreference ?? (!email && phone ? 'phone' : 'email'),
    website,
    active: svc.status === undefined || svc.status === 'active',
  };
  const parsed = ProviderInput.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'item');
    const value = (candidate as Record<string, unknown>)[field];
    const missing = value === '' || (Array.isArray(value) && value.length === 0);
    report(path, `${missing ? 'missing' : 'invalid'}_${field}`);
  }
  return null;
}

/** States from the service's or organization's addresses, for tools that give no service area. */
function addressStates(svc: Obj, org: Obj | null): string[] {
  const locations = [
    ...arr(svc.service_at_locations).map((sal) => (isObj(sal) ? sal.location : null)),
    ...arr(org?.locations),
  ];
  return locations
    .flatMap((l) => (isObj(l) ? arr(l.addresses) : []))
    .map((a) => (isObj(a) && str(a.state_province) ? stateCode(String(a.state_province)) : null))
    .filter((s): s is string => s !== null);
}

type Candidate = [value: unknown, path: string];

const numbers = (phones: unknown, at: string): Candidate[] => arr(phones).map((p, i) => [isObj(p) ? p.number : null, `${at}/${i}/number`]);

/** The first present value that passes the contract's own check; a bad one is reported and skipped. */
function pick(
  schema: { safeParse(x: unknown): { success: boolean; data?: unknown } },
  candidates: Candidate[],
  code: string,
  report: (path: string, code: string) => void,
): string | null {
  for (const [v, at] of candidates) {
    const s = str(v);
    if (s === null) continue;
    const r = schema.safeParse(s);
    if (r.success && typeof r.data === 'string') return r.data;
    report(at, code);
  }
  return null;
}
