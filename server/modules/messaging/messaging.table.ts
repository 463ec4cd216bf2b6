import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../organizations/organizations.table.ts';
import { people } from '../people/people.table.ts';

/**
 * Provider settings per org: which SMS/voice provider its numbers use and, for Twilio, the
 * account credentials (auth token encrypted with the org's data key). No row = simulator.
 */
export const messagingAccounts = pgTable('messaging_accounts', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  provider: text('provider', { enum: ['simulator', 'twilio'] }).notNull().default('simulator'),
  accountSid: text('account_sid'),
  authTokenEnc: text('auth_token_enc'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * A sender: one of an org's phone numbers or Messaging Services. Pacing is per sender and
 * per segment (carriers meter segments); `pacing_next_at` is the next free send slot,
 * reserved atomically by whichever worker sends next (see pacing.ts).
 */
export const messagingSenders = pgTable(
  'messaging_senders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    phoneE164: text('phone_e164'),
    messagingServiceSid: text('messaging_service_sid'),
    /** Segments per second this sender may use; null sends as fast as the provider accepts. */
    segmentsPerSecond: real('segments_per_second'),
    /** The org's sender for replies and alerts when none is named. */
    isDefault: boolean('is_default').notNull().default(false),
    pacingNextAt: timestamp('pacing_next_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // an inbound webhook finds the org by the number it was sent to: one owner per number
    uniqueIndex('messaging_senders_phone_uq').on(t.phoneE164),
    uniqueIndex('messaging_senders_service_uq').on(t.messagingServiceSid),
    index('messaging_senders_org_idx').on(t.orgId),
  ],
);

export const OUTBOUND_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'canceled'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

/**
 * The outbox: every message Haven sends, by SMS or email, from queued to a final state.
 * Written in the same transaction as the job that sends it (pg-boss), so neither exists
 * without the other.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    /** E.164 phone for sms, lower-case address for email. */
    toAddress: text('to_address').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    senderId: uuid('sender_id').references(() => messagingSenders.id, { onDelete: 'set null' }),
    lang: text('lang', { enum: ['ko', 'en', 'es'] }).notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    html: text('html'),
    /** Carrier segments (sms), counted once at enqueue; pacing and cost use it. */
    segments: integer('segments').notNull().default(1),
    /**
     * reply: answers someone who wrote to us; consent_reply: STOP/START/HELP confirmation; broadcast: needs an opt-in on record;
     * staff_alert: to a staff member's own phone (an unanswered hotline emergency), never held by quiet hours.
     * A TypeScript-only list: the column is plain text, so a new kind needs no migration.
     */
    kind: text('kind', { enum: ['reply', 'consent_reply', 'notification', 'broadcast', 'staff_alert'] }).notNull(),
    topic: text('topic').notNull().default('all'),
    /** high: hotline and consent replies, sent ahead of any bulk send. */
    priority: text('priority', { enum: ['high', 'bulk'] }).notNull().default('bulk'),
    /** May pass quiet hours, but only to recipients who opted in to emergency alerts. */
    emergency: boolean('emergency').notNull().default(false),
    status: text('status', { enum: OUTBOUND_STATUSES }).notNull().default('queued'),
    /** Why it ended where it did: opted_out, bad_address, quiet_hours (while held), provider code meaning… */
    statusReason: text('status_reason'),
    errorCode: integer('error_code'),
    providerId: text('provider_id'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time (quiet hours, retry backoff). */
    notBefore: timestamp('not_before', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    finalAt: timestamp('final_at', { withTimezone: true }),
    /** Natural key from the caller (e.g. "reply:<inbound id>", "alert:<id>:<person>"): a retry enqueues nothing twice. */
    dedupeKey: text('dedupe_key'),
    /** The hotline conversation it belongs to (foreign key in migration 0008: the hotline module builds on messaging, not the reverse). */
    conversationId: uuid('conversation_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // status callbacks find the message by the provider's id
    uniqueIndex('outbound_provider_id_uq').on(t.providerId),
    uniqueIndex('outbound_dedupe_uq').on(t.orgId, t.dedupeKey),
    // a person's history
    index('outbound_person_idx').on(t.personId, t.createdAt),
    // an opt-out cancels the address's queued messages; history by number
    index('outbound_address_idx').on(t.toAddress, t.status),
    // queue view: open messages per sender
    index('outbound_open_idx').on(t.senderId, t.status).where(sql`status in ('queued','sending')`),
    // queue view per org: open ones, the last minute's sends, the last hour's failures (one index per OR branch)
    index('outbound_org_open_idx').on(t.orgId, t.status).where(sql`status in ('queued','sending')`),
    index('outbound_org_sent_idx').on(t.orgId, t.sentAt),
    index('outbound_conversation_idx').on(t.conversationId, t.createdAt),
    index('outbound_org_failed_idx').on(t.orgId, t.finalAt).where(sql`status in ('failed','undelivered')`),
  ],
);

/** Every text that reached one of our numbers, once per provider id. */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    channel: text('channel', { enum: ['sms'] }).notNull().default('sms'),
    providerId: text('provider_id').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    senderId: uuid('sender_id').references(() => messagingSenders.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    segments: integer('segments').notNull().default(1),
    /** opt_out / opt_in / help when the whole message was a keyword. */
    keyword: text('keyword', { enum: ['opt_out', 'opt_in', 'help'] }),
    /** The language the message is in, when we can tell (a keyword's; else the person's). */
    lang: text('lang', { enum: ['ko', 'en', 'es'] }),
    /** Where the carrier says the sender's number is (Twilio's FromState/FromZip): quiet hours for someone we have no address for. */
    fromState: text('from_state'),
    fromZip: text('from_zip'),
    /** The hotline conversation it opened or joined (foreign key in migration 0008). */
    conversationId: uuid('conversation_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a provider retry of the same webhook creates nothing twice
    uniqueIndex('inbound_provider_id_uq').on(t.providerId),
    index('inbound_person_idx').on(t.personId, t.receivedAt),
    index('inbound_from_idx').on(t.orgId, t.fromAddress, t.receivedAt),
    // org_id in the middle: row-level security adds "org_id = current org" to every read; in the index it is a key, not a
    // second index to combine. Without it, before the first ANALYZE of a surge, plans joined in the whole org's texts per row.
    index('inbound_conversation_idx').on(t.conversationId, t.orgId, t.receivedAt),
  ],
);

/** Voice calls in and out, once per provider id; the hotline adds its own state on top. */
export const voiceCalls = pgTable(
  'voice_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    providerId: text('provider_id').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    senderId: uuid('sender_id').references(() => messagingSenders.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    lang: text('lang', { enum: ['ko', 'en', 'es'] }),
    recordingUrl: text('recording_url'),
    /** The hotline conversation it opened or joined (foreign key in migration 0008). */
    conversationId: uuid('conversation_id'),
    /** The responder who pressed 1 and took the call (a call nobody took is missed, or ended in voicemail). */
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voice_calls_provider_id_uq').on(t.providerId),
    index('voice_calls_person_idx').on(t.personId, t.createdAt),
    index('voice_calls_conversation_idx').on(t.conversationId, t.createdAt),
  ],
);

/** Addresses a provider called invalid or unreachable for good (21211, 30006…): no more sends to them. */
export const badAddresses = pgTable(
  'bad_addresses',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    address: text('address').notNull(),
    errorCode: integer('error_code'),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.channel, t.address] })],
);
