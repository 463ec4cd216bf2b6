import { z } from 'zod';
import { Lang } from './common.ts';
import { CaseType } from './cases.ts';

/**
 * The legal network: attorneys, DOJ-accredited representatives and other professionals the
 * affiliates refer people to. A provider's languages are ISO 639-1 codes (not only the
 * three the UI speaks: a Tagalog-speaking attorney is worth knowing about).
 */
export const PROVIDER_KINDS = ['attorney', 'accredited_representative', 'social_worker', 'counselor', 'tax_preparer', 'other'] as const;
export const ProviderKind = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof ProviderKind>;

/**
 * Who a provider may not serve because of its funding, e.g. LSC-funded programs (45 CFR
 * 1626) cannot represent undocumented or DACA clients.
 */
export const FUNDING_RESTRICTIONS = ['lsc'] as const;
export const FundingRestriction = z.enum(FUNDING_RESTRICTIONS);

export const ContactPreference = z.enum(['email', 'phone', 'portal']);

const iso639 = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 code');
const usState = z.string().regex(/^[A-Z]{2}$/, 'two-letter state');

export const ProviderInput = z.object({
  kind: ProviderKind,
  name: z.string().trim().min(1).max(200),
  /** The firm, clinic or program the provider works for, if any. */
  organizationName: z.string().trim().max(200).nullable().default(null),
  languages: z.array(iso639).min(1).max(20),
  practiceAreas: z.array(CaseType).min(1),
  states: z.array(usState).min(1).max(60),
  /** Free text: "Chicago Immigration Court", "Arlington Immigration Court". */
  courts: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
  fundingRestrictions: z.array(FundingRestriction).default([]),
  /** New pro bono matters a month; 0 = paid work only. */
  proBonoPerMonth: z.number().int().min(0).max(500),
  email: z.email().nullable().default(null),
  phone: z.string().trim().max(20).nullable().default(null),
  contactPreference: ContactPreference.default('email'),
  website: z.url().nullable().default(null),
  active: z.boolean().default(true),
});
export type ProviderInput = z.infer<typeof ProviderInput>;

export const Provider = ProviderInput.extend({
  id: z.uuid(),
  /** The affiliate (or the national office) that keeps this entry. */
  orgId: z.uuid(),
  /** Display language for messages to the provider. */
  lang: Lang.default('en'),
  /** Pro bono referrals accepted this calendar month. */
  acceptedThisMonth: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Provider = z.infer<typeof Provider>;
