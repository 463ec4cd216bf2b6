import { z } from 'zod';
import { Lang } from './common.ts';

/**
 * Policy alerts: translated, approved, targeted broadcasts by SMS and email. Shared by the
 * server routes (server/modules/alerts) and the web (web/src/modules/alerts).
 */
export const ALERT_TOPICS = ['daca', 'tps', 'enforcement', 'public_charge', 'elections', 'events', 'general'] as const;
export const AlertTopic = z.enum(ALERT_TOPICS);
export type AlertTopic = z.infer<typeof AlertTopic>;

/**
 * draft → in_review (submitted for approval) → approved → scheduled | sending ⇄ paused → sent;
 * canceled from any state before sent. Edits are possible only in draft (submitting freezes the text).
 */
export const ALERT_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'sending', 'paused', 'sent', 'canceled'] as const;
export const AlertStatus = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** alert: a new message; correction / retraction: go to exactly the people who got the parent. */
export const ALERT_KINDS = ['alert', 'correction', 'retraction'] as const;
export const AlertKind = z.enum(ALERT_KINDS);

export const TRANSLATION_STATUSES = ['draft', 'needs_review', 'approved'] as const;
export const TranslationStatus = z.enum(TRANSLATION_STATUSES);
export type TranslationStatus = z.infer<typeof TranslationStatus>;

export const AlertChannel = z.enum(['sms', 'email']);
export type AlertChannel = z.infer<typeof AlertChannel>;

/** Delivery rows: pending until handed to the outbox (queued); canceled when the alert is canceled before that. */
export const DELIVERY_STATES = ['pending', 'queued', 'canceled'] as const;

const Zip = z.string().trim().regex(/^\d{5}$/, 'five-digit ZIP');
const Tag = z.string().trim().toLowerCase().min(1).max(40);

/**
 * Who an alert goes to. Every filter narrows (AND between filters, OR within one); an empty
 * list means "no filter". `orgIds` empty = the author's own org, or for the network office
 * every affiliate (network-wide). Opted-out people are excluded at selection and again at send.
 */
export const Audience = z.object({
  orgIds: z.array(z.uuid()).max(100).default([]),
  states: z.array(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/)).max(60).default([]),
  zips: z.array(Zip).max(2000).default([]),
  counties: z.array(z.string().trim().min(1).max(80)).max(200).default([]),
  langs: z.array(Lang).max(3).default([]),
  topics: z.array(AlertTopic).max(ALERT_TOPICS.length).default([]),
  tags: z.array(Tag).max(50).default([]),
  channels: z.array(AlertChannel).min(1).max(2).default(['sms']),
  /** Send the source-language version as well as the person's own (when they differ). */
  alsoSourceLang: z.boolean().default(false),
});
export type Audience = z.infer<typeof Audience>;
export type AudienceInput = z.input<typeof Audience>;

export const SMS_ALERT_MAX_CHARS = 1000;
export const EMAIL_BODY_MAX_CHARS = 20_000;

export const AlertVersionInput = z.object({
  smsBody: z.string().trim().max(SMS_ALERT_MAX_CHARS).default(''),
  emailSubject: z.string().trim().max(200).default(''),
  emailBody: z.string().trim().max(EMAIL_BODY_MAX_CHARS).default(''),
});
export type AlertVersionInput = z.input<typeof AlertVersionInput>;

export const AlertVersion = z.object({
  lang: Lang,
  smsBody: z.string(),
  emailSubject: z.string(),
  emailBody: z.string(),
  status: TranslationStatus,
  reviewedBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type AlertVersion = z.infer<typeof AlertVersion>;

export const CreateAlertInput = z.object({
  title: z.string().trim().min(1).max(200),
  topic: AlertTopic,
  sourceLang: Lang,
  emergency: z.boolean().default(false),
  audience: Audience.default(Audience.parse({})),
  /** The source-language text; other languages are added with PUT …/versions/:lang. */
  version: AlertVersionInput.optional(),
  /** Client request id: a double-clicked "create" makes one alert. */
  requestId: z.string().min(8).max(100).optional(),
});
export type CreateAlertInput = z.input<typeof CreateAlertInput>;

export const UpdateAlertInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  topic: AlertTopic.optional(),
  emergency: z.boolean().optional(),
  audience: Audience.optional(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Optimistic lock: the version the editor saw. */
  expectedVersion: z.number().int(),
});
export type UpdateAlertInput = z.input<typeof UpdateAlertInput>;

export const AlertSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  topic: AlertTopic,
  kind: AlertKind,
  parentId: z.uuid().nullable(),
  status: AlertStatus,
  sourceLang: Lang,
  emergency: z.boolean(),
  langs: z.array(Lang),
  recipients: z.number().int().nullable(),
  createdBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AlertSummary = z.infer<typeof AlertSummary>;

export const Alert = AlertSummary.extend({
  audience: Audience,
  versions: z.array(AlertVersion),
  approvedBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  approvedAt: z.string().nullable(),
  /** Why the current user may not approve (self-approval of a large or network-wide alert), null when they may. */
  approvalBlockedReason: z.enum(['two_person_rule', 'translations_not_approved', 'not_in_review']).nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertList = z.object({ items: z.array(AlertSummary) });
export type AlertList = z.infer<typeof AlertList>;

/** Per language: what one text costs and how the audience splits. */
export const LanguagePreview = z.object({
  lang: Lang,
  recipients: z.number().int(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  characters: z.number().int(),
  segments: z.number().int(),
  charsLeftInSegment: z.number().int(),
  /** The characters that force UCS-2 when the rest is GSM-7 (á, í, ó, ú, curly quotes…). */
  ucs2Characters: z.array(z.string()),
  /** The same text with those characters replaced, when that makes it GSM-7. */
  gsmSafeVariant: z.string().nullable(),
  /** A Korean text past 2 segments. */
  tooLongWarning: z.boolean(),
  costSms: z.number(),
  emails: z.number().int(),
});
export const AlertPreview = z.object({
  recipients: z.number().int(),
  byLanguage: z.array(LanguagePreview),
  byChannel: z.object({ sms: z.number().int(), email: z.number().int() }),
  currency: z.string(),
  costTotal: z.number(),
  /** Seconds to hand every text to the carrier at the senders' pacing (no quiet hours). */
  sendSeconds: z.number(),
  /** Recipients whose local time is now outside quiet hours (their texts wait, unless emergency and opted in). */
  heldByQuietHours: z.number().int(),
  needsTwoPeople: z.boolean(),
});
export type AlertPreview = z.infer<typeof AlertPreview>;

/** Live progress (GET …/progress and the SSE stream). */
export const ProgressCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  optedOut: z.number().int(),
  canceled: z.number().int(),
});
export const AlertProgress = z.object({
  alertId: z.uuid(),
  status: AlertStatus,
  counts: ProgressCounts,
  byLanguage: z.array(ProgressCounts.extend({ lang: Lang })),
  byState: z.array(ProgressCounts.extend({ state: z.string() })),
  /** Estimated seconds until every message is handed to the carrier, or null when nothing is left. */
  secondsToFinish: z.number().nullable(),
  clicks: z.array(z.object({ lang: Lang, clicks: z.number().int() })),
  at: z.string(),
});
export type AlertProgress = z.infer<typeof AlertProgress>;

export const ReviewVersionInput = z.object({ status: TranslationStatus, expectedVersion: z.number().int() });
export type ReviewVersionInput = z.infer<typeof ReviewVersionInput>;
export const ScheduleInput = z.object({ at: z.iso.datetime({ offset: true }).nullable(), expectedVersion: z.number().int() });
export type ScheduleInput = z.infer<typeof ScheduleInput>;
export const VersionedInput = z.object({ expectedVersion: z.number().int() });
export type VersionedInput = z.infer<typeof VersionedInput>;
export const FollowUpInput = z.object({
  kind: z.enum(['correction', 'retraction']),
  title: z.string().trim().min(1).max(200).optional(),
  version: AlertVersionInput.optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;
export type AlertKind = z.infer<typeof AlertKind>;
export type ProgressCounts = z.infer<typeof ProgressCounts>;
export type LanguagePreview = z.infer<typeof LanguagePreview>;

// ——— Subscribing ———

/** The public sign-up form (/p/alerts). Phone and/or email. */
export const SignupInput = z
  .object({
    phone: z.string().trim().max(30).optional(),
    email: z.email().max(200).optional(),
    zip: Zip,
    lang: Lang,
    topics: z.array(AlertTopic).min(1),
    /** Honeypot: people leave it empty. */
    website: z.string().max(0).optional(),
  })
  .refine((v) => Boolean(v.phone || v.email), { message: 'phone_or_email', path: ['phone'] });
export type SignupInput = z.input<typeof SignupInput>;

export const PreferencesInput = z.object({
  lang: Lang,
  topics: z.array(AlertTopic),
  zip: Zip.optional(),
  /** Stop everything from this org on this channel. */
  unsubscribe: z.boolean().default(false),
});
export type PreferencesInput = z.input<typeof PreferencesInput>;

export const ImportRowError = z.object({ line: z.number().int(), field: z.string(), code: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportPreview = z.object({
  importId: z.uuid(),
  encoding: z.enum(['utf-8', 'euc-kr']),
  rows: z.number().int(),
  valid: z.number().int(),
  duplicatesInFile: z.number().int(),
  alreadyKnown: z.number().int(),
  errors: z.array(ImportRowError),
  sample: z.array(z.object({ line: z.number().int(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), lang: Lang, zip: z.string().nullable() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
