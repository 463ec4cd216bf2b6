import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What the email simulator "sent": the embedded default's outbox, viewable in Haven. */
export const simulatedEmails = pgTable('simulated_emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  headers: jsonb('headers').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
