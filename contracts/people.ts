import { z } from 'zod';
import { Lang, UsState } from './common.ts';

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const PersonInput = z.object({
  givenName: z.string().trim().min(1).max(200),
  familyName: z.string().trim().max(200).optional(),
  nameKo: optionalText(100),
  otherNames: optionalText(300),
  /** Any format a person would type; stored as E.164. */
  phone: optionalText(40),
  email: z.string().trim().toLowerCase().email().max(320).optional().nullable(),
  preferredLanguage: Lang,
  zip: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'ZIP code').optional().nullable(),
  state: UsState.optional().nullable(),
  /** Sensitive: stored encrypted, shown only to roles with people.read_sensitive. */
  dateOfBirth: z.iso.date().optional().nullable(),
  immigrationStatus: optionalText(100),
  aNumber: z.string().trim().regex(/^A?-?\d{3}-?\d{3}-?\d{3}$/i, 'A-number: 9 digits').optional().nullable(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const PersonPatch = PersonInput.partial().extend({
  /** The version the editor saw: a stale edit is refused with 409 instead of overwriting. */
  version: z.number().int().positive(),
});
export type PersonPatch = z.infer<typeof PersonPatch>;

export const PersonSummary = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  nameKo: z.string().nullable(),
  otherNames: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: Lang,
  zip: z.string().nullable(),
  state: z.string().nullable(),
  createdAt: z.string(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const Person = PersonSummary.extend({
  version: z.number().int(),
  updatedAt: z.string(),
  mergedIntoId: z.uuid().nullable(),
  /** Present only for roles allowed to read sensitive fields (and that read is audited). */
  sensitive: z
    .object({ dateOfBirth: z.string().nullable(), immigrationStatus: z.string().nullable(), aNumber: z.string().nullable() })
    .nullable(),
});
export type Person = z.infer<typeof Person>;

export const PeopleQuery = z.object({
  /** Name in Hangul or any romanization, or a phone number in any format. */
  q: z.string().trim().max(200).optional(),
  language: Lang.optional(),
  state: UsState.optional(),
  zip: z.string().trim().max(10).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/** `total` counts at most COUNT_CAP matches; `totalCapped` says there are more (counting them all is slow and tells a volunteer nothing). */
export const PeoplePage = z.object({ items: z.array(PersonSummary), total: z.number().int(), totalCapped: z.boolean() });
export type PeoplePage = z.infer<typeof PeoplePage>;

export const MergeInput = z.object({ duplicateId: z.uuid() });
export type MergeInput = z.infer<typeof MergeInput>;

export const ConsentEvent = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email', 'voice']),
  scope: z.enum(['network', 'affiliate']),
  topic: z.string(),
  status: z.enum(['opted_in', 'opted_out']),
  evidenceKind: z.enum(['keyword', 'form', 'import', 'staff', 'provider', 'unsubscribe_link']),
  evidence: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type ConsentEvent = z.infer<typeof ConsentEvent>;
export const ConsentList = z.object({ items: z.array(ConsentEvent) });
export type ConsentList = z.infer<typeof ConsentList>;
