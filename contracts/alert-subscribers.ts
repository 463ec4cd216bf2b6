import { z } from 'zod';
import { AlertTopic } from './alerts.ts';
import { Lang } from './common.ts';

/**
 * Subscribing to policy alerts: the answers of the public sign-up, confirm and preferences
 * endpoints and of the staff subscriber list (the inputs are SignupInput, PreferencesInput
 * and ImportPreview in contracts/alerts.ts). The consent text itself is plain data in
 * alert-signup-texts.ts, shared with the web page so that what is shown is what is recorded.
 */
export const SignupResult = z.object({ ok: z.literal(true), channels: z.array(z.enum(['sms', 'email'])) });
export type SignupResult = z.infer<typeof SignupResult>;

/** The org a ZIP code's sign-up goes to, by name, so the page can say who will write. */
export const SignupOrgQuery = z.object({ zip: z.string().trim().regex(/^\d{5}$/, 'five-digit ZIP') });
export const SignupOrg = z.object({ name: z.string(), state: z.string().nullable() });
export type SignupOrg = z.infer<typeof SignupOrg>;

/** What the email confirmation page shows before the person presses the button. */
export const SignupConfirmDetails = z.object({
  status: z.enum(['pending', 'confirmed', 'expired', 'invalid']),
  lang: Lang,
  orgName: z.string().nullable(),
});
export type SignupConfirmDetails = z.infer<typeof SignupConfirmDetails>;

export const PreferencesDetails = z.object({
  orgName: z.string(),
  channel: z.enum(['sms', 'email']),
  /** The address, masked: the page is reachable by whoever holds the link. */
  address: z.string(),
  lang: Lang,
  topics: z.array(AlertTopic),
  zip: z.string().nullable(),
  subscribed: z.boolean(),
});
export type PreferencesDetails = z.infer<typeof PreferencesDetails>;

export const SubscriberQuery = z.object({
  lang: Lang.optional(),
  topic: AlertTopic.optional(),
  q: z.string().trim().max(100).optional(),
});

export const SubscriberRow = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lang: Lang,
  zip: z.string().nullable(),
  topics: z.array(z.string()),
  tags: z.array(z.string()),
  /** The SMS consent that applies to this org (opted_in, opted_out, or none on record). */
  consent: z.enum(['opted_in', 'opted_out', 'none']),
});
export const SubscriberList = z.object({
  total: z.number().int(),
  byLanguage: z.array(z.object({ lang: Lang, count: z.number().int() })),
  byTopic: z.array(z.object({ topic: z.string(), count: z.number().int() })),
  items: z.array(SubscriberRow),
});
export type SubscriberList = z.infer<typeof SubscriberList>;

/** A consent statement shorter than this says nothing ("yes", "ok"); the web checks it before uploading. */
export const ATTESTATION_MIN = 20;
export const ImportQuery = z.object({ attestation: z.string().trim().min(ATTESTATION_MIN).max(1000) });
export const ImportConfirmResult = z.object({ created: z.number().int(), updated: z.number().int(), consentRecorded: z.number().int() });
export type ImportConfirmResult = z.infer<typeof ImportConfirmResult>;
