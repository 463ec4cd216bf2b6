import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained. One chain per org (chain = org id, or "network" for events
 * that belong to no org), so affiliates never wait on each other's audit writes.
 * The app role may only INSERT and SELECT (see the grants migration).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    details: jsonb('details').notNull().default({}),
    ip: text('ip'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_chain_seq_uq').on(t.chain, t.seq),
    // the viewer lists one org newest-first and filters by entity
    index('audit_org_id_idx').on(t.orgId, t.id),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

/** The head of each chain: lets `audit verify` notice a deleted tail, and serializes appends per chain. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
