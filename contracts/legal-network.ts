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

// ── The directory API (server/modules/legal-network/directory.routes.ts) ──────────────────

/** A new entry; `lang` (the language Haven writes to the provider in) is inferred from `languages` when left out. */
export const ProviderCreateInput = ProviderInput.extend({ lang: Lang.optional() });
export type ProviderCreateInput = z.infer<typeof ProviderCreateInput>;

const S = ProviderInput.shape;
/**
 * A change to an entry: only the fields sent change. Built field by field without the create
 * defaults (a `.partial()` would fill `courts: []` and friends and wipe them). No hard delete:
 * `active: false` takes an entry out of the directory and keeps its referral history.
 */
export const ProviderPatch = z.object({
  version: z.number().int(),
  kind: S.kind.optional(),
  name: S.name.optional(),
  organizationName: S.organizationName.unwrap().optional(),
  languages: S.languages.optional(),
  practiceAreas: S.practiceAreas.optional(),
  states: S.states.optional(),
  courts: S.courts.unwrap().optional(),
  fundingRestrictions: S.fundingRestrictions.unwrap().optional(),
  proBonoPerMonth: S.proBonoPerMonth.optional(),
  email: S.email.unwrap().optional(),
  phone: S.phone.unwrap().optional(),
  contactPreference: S.contactPreference.unwrap().optional(),
  website: S.website.unwrap().optional(),
  active: S.active.unwrap().optional(),
  lang: Lang.optional(),
});
export type ProviderPatch = z.infer<typeof ProviderPatch>;

/** Directory filters; all optional. `active` defaults to true (the directory people refer from); `active=false` lists the retired entries. */
export const ProviderListQuery = z.object({
  /** Part of the name or of the firm's name, any case; Hangul as typed. */
  q: z.string().trim().min(1).max(100).optional(),
  kind: ProviderKind.optional(),
  language: z.string().trim().toLowerCase().pipe(iso639).optional(),
  practiceArea: CaseType.optional(),
  state: z.string().trim().toUpperCase().pipe(usState).optional(),
  active: z.stringbool().default(true),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProviderListQuery = z.infer<typeof ProviderListQuery>;

export const ProviderList = z.object({ items: z.array(Provider), total: z.number().int() });
export type ProviderList = z.infer<typeof ProviderList>;

/**
 * An HSDS 3.0 document (shape in hsds-export.ts): checked here only as JSON that is an object or
 * an array; the published schemas and the import's own reading do the rest.
 */
export const HsdsDocumentBody = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);
export const HsdsExportResponse = z.looseObject({
  total_items: z.number().int(),
  contents: z.array(z.looseObject({ id: z.string() })),
  meta: z.looseObject({ hsds_version: z.literal('3.0') }),
});

/** `dryRun` defaults to true: an import writes only when asked to with `dryRun=false`. */
export const HsdsImportQuery = z.object({ dryRun: z.stringbool().default(true) });

/** A value or entry the import left out or guessed, with a JSON Pointer into the document. */
export const HsdsImportProblem = z.object({ path: z.string(), code: z.string() });

/**
 * What the import read and what it did (or would do, on a dry run): entries matching one the
 * caller's affiliate already keeps (same name and email, any case) or an earlier entry of the
 * same document are `duplicate` and skipped.
 */
export const DirectoryImportResult = z.object({
  dryRun: z.boolean(),
  providers: z.array(ProviderInput.extend({ duplicate: z.boolean() })),
  created: z.number().int(),
  skipped: z.number().int(),
  problems: z.array(HsdsImportProblem),
});
export type DirectoryImportResult = z.infer<typeof DirectoryImportResult>;

// ── Referrals and the attorney portal (server/modules/legal-network/referrals.routes.ts, portal.routes.ts) ──

/** Same values as the referrals table's REFERRAL_STATUSES (checked at compile time in referrals.repository.ts). */
export const ReferralStatus = z.enum(['sent', 'conflict_cleared', 'accepted', 'declined', 'consultation_scheduled', 'completed', 'withdrawn']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** Why a provider is suggested where it is, or left out (referral-ranking.ts). */
export const SuggestionReason = z.enum([
  // left out
  'inactive', 'practice_area_not_covered', 'lsc_restricted', 'state_not_served',
  // ranking
  'speaks_language', 'needs_interpreter', 'pro_bono_available', 'pro_bono_full', 'state_served', 'state_unknown', 'courts_listed', 'lsc_funded',
]);
export type SuggestionReason = z.infer<typeof SuggestionReason>;

export const ProviderSummary = z.object({
  id: z.uuid(),
  kind: ProviderKind,
  name: z.string(),
  organizationName: z.string().nullable(),
  languages: z.array(z.string()),
  states: z.array(z.string()),
  courts: z.array(z.string()),
  fundingRestrictions: z.array(z.string()),
  proBonoPerMonth: z.number().int(),
  acceptedThisMonth: z.number().int(),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;

export const ReferralSuggestion = z.object({ provider: ProviderSummary, excluded: z.boolean(), score: z.number(), proBonoLeft: z.number().int(), reasons: z.array(SuggestionReason) });
export const ReferralSuggestions = z.object({
  /** What the ranking used: the person's state (or the affiliate's only state), and whether LSC-funded programs are out. */
  need: z.object({ type: CaseType, lang: Lang, state: z.string().nullable(), clientRestricted: z.boolean() }),
  items: z.array(ReferralSuggestion),
});
export type ReferralSuggestions = z.infer<typeof ReferralSuggestions>;

export const ReferralSendInput = z.object({
  providerId: z.uuid(),
  /** What the provider reads once the conflict check is cleared: short, no identifiers. */
  summary: z.string().trim().max(2000).optional(),
});
export type ReferralSendInput = z.infer<typeof ReferralSendInput>;
export const ReferralWithdrawInput = z.object({ reason: z.enum(['client_request', 'resolved', 'sent_elsewhere', 'other']).optional() });

export const DECLINE_REASONS = ['conflict', 'no_capacity', 'outside_practice', 'client_ineligible', 'other'] as const;
export const ReferralDeclineInput = z.object({ reason: z.enum(DECLINE_REASONS) });
export const REFERRAL_OUTCOMES = ['retained', 'advice_given', 'not_eligible', 'no_show', 'other'] as const;
export const ReferralOutcomeInput = z.object({ outcome: z.enum(REFERRAL_OUTCOMES), note: z.string().trim().min(1).max(4000).optional() });
export const ReferralScheduleInput = z.object({ at: z.iso.datetime({ offset: true }) });

/** The affiliate's view of a case's referral. */
export const Referral = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  provider: z.object({ id: z.uuid(), name: z.string(), organizationName: z.string().nullable(), kind: ProviderKind }),
  status: ReferralStatus,
  summary: z.string().nullable(),
  sentBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  sentAt: z.string(),
  conflictClearedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  consultationAt: z.string().nullable(),
  outcome: z.string().nullable(),
  completedAt: z.string().nullable(),
  consultBy: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});
export type Referral = z.infer<typeof Referral>;
export const ReferralList = z.object({ items: z.array(Referral) });
export type ReferralList = z.infer<typeof ReferralList>;
export const ReferralSent = Referral.extend({ created: z.boolean() });

/** The provider's list: who sent it, what kind of matter, in which language, and the parties' names only. */
export const PortalReferral = z.object({
  id: z.uuid(),
  affiliate: z.object({ name: z.string() }),
  caseType: CaseType,
  lang: Lang,
  status: ReferralStatus,
  sentAt: z.string(),
  consultBy: z.string().nullable(),
  consultationAt: z.string().nullable(),
  parties: z.array(z.object({ role: z.enum(['client']), name: z.string() })),
});
export type PortalReferral = z.infer<typeof PortalReferral>;
export const PortalReferralList = z.object({ items: z.array(PortalReferral) });
export type PortalReferralList = z.infer<typeof PortalReferralList>;

/** A past party of this provider's referrals that may be the same person as this referral's client. */
export const PortalConflictMatch = z.object({
  /** The earlier referral (the id to acknowledge). */
  id: z.uuid(),
  name: z.string(),
  level: z.enum(['strong', 'possible']),
  reasons: z.array(z.string()),
  affiliate: z.object({ name: z.string() }),
  sentAt: z.string(),
});
export const PortalConflictCheck = z.object({ matches: z.array(PortalConflictMatch) });
export const PortalConflictAnswer = z.object({
  /** true: no conflict (every match shown acknowledged); false: a conflict, the referral is declined. */
  noConflict: z.boolean(),
  acknowledged: z.array(z.uuid()).max(500).default([]),
});

/** Only after the conflict check is cleared: enough to call the person and prepare, nothing of the affiliate's notes. */
export const PortalReferralDetail = PortalReferral.extend({
  summary: z.string().nullable(),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), preferredLanguage: Lang }),
  daca: z.object({ expiresOn: z.string(), lastApprovedOn: z.string().nullable(), filedOn: z.string().nullable() }).nullable(),
  outcome: z.string().nullable(),
});
export type PortalReferralDetail = z.infer<typeof PortalReferralDetail>;
/** Where a referral stands after one of the provider's answers. */
export const PortalAnswer = z.object({ id: z.uuid(), status: ReferralStatus, respondedAt: z.string().nullable(), consultationAt: z.string().nullable() });
export type PortalAnswer = z.infer<typeof PortalAnswer>;
