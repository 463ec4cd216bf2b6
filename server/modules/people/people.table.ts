import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../organizations/organizations.table.ts';

/** Community members. Tenant data: org_id on every row and RLS on the table. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull().default(''),
    /** Name in Hangul as the person writes it, e.g. 김민준. */
    nameKo: text('name_ko'),
    /** Other names the person goes by (an English given name, a maiden name). */
    otherNames: text('other_names'),
    /** Space-separated search keys built from every name field (see name-keys.ts). */
    searchKeys: text('search_keys').notNull().default(''),
    /** Coarse name keys for the legal network's conflict check (legal-network/conflict-match.ts conflictSearchKeys): an array overlap finds candidates by index. */
    conflictKeys: text('conflict_keys').array().notNull().default(sql`'{}'::text[]`),
    phoneE164: text('phone_e164'),
    email: text('email'),
    preferredLanguage: text('preferred_language', { enum: ['ko', 'en', 'es'] }).notNull(),
    zip: text('zip'),
    state: text('state'),
    /** Encrypted (AES-256-GCM, org data key): date of birth, immigration status, A-number. */
    dateOfBirthEnc: text('date_of_birth_enc'),
    immigrationStatusEnc: text('immigration_status_enc'),
    aNumberEnc: text('a_number_enc'),
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // name search in Hangul and romanizations: trigram index serves LIKE '% key%'
    index('people_search_keys_trgm').using('gin', sql`${t.searchKeys} gin_trgm_ops`),
    // inbound calls and texts find the person by number
    index('people_org_phone_idx').on(t.orgId, t.phoneE164),
    // list pages: newest first within an org
    index('people_org_created_idx').on(t.orgId, t.createdAt),
    // the conflict check: `conflict_keys && $keys` across the network
    index('people_conflict_keys_idx').using('gin', t.conflictKeys),
  ],
);

/**
 * The consent ledger: every change of consent, append-only (the app role has no UPDATE or
 * DELETE). The messaging issue fills it; the latest row per (person, channel, scope, topic) wins.
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: two events in the same instant (an opt-in and an opt-out one after the other) still have a latest. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    /** The person, when the address belongs to one we know; a stranger's STOP is recorded by address alone. */
    personId: uuid('person_id').references(() => people.id),
    /** E.164 phone or lower-case email: carriers honour opt-outs per number, so consent is checked by address. */
    address: text('address'),
    channel: text('channel', { enum: ['sms', 'email', 'voice'] }).notNull(),
    scope: text('scope', { enum: ['network', 'affiliate'] }).notNull(),
    topic: text('topic').notNull().default('all'),
    status: text('status', { enum: ['opted_in', 'opted_out'] }).notNull(),
    evidenceKind: text('evidence_kind', { enum: ['keyword', 'form', 'import', 'staff', 'provider', 'unsubscribe_link'] }).notNull(),
    evidence: jsonb('evidence').notNull().default({}),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consent_person_idx').on(t.personId, t.channel, t.scope, t.topic, t.createdAt),
    // every send checks the address's latest consent. Migration 0027 redefines it as (address, channel, created_at, seq)
    // INCLUDE (topic, scope, org_id, status), which Drizzle cannot express: an alert's fan-out checks a million addresses,
    // and with the columns it reads in the index, in (time, seq) order, it never reads the table (bench/alerts).
    index('consent_address_idx').on(t.address, t.channel, t.createdAt),
  ],
);
