import crypto from 'node:crypto';

/** JSON with object keys sorted at every depth: jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  chain: string;
  seq: number;
  orgId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: unknown;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
}

export function auditHash(prevHash: string, row: HashedFields): string {
  const body = canonicalJson({
    chain: row.chain,
    seq: row.seq,
    orgId: row.orgId,
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    details: row.details ?? {},
    ip: row.ip,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
