import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ALERT_KINDS, ALERT_STATUSES, ALERT_TOPICS, type Audience, DELIVERY_STATES, TRANSLATION_STATUSES } from '../../../contracts/alerts.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { people } from '../people/people.table.ts';

const LANGS = ['ko', 'en', 'es'] as const;

/** A broadcast: written by the org it belongs to (an affiliate, or the network office for network-wide alerts). */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    kind: text('kind', { enum: ALERT_KINDS }).notNull().default('alert'),
    /** The alert a correction or retraction follows: it goes to exactly the people who got this one. */
    parentId: uuid('parent_id'),
    title: text('title').notNull(),
    topic: text('topic', { enum: ALERT_TOPICS }).notNull(),
    sourceLang: text('source_lang', { enum: LANGS }).notNull(),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('draft'),
    /** May pass quiet hours, only to recipients who opted in to emergency alerts (the send worker checks). */
    emergency: boolean('emergency').notNull().default(false),
    audience: jsonb('audience').$type<Audience>().notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** Recipients written at fan-out (deliveries, per person, channel and language). */
    recipients: integer('recipients'),
    requestId: text('request_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Everyone who wrote its text or audience: none of them may be the second person of the two-person rule. */
    editors: uuid('editors').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // the alerts list: newest first per org
    index('alerts_org_created_idx').on(t.orgId, t.createdAt),
    // a double-clicked "create" makes one alert
    uniqueIndex('alerts_request_uq').on(t.orgId, t.requestId),
    // the scheduler's look-up of due alerts
    index('alerts_scheduled_idx').on(t.scheduledAt).where(sql`status = 'scheduled'`),
    index('alerts_parent_idx').on(t.parentId),
  ],
);

/** One language of an alert: the SMS text, the email's subject and body, and its review. */
export const alertVersions = pgTable(
  'alert_versions',
  {
    alertId: uuid('alert_id').notNull().references(() => alerts.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    lang: text('lang', { enum: LANGS }).notNull(),
    smsBody: text('sms_body').notNull().default(''),
    emailSubject: text('email_subject').notNull().default(''),
    emailBody: text('email_body').notNull().default(''),
    status: text('status', { enum: TRANSLATION_STATUSES }).notNull().default('draft'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.lang] })],
);

/**
 * Who gets an alert: one row per person, channel and language, written by one INSERT … SELECT
 * at fan-out and handed to the messaging outbox in paced chunks (state pending → queued, with
 * the outbox row's id). org_id is the recipient's affiliate (its sender texts them, its wall
 * holds the row); alert_org_id lets the alert's own org read progress. No addresses here:
 * the hand-over reads them from people.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    // No foreign keys: checking the alert, a person and two orgs for each of a million rows more than doubled the fan-out's
    // time (bench/alerts). Alerts are never deleted; a delivery holds no personal data, and the hand-over joins people.
    alertId: uuid('alert_id').notNull(),
    /**
     * 1, 2, 3 … within the alert, numbered by the fan-out: the key grows at its right edge while a million rows are
     * written (a key on random person ids cost a third of the fan-out). (person, channel, language) is unique by
     * construction: one row per person from people, per channel, per distinct language.
     */
    seq: integer('seq').notNull(),
    personId: uuid('person_id').notNull(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    lang: text('lang', { enum: LANGS }).notNull(),
    orgId: uuid('org_id').notNull(),
    alertOrgId: uuid('alert_org_id').notNull(),
    /** The recipient's state at fan-out, for progress by state. */
    placeState: text('place_state'),
    state: text('state', { enum: DELIVERY_STATES }).notNull().default('pending'),
    outboundId: uuid('outbound_id'),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.seq] }),
    // No index for the hand-over: it walks the primary key from a cursor (hand-over.ts). Each index here is paid per row at fan-out.
    // a pause takes back the rows still in the outbox; only handed-over rows have one
    index('alert_deliveries_outbound_idx').on(t.outboundId).where(sql`outbound_id is not null`),
  ],
);

/**
 * A member's alert preferences beside the consent ledger (which says whether we may write at all):
 * the topics they chose, tags staff gave them, the county of their ZIP.
 */
export const alertSubscribers = pgTable(
  'alert_subscribers',
  {
    personId: uuid('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    county: text('county'),
    source: text('source', { enum: ['signup', 'import', 'staff', 'keyword'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alert_subscribers_org_idx').on(t.orgId),
    // audience filters: topics && $topics, tags && $tags
    index('alert_subscribers_topics_idx').using('gin', t.topics),
    index('alert_subscribers_tags_idx').using('gin', t.tags),
  ],
);

/**
 * A sign-up waiting for its double opt-in (reply YES, or the email link). Holds what the
 * consent ledger must record when it is confirmed: the text shown, its language, the time, the source.
 */
export const alertSignups = pgTable(
  'alert_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    address: text('address').notNull(),
    lang: text('lang', { enum: LANGS }).notNull(),
    textShown: text('text_shown').notNull(),
    source: text('source').notNull(),
    /** sha256 of the email link's token (sms confirms by the YES reply from the address). */
    tokenHash: text('token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('alert_signups_address_idx').on(t.address, t.channel),
    uniqueIndex('alert_signups_token_uq').on(t.tokenHash),
  ],
);

/** A subscriber CSV between preview and confirmation: nothing reaches people until the user confirms. */
export const alertImports = pgTable('alert_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  attestation: text('attestation').notNull(),
  encoding: text('encoding').notNull(),
  /** The valid rows, sealed with the org's key (phones and emails). */
  rowsEnc: text('rows_enc').notNull(),
  rowCount: integer('row_count').notNull(),
  status: text('status', { enum: ['previewed', 'confirmed', 'discarded'] }).notNull().default('previewed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
});

/** Short links served by Haven (/l/CODE), one per alert, language and URL, with its click count. */
export const alertLinks = pgTable(
  'alert_links',
  {
    code: text('code').primaryKey(),
    alertId: uuid('alert_id').notNull().references(() => alerts.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    lang: text('lang', { enum: LANGS }).notNull(),
    url: text('url').notNull(),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [uniqueIndex('alert_links_alert_lang_url_uq').on(t.alertId, t.lang, t.url)],
);

/** Per org: when an author may not approve their own alert. */
export const alertSettings = pgTable('alert_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  /** An alert to more recipients than this needs a second person's approval (network-wide ones always do). */
  twoPersonThreshold: integer('two_person_threshold').notNull().default(500),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
