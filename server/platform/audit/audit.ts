import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { auditChainHeads, auditLog } from './audit.table.ts';
import { auditHash } from './audit-hash.ts';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  /** Never personal data in clear: ids, field names, counts. */
  details?: Record<string, unknown>;
  /** Defaults to the actor's current org; null for events that belong to no org. */
  orgId?: string | null;
}

/**
 * Append one audit row in the caller's transaction, so the row and the change it records
 * commit or roll back together (fail-closed: if the audit insert fails, so does the change).
 * The chain head row is locked FOR UPDATE, which orders appends within one chain.
 */
export async function audit(ctx: Pick<Ctx, 'db' | 'actor' | 'ip' | 'requestId'>, entry: AuditEntry): Promise<void> {
  const orgId = entry.orgId === undefined ? (ctx.actor?.orgId ?? null) : entry.orgId;
  await appendAudit(ctx.db, {
    orgId,
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor?.label ?? 'anonymous',
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  });
}

export async function appendAudit(
  db: DbOrTx,
  row: {
    orgId: string | null;
    actorUserId: string | null;
    actorLabel: string;
    action: string;
    entityType: string | null;
    entityId: string | null;
    details: Record<string, unknown>;
    ip: string | null;
    requestId: string | null;
  },
) {
  const chain = row.orgId ?? 'network';
  await db.insert(auditChainHeads).values({ chain, seq: 0, hash: 'genesis' }).onConflictDoNothing();
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain)).for('update');
  const seq = head.seq + 1;
  const createdAt = new Date();
  const fields = { ...row, chain, seq, createdAt };
  const hash = auditHash(head.hash, fields);
  await db.insert(auditLog).values({ ...fields, prevHash: head.hash, hash });
  await db.update(auditChainHeads).set({ seq, hash }).where(eq(auditChainHeads.chain, chain));
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  rows: number;
  problems: string[];
}

/** Recompute every chain; report edited rows, gaps (deleted rows) and a missing tail. Runs as the operator, outside RLS. */
export async function verifyAuditChains(db: DbOrTx): Promise<VerifyResult> {
  const heads = await db.select().from(auditChainHeads);
  const problems: string[] = [];
  let rows = 0;
  for (const head of heads) {
    let prev = 'genesis';
    let expectSeq = 1;
    const entries = await db.select().from(auditLog).where(eq(auditLog.chain, head.chain)).orderBy(auditLog.seq);
    for (const e of entries) {
      rows++;
      if (e.seq !== expectSeq) problems.push(`chain ${head.chain}: row(s) ${expectSeq}..${e.seq - 1} missing`);
      if (e.prevHash !== prev) problems.push(`chain ${head.chain} seq ${e.seq}: previous hash does not match (a row before it was changed or removed)`);
      const recomputed = auditHash(e.prevHash, e);
      if (recomputed !== e.hash) problems.push(`chain ${head.chain} seq ${e.seq}: contents changed since written`);
      prev = e.hash;
      expectSeq = e.seq + 1;
    }
    if (head.seq !== expectSeq - 1 || head.hash !== prev) {
      problems.push(`chain ${head.chain}: head says seq ${head.seq} but the log ends at ${expectSeq - 1} (rows removed from the end)`);
    }
  }
  const orphan = await db.execute(sql`select distinct chain from audit_log where chain not in (select chain from audit_chain_heads)`);
  for (const r of orphan.rows as { chain: string }[]) problems.push(`chain ${r.chain}: has no head`);
  return { ok: problems.length === 0, chains: heads.length, rows, problems };
}
