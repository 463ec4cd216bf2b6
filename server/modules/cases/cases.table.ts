import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CASE_TYPES } from '../../../contracts/cases.ts';
import { conversations } from '../hotline/hotline.table.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { people } from '../people/people.table.ts';

export const CASE_STATUSES = ['open', 'screening', 'in_progress', 'referred', 'filed', 'closed'] as const;
export const NOTE_KINDS = ['information', 'legal_advice'] as const;

/** A person's matter with the affiliate: opened from a hotline conversation or directly. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    type: text('type', { enum: CASE_TYPES }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('open'),
    lang: text('lang', { enum: ['ko', 'en', 'es'] }).notNull(),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    disposition: text('disposition'),
    /** Set at closing from the org's retention period; the purge job redacts the case on this day. */
    destroyOn: date('destroy_on'),
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // the case list: an affiliate's open cases, newest first
    index('cases_org_status_idx').on(t.orgId, t.status, t.openedAt),
    index('cases_person_idx').on(t.personId),
    // one click, or two: a conversation opens one live case of a type, not two
    uniqueIndex('cases_conversation_type_live_uq').on(t.conversationId, t.type).where(sql`status <> 'closed'`),
    // the retention job's daily look-up
    index('cases_destroy_idx').on(t.destroyOn).where(sql`redacted_at is null`),
  ],
);

/** The case's timeline: everything that happened, who did it, ids and codes only (no notes' text). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.createdAt),
    // clinic day (who checked in today) and the reports (events of a kind in a period), per affiliate
    index('case_events_org_kind_idx').on(t.orgId, t.kind, t.createdAt),
  ],
);

/** Notes are encrypted (DESIGN §3 rule 3); legal advice only from attorneys and accredited representatives. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTE_KINDS }).notNull(),
    bodyEnc: text('body_enc').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_tasks_case_idx').on(t.caseId),
    // "what is due": open tasks of an affiliate by due date
    index('case_tasks_due_idx').on(t.orgId, t.dueOn).where(sql`done_at is null`),
  ],
);

/**
 * A person's DACA: the work permit's expiry is kept in the clear (it is what the renewal
 * list is sorted and filtered by, and on its own reveals less than the case); screening
 * answers with identifiers live encrypted elsewhere.
 */
export const dacaRecords = pgTable(
  'daca_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    expiresOn: date('expires_on').notNull(),
    lastApprovedOn: date('last_approved_on'),
    filedOn: date('filed_on'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('daca_records_person_uq').on(t.orgId, t.personId),
    // the upcoming-renewals list of one affiliate
    index('daca_records_expiry_idx').on(t.orgId, t.expiresOn),
  ],
);

/** The 180/150/120-day reminders of one expiry; a new expiry cancels the old ones and schedules its own. */
export const dacaReminders = pgTable(
  'daca_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    dacaRecordId: uuid('daca_record_id').notNull().references(() => dacaRecords.id, { onDelete: 'cascade' }),
    expiresOn: date('expires_on').notNull(),
    daysBefore: integer('days_before').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['scheduled', 'sent', 'skipped_no_consent', 'cancelled'] }).notNull().default('scheduled'),
    messageId: uuid('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('daca_reminders_uq').on(t.dacaRecordId, t.expiresOn, t.daysBefore),
    // the daily sender's look-up
    index('daca_reminders_due_idx').on(t.dueOn).where(sql`status = 'scheduled'`),
  ],
);

/**
 * Dated, editable reference data of the whole network (DACA timing and fees, …): facts that
 * change by rule or fee schedule, kept as data with the day someone last checked them.
 */
export const referenceData = pgTable('reference_data', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  checkedOn: date('checked_on').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Screening forms: per affiliate, per case type, versioned data (fields with ko/en/es
 * labels). A case's screening names the version it was answered on, so a later edit of the
 * form never changes what an earlier answer meant.
 */
export const screeningForms = pgTable(
  'screening_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseType: text('case_type', { enum: CASE_TYPES }).notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('screening_forms_version_uq').on(t.orgId, t.caseType, t.version)],
);

/** A case's screening answers, sealed (they hold A-numbers, dates of birth, history flags); derived facts that are not sensitive beside them. */
export const caseScreenings = pgTable(
  'case_screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    formVersion: integer('form_version').notNull(),
    answersEnc: text('answers_enc').notNull(),
    /** e.g. { earliestFilingOn, likelyCovered }: what the rules concluded, no identifiers. */
    findings: jsonb('findings').$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_screenings_case_uq').on(t.caseId)],
);

/**
 * Documents attached to a case (a copy of an EAD, a notice). The file and its name are sealed with the affiliate's key
 * (DESIGN §3 rule 3): a dump shows neither. The type is the one read from the file's bytes, not the one the browser claimed.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    fileNameEnc: text('file_name_enc').notNull(),
    /** Detected from the content (magic bytes), e.g. application/pdf, image/jpeg. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    contentEnc: text('content_enc').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.createdAt)],
);
