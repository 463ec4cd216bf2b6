import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The simulator's side of the wire, in the database so that the web process (the
 * /simulator page) and the worker (which sends) see the same phone. Not tenant data: the
 * simulator is one pretend carrier for the whole deployment.
 */
export const simulatedSms = pgTable(
  'simulated_sms',
  {
    providerId: text('provider_id').primaryKey(),
    /** outbound: Haven sent it to the member's phone; inbound: the member's phone sent it to Haven. */
    direction: text('direction', { enum: ['outbound', 'inbound'] }).notNull(),
    from: text('from_address').notNull(),
    messagingServiceSid: text('messaging_service_sid'),
    to: text('to_address').notNull(),
    body: text('body').notNull(),
    statusCallback: text('status_callback'),
    status: text('status').notNull(),
    errorCode: integer('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('simulated_sms_to_idx').on(t.to, t.createdAt), index('simulated_sms_from_idx').on(t.from, t.createdAt)],
);

export const simulatedCalls = pgTable('simulated_calls', {
  providerId: text('provider_id').primaryKey(),
  direction: text('direction', { enum: ['outbound', 'inbound'] }).notNull(),
  from: text('from_address').notNull(),
  to: text('to_address').notNull(),
  /** The TwiML URL the call follows next. */
  url: text('url').notNull(),
  statusCallback: text('status_callback'),
  status: text('status').notNull(),
  /** A call a Dial placed (to a responder's phone): the caller's call it belongs to. */
  parentSid: text('parent_sid'),
  /** What the caller heard and did, step by step (Say, Play, Gather prompt, digits pressed…). */
  transcript: jsonb('transcript').notNull().default([]),
  /** The verb waiting for the caller (a Gather or Record), with its action URL; null when none. */
  waiting: jsonb('waiting'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const simulatorFailures = pgTable('simulator_failures', {
  phone: text('phone').primaryKey(),
  errorCode: integer('error_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
