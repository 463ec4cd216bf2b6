import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../organizations/organizations.table.ts';

/** Per-affiliate case behaviour; no row means the defaults below. Tenant data: RLS like the case tables. */
export const caseSettings = pgTable('case_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  /**
   * Closed cases are redacted this many days after closing (DESIGN §3 rule 5). A year by
   * default because a DACA renewal comes round every two years and its clinic season lasts
   * months: a person who closed a renewal case often comes back within the year (a request
   * for evidence, the next cycle's screening), and the notes of last time still help; past
   * a year they mostly just sit there holding someone's story.
   */
  closedCaseRetentionDays: integer('closed_case_retention_days').notNull().default(365),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
