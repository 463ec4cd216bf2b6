import type { PersonInput } from '../../../contracts/people.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { peopleRepo } from './people.repository.ts';
import { changedFields, toColumns } from './person-fields.ts';
import { toPerson } from './person-view.ts';

export async function createPerson({ ctx, input }: { ctx: Ctx; input: PersonInput }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const cols = await toColumns(tx, orgId, input);
    const row = await peopleRepo.insert(tx.db, {
      ...cols,
      givenName: input.givenName,
      preferredLanguage: input.preferredLanguage,
      orgId,
      createdBy: ctx.actor?.userId ?? null,
    });
    await audit(tx, { action: 'person.create', entityType: 'person', entityId: row.id, details: { fields: changedFields(input) } });
    return toPerson(tx, row);
  });
}
