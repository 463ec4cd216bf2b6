import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PROVIDER_KINDS } from '../../../contracts/legal-network.ts';
import { cases } from '../cases/cases.table.ts';
import { organizations, users } from '../organizations/organizations.table.ts';

/**
 * The network's directory of attorneys, accredited representatives and other professionals.
 * Kept by one affiliate (or the national office) and read by all: row-level security lets
 * every org read and only the keeper write (migration 0016).
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    kind: text('kind', { enum: PROVIDER_KINDS }).notNull(),
    name: text('name').notNull(),
    organizationName: text('organization_name'),
    languages: text('languages').array().notNull(),
    practiceAreas: text('practice_areas').array().notNull(),
    states: text('states').array().notNull(),
    courts: text('courts').array().notNull().default(sql`'{}'::text[]`),
    fundingRestrictions: text('funding_restrictions').array().notNull().default(sql`'{}'::text[]`),
    proBonoPerMonth: integer('pro_bono_per_month').notNull().default(0),
    email: text('email'),
    phone: text('phone'),
    contactPreference: text('contact_preference', { enum: ['email', 'phone', 'portal'] }).notNull().default('email'),
    website: text('website'),
    active: boolean('active').notNull().default(true),
    /** The language Haven writes to the provider in. */
    lang: text('lang', { enum: ['ko', 'en', 'es'] }).notNull().default('en'),
    /** The provider's own sign-in for the attorney portal: no membership in any affiliate, only their referrals. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('providers_user_uq').on(t.userId),
    // suggestions filter by practice area and state first
    index('providers_areas_idx').using('gin', t.practiceAreas),
    index('providers_states_idx').using('gin', t.states),
  ],
);

export const REFERRAL_STATUSES = ['sent', 'conflict_cleared', 'accepted', 'declined', 'consultation_scheduled', 'completed', 'withdrawn'] as const;

/**
 * A case handed to a provider. The provider first sees only the parties' names, confirms
 * there is no conflict, then sees the details; accepts or declines with a reason; schedules
 * the consultation; records the outcome. Each step is timed for the reports.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id').notNull().references(() => providers.id),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('sent'),
    /** What the affiliate tells the provider about the matter: short, no identifiers. */
    summary: text('summary'),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    conflictClearedAt: timestamp('conflict_cleared_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    consultationAt: timestamp('consultation_at', { withTimezone: true }),
    outcome: text('outcome'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Detention: a consultation must happen by then, or the coordinator is alerted. */
    consultBy: timestamp('consult_by', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // a case is referred to a provider once at a time
    uniqueIndex('referrals_live_uq').on(t.caseId, t.providerId).where(sql`status not in ('declined', 'withdrawn', 'completed')`),
    index('referrals_provider_idx').on(t.providerId, t.status),
    index('referrals_case_idx').on(t.caseId),
    // the 48-hour watch
    index('referrals_consult_by_idx').on(t.consultBy).where(sql`consult_by is not null and escalated_at is null and consultation_at is null`),
  ],
);
