import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Data keys, one scope per org (its uuid) plus "system" for secrets that belong to no
 * org (staff TOTP secrets). Each key is stored only wrapped by the master key.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    scope: text('scope').notNull(),
    version: integer('version').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.version] })],
);
