import type { Lang } from '../../../../contracts/common.ts';
import type { Person, PersonInput, PersonPatch } from '../../../../contracts/people.ts';

/** The form holds strings only; empty means "not known". */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  nameKo: string;
  otherNames: string;
  phone: string;
  email: string;
  preferredLanguage: Lang;
  zip: string;
  state: string;
  dateOfBirth: string;
  immigrationStatus: string;
  aNumber: string;
}

export const SENSITIVE_FIELDS = ['dateOfBirth', 'immigrationStatus', 'aNumber'] as const;
export const PERSON_FIELDS = [
  'givenName', 'familyName', 'nameKo', 'otherNames', 'phone', 'email', 'preferredLanguage', 'zip', 'state', ...SENSITIVE_FIELDS,
] as const;

export function emptyValues(preferredLanguage: Lang): PersonFormValues {
  return {
    givenName: '', familyName: '', nameKo: '', otherNames: '', phone: '', email: '', preferredLanguage,
    zip: '', state: '', dateOfBirth: '', immigrationStatus: '', aNumber: '',
  };
}

export function valuesFromPerson(p: Person): PersonFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    nameKo: p.nameKo ?? '',
    otherNames: p.otherNames ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    preferredLanguage: p.preferredLanguage,
    zip: p.zip ?? '',
    state: p.state ?? '',
    dateOfBirth: p.sensitive?.dateOfBirth ?? '',
    immigrationStatus: p.sensitive?.immigrationStatus ?? '',
    aNumber: p.sensitive?.aNumber ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** New person: every field the role may write. Sensitive fields are left out entirely for other roles. */
export function toInput(v: PersonFormValues, withSensitive: boolean): PersonInput {
  const input: PersonInput = {
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    nameKo: orNull(v.nameKo),
    otherNames: orNull(v.otherNames),
    phone: orNull(v.phone),
    email: orNull(v.email),
    preferredLanguage: v.preferredLanguage,
    zip: orNull(v.zip),
    state: orNull(v.state),
  };
  if (withSensitive) {
    input.dateOfBirth = orNull(v.dateOfBirth);
    input.immigrationStatus = orNull(v.immigrationStatus);
    input.aNumber = orNull(v.aNumber);
  }
  return input;
}

/**
 * An edit sends only what changed, plus the version the editor saw: two staff editing
 * different fields do not undo each other, and the audit log names the fields touched.
 */
export function toPatch(before: PersonFormValues, after: PersonFormValues, version: number, withSensitive: boolean): PersonPatch {
  const a = toInput(after, withSensitive);
  const b = toInput(before, withSensitive);
  const patch: PersonPatch = { version };
  for (const key of Object.keys(a) as (keyof PersonInput)[]) {
    if (a[key] !== b[key]) (patch as Record<string, unknown>)[key] = a[key];
  }
  return patch;
}
