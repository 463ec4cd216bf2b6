import { z } from 'zod';

/**
 * What staff see of messaging: provider settings, senders, the queue, a person's message
 * history and the cost of a text. Shared by the server routes and the web app.
 */

/**
 * Twilio ids: two letters and 32 lowercase hex digits. The same rule as
 * server/integrations/sms/sms.port.ts (contracts stay free of server imports, so the web
 * bundle does not pull in the provider code).
 */
const twilioSid = (prefix: string) => z.string().trim().regex(new RegExp(`^${prefix}[0-9a-f]{32}$`), `${prefix} followed by 32 hex digits`);
export const AccountSidInput = twilioSid('AC');
export const MessagingServiceSidInput = twilioSid('MG');

export const MessagingProvider = z.enum(['simulator', 'twilio']);
export type MessagingProvider = z.infer<typeof MessagingProvider>;

/** The URLs to paste into the Twilio console (phone number → Messaging / Voice, and status callbacks). */
export const WebhookUrls = z.object({ sms: z.string(), voice: z.string(), status: z.string() });
export type WebhookUrls = z.infer<typeof WebhookUrls>;

/** The auth token is never sent back: only whether one is stored and its last four characters, to tell tokens apart. */
export const MessagingAccount = z.object({
  provider: MessagingProvider,
  accountSid: z.string().nullable(),
  authTokenSet: z.boolean(),
  authTokenLast4: z.string().nullable(),
  /** 0 while the org has never saved settings (it uses the simulator). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  webhookUrls: WebhookUrls,
});
export type MessagingAccount = z.infer<typeof MessagingAccount>;

export const MessagingAccountInput = z.object({
  provider: MessagingProvider,
  /** Leave out to keep the stored one; null clears it (only with the simulator). */
  accountSid: AccountSidInput.nullable().optional(),
  /** Write-only. Leave out to keep the stored one; null clears it (only with the simulator). */
  authToken: z.string().trim().regex(/^[0-9a-f]{32}$/i, '32 hex digits').nullable().optional(),
  /** The version the editor saw: a stale save is refused with 409 instead of overwriting. */
  version: z.number().int().min(0),
});
export type MessagingAccountInput = z.infer<typeof MessagingAccountInput>;

export const Sender = z.object({
  id: z.uuid(),
  label: z.string(),
  phone: z.string().nullable(),
  messagingServiceSid: z.string().nullable(),
  segmentsPerSecond: z.number().nullable(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export type Sender = z.infer<typeof Sender>;
export const SenderList = z.object({ items: z.array(Sender) });
export type SenderList = z.infer<typeof SenderList>;

export const SenderInput = z.object({
  label: z.string().trim().min(1).max(100),
  /** Any US format; stored as E.164. */
  phone: z.string().trim().max(40).nullable().optional(),
  messagingServiceSid: MessagingServiceSidInput.nullable().optional(),
  /** Carrier pacing for this sender; null sends as fast as the provider accepts. */
  segmentsPerSecond: z.number().min(0.1).max(1000).nullable().optional(),
  isDefault: z.boolean().optional(),
});
export type SenderInput = z.infer<typeof SenderInput>;
export const SenderPatch = SenderInput.partial();
export type SenderPatch = z.infer<typeof SenderPatch>;

export const QueueCounts = z.object({
  /** Waiting for a send slot now. */
  queued: z.number().int(),
  /** Waiting on purpose until later: quiet hours or a retry backoff. */
  held: z.number().int(),
  sending: z.number().int(),
  sentLastMinute: z.number().int(),
  segmentsLastMinute: z.number().int(),
  failedLastHour: z.number().int(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const QueueSenderRow = QueueCounts.extend({
  /** null: messages with no sender (email, or texts not yet assigned one). */
  senderId: z.uuid().nullable(),
  label: z.string().nullable(),
  phone: z.string().nullable(),
  segmentsPerSecond: z.number().nullable(),
});
export type QueueSenderRow = z.infer<typeof QueueSenderRow>;

export const QueueView = z.object({
  senders: z.array(QueueSenderRow),
  totals: QueueCounts,
  oldestQueuedAt: z.string().nullable(),
  oldestQueuedAgeSeconds: z.number().int().nullable(),
  generatedAt: z.string(),
});
export type QueueView = z.infer<typeof QueueView>;

export const HistoryQuery = z.object({
  /** Items strictly older than this moment (the `at` of the last item of the previous page). */
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryItem = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  channel: z.enum(['sms', 'email', 'voice']),
  /** The text of an SMS, the subject of an email; null for calls. */
  body: z.string().nullable(),
  status: z.string(),
  statusReason: z.string().nullable(),
  errorCode: z.number().int().nullable(),
  at: z.string(),
  segments: z.number().int().nullable(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;
export const HistoryPage = z.object({ items: z.array(HistoryItem), nextBefore: z.string().nullable() });
export type HistoryPage = z.infer<typeof HistoryPage>;

export const EstimateInput = z.object({
  body: z.string().max(1600),
  recipients: z.number().int().min(1).max(10_000_000).optional(),
});
export type EstimateInput = z.infer<typeof EstimateInput>;

export const Estimate = z.object({
  encoding: z.enum(['GSM-7', 'UCS-2']),
  segments: z.number().int(),
  characters: z.number().int(),
  charactersLeft: z.number().int(),
  nonGsmCharacters: z.array(z.string()),
  recipients: z.number().int(),
  currency: z.literal('USD'),
  pricePerSegment: z.number(),
  costPerMessage: z.number(),
  costTotal: z.number(),
  pricesCheckedOn: z.string(),
  /** Carrier pass-through fees are charged on top and vary by carrier; the estimate leaves them out. */
  carrierFeesIncluded: z.literal(false),
});
export type Estimate = z.infer<typeof Estimate>;
