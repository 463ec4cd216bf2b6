import type { PersonPatch } from '../../../contracts/people.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { peopleRepo } from './people.repository.ts';
import { changedFields, toColumns } from './person-fields.ts';
import { toPerson } from './person-view.ts';

export async function updatePerson({ ctx, input }: { ctx: Ctx; input: PersonPatch & { id: string } }) {
  const orgId = requireOrg(ctx);
  const { id, version, ...fields } = input;
  return inTx(ctx, async (tx) => {
    const current = await peopleRepo.find(tx.db, orgId, id);
    if (!current) throw notFound('person');
    if (current.mergedIntoId) throw new AppError('person_merged', 409);
    const cols = await toColumns(tx, orgId, fields, current);
    const row = await peopleRepo.update(tx.db, orgId, id, version, cols);
    if (!row) throw conflict();
    await audit(tx, { action: 'person.update', entityType: 'person', entityId: id, details: { fields: changedFields(fields) } });
    return toPerson(tx, row);
  });
}
