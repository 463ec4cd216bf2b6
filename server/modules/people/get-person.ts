import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { notFound } from '../../platform/errors.ts';
import { peopleRepo } from './people.repository.ts';
import { canReadSensitive, toPerson } from './person-view.ts';

/** A person's record is sensitive: every read is audited, noting whether protected fields were shown. */
export async function getPerson({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await peopleRepo.find(tx.db, orgId, input.id);
    if (!row) throw notFound('person');
    await audit(tx, { action: 'person.read', entityType: 'person', entityId: row.id, details: { sensitive: canReadSensitive(ctx) } });
    return toPerson(tx, row);
  });
}

export async function listConsents({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    if (!(await peopleRepo.find(tx.db, orgId, input.id))) throw notFound('person');
    const rows = await peopleRepo.consents(tx.db, orgId, input.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        scope: r.scope,
        topic: r.topic,
        status: r.status,
        evidenceKind: r.evidenceKind,
        evidence: r.evidence as Record<string, unknown>,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  });
}
