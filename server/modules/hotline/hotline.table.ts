import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../organizations/organizations.table.ts';
import { people } from '../people/people.table.ts';

export const HOTLINE_LANGS = ['ko', 'en', 'es'] as const;
export const CONVERSATION_CHANNELS = ['sms', 'voice', 'web'] as const;
export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export const CATEGORIES = ['daca_renewal', 'daca_first', 'naturalization', 'tps', 'enforcement', 'adoptee_citizenship', 'public_benefits', 'other'] as const;
export const DISPOSITIONS = ['answered', 'referred', 'case_opened', 'no_response', 'wrong_number', 'spam', 'duplicate', 'other'] as const;
export const SHIFT_ROLES = ['primary', 'backup', 'coordinator'] as const;

/** Per-affiliate hotline behaviour; no row means the defaults below. */
export const hotlineSettings = pgTable('hotline_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  /** How long each tier of responders' phones ring before the call moves on (backup, coordinator, voicemail). */
  ringSeconds: integer('ring_seconds').notNull().default(20),
  /** An emergency conversation unanswered this long texts the on-call coordinator. */
  emergencyAlertSeconds: integer('emergency_alert_seconds').notNull().default(120),
  /** Surge mode: callers hear the know-your-rights message and are offered a callback; texters get the expected wait. */
  surge: boolean('surge').notNull().default(false),
  surgeSince: timestamp('surge_since', { withTimezone: true }),
  /** Closed conversations are purged this many days after closing (DESIGN §3 rule 5: retention is code). */
  retentionDays: integer('retention_days').notNull().default(90),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A member who answers the hotline: the languages they take conversations in and the phone their calls ring. */
export const hotlineResponders = pgTable(
  'hotline_responders',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    languages: text('languages').array().notNull(),
    /** The responder's own phone (E.164): calls ring it from the hotline number, which is all either side sees. */
    phoneE164: text('phone_e164'),
    /** Open conversations routing gives them at most; a coordinator can still assign more. */
    maxOpen: integer('max_open').notNull().default(8),
    active: boolean('active').notNull().default(true),
    /** SHA-256 of the secret in their calendar feed URL; a new secret revokes the old URL. */
    icalTokenHash: text('ical_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), uniqueIndex('hotline_responders_ical_uq').on(t.icalTokenHash)],
);

/**
 * A recurring weekly shift in the affiliate's time zone: on `weekdays` (0 = Sunday) from
 * `start_time` to `end_time` ("HH:MM"; an end before the start runs past midnight), between
 * `starts_on` and `ends_on`.
 */
export const hotlineShifts = pgTable(
  'hotline_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SHIFT_ROLES }).notNull().default('primary'),
    weekdays: integer('weekdays').array().notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    timeZone: text('time_zone').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hotline_shifts_org_idx').on(t.orgId)],
);

/** A one-off change to the schedule: someone covers (`on`) or is away (`off`) for a stretch of time. */
export const hotlineShiftOverrides = pgTable(
  'hotline_shift_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['on', 'off'] }).notNull(),
    role: text('role', { enum: SHIFT_ROLES }).notNull().default('primary'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hotline_overrides_org_time_idx').on(t.orgId, t.startsAt)],
);

/**
 * One conversation per contact and affiliate while it is open: every text, call and web
 * request from that phone (or email) joins it; a new one starts after it is closed.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** E.164 phone, or a lower-case email for a web request without a phone. */
    contactAddress: text('contact_address').notNull(),
    /** How it started; later messages may come by another channel. */
    channel: text('channel', { enum: CONVERSATION_CHANNELS }).notNull(),
    /** The hotline number it came in on: replies go out from it, so the member sees one number. */
    senderId: uuid('sender_id'),
    lang: text('lang', { enum: HOTLINE_LANGS }).notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    urgency: text('urgency', { enum: URGENCIES }).notNull().default('routine'),
    category: text('category', { enum: CATEGORIES }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    firstInboundAt: timestamp('first_inbound_at', { withTimezone: true }).notNull().defaultNow(),
    /** The first reply by a person (not an automatic acknowledgement): first-response time runs to here. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the coordinator was texted about an unanswered emergency (once per conversation). */
    emergencyAlertedAt: timestamp('emergency_alerted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    disposition: text('disposition', { enum: DISPOSITIONS }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_open_contact_uq').on(t.orgId, t.contactAddress).where(sql`status = 'open'`),
    index('conversations_inbox_idx').on(t.orgId, t.status, t.lastActivityAt),
    index('conversations_assignee_idx').on(t.assignedTo).where(sql`status = 'open'`),
    index('conversations_person_idx').on(t.personId),
  ],
);

/** Internal notes on a conversation, encrypted with the org's data key: never shown to the member. */
export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    bodyEnc: text('body_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversation_notes_conv_idx').on(t.conversationId, t.createdAt)],
);

/** What happened to a conversation besides messages: assigned, triaged, transferred, escalated, closed… */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversation_events_conv_idx').on(t.conversationId, t.createdAt)],
);

/** Answers a responder can insert, written once per language; the conversation's language is inserted. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    category: text('category', { enum: CATEGORIES }),
    /** { ko, en, es }: every language required. */
    bodies: jsonb('bodies').$type<Record<(typeof HOTLINE_LANGS)[number], string>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('canned_responses_org_idx').on(t.orgId)],
);

/** Someone to call back (a voicemail, a surge-mode caller, a missed call), worked oldest first. */
export const callbackTasks = pgTable(
  'callback_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    phoneE164: text('phone_e164').notNull(),
    lang: text('lang', { enum: HOTLINE_LANGS }).notNull(),
    reason: text('reason', { enum: ['voicemail', 'surge', 'missed', 'web'] }).notNull(),
    recordingUrl: text('recording_url'),
    /** The call it came from: one task per call and reason, however often the webhook is retried. */
    callSid: text('call_sid'),
    /** The caller pressed 9 (someone detained, agents there now): worked first. */
    emergency: boolean('emergency').notNull().default(false),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('callback_tasks_open_idx').on(t.orgId, t.createdAt).where(sql`status = 'open'`),
    uniqueIndex('callback_tasks_call_uq').on(t.orgId, t.callSid, t.reason),
  ],
);

/**
 * Overflow between affiliates: affiliate A offers one conversation to affiliate B (say, a
 * Korean speaker is on call there and nobody is here). The conversation and its messages
 * stay A's — the member keeps texting A's number, A's consent ledger applies — and the B
 * responder who takes the offer works that one conversation as a guest of A, every read and
 * reply audited in A. Visible to both orgs (row-level security allows either side).
 */
export const conversationTransfers = pgTable(
  'conversation_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    toOrgId: uuid('to_org_id').notNull().references(() => organizations.id),
    status: text('status', { enum: ['offered', 'taken', 'returned', 'revoked'] }).notNull().default('offered'),
    /** Why, for the other side (no personal data: "Korean speaker needed"). */
    reason: text('reason'),
    offeredBy: uuid('offered_by').references(() => users.id, { onDelete: 'set null' }),
    takenBy: uuid('taken_by').references(() => users.id, { onDelete: 'set null' }),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one live offer per conversation
    uniqueIndex('conversation_transfers_live_uq').on(t.conversationId).where(sql`status in ('offered', 'taken')`),
    index('conversation_transfers_to_idx').on(t.toOrgId, t.status),
  ],
);
