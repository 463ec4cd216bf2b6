import type { MergeInput } from '../../../contracts/people.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { nameKeyColumns, type PersonRow, peopleRepo } from './people.repository.ts';
import { toPerson } from './person-view.ts';

const FILLABLE = ['nameKo', 'phoneE164', 'email', 'zip', 'state', 'dateOfBirthEnc', 'immigrationStatusEnc', 'aNumberEnc'] as const;

/**
 * Merge a duplicate into the record that survives: empty fields are filled from the
 * duplicate (never overwritten), other names are combined, the consent history is carried
 * over, and the duplicate is kept but marked merged (so links to it still resolve).
 */
export async function mergePeople({ ctx, input }: { ctx: Ctx; input: MergeInput & { id: string } }) {
  const orgId = requireOrg(ctx);
  if (input.id === input.duplicateId) throw invalid('merge_same_person', 'duplicateId');
  return inTx(ctx, async (tx) => {
    const keep = await peopleRepo.find(tx.db, orgId, input.id);
    const dup = await peopleRepo.find(tx.db, orgId, input.duplicateId);
    if (!keep) throw notFound('person');
    if (!dup) throw new AppError('not_found', 404, { entity: 'person' }, 'duplicateId');
    if (keep.mergedIntoId || dup.mergedIntoId) throw new AppError('person_merged', 409);
    const patch: Partial<PersonRow> = {};
    const filled: string[] = [];
    for (const f of FILLABLE) {
      if (!keep[f] && dup[f]) {
        (patch as Record<string, unknown>)[f] = dup[f];
        filled.push(f);
      }
    }
    const dupName = [dup.givenName, dup.familyName].filter(Boolean).join(' ');
    const keepName = [keep.givenName, keep.familyName].filter(Boolean).join(' ');
    const others = new Set([keep.otherNames, dup.otherNames, dupName !== keepName ? dupName : null].filter((s): s is string => Boolean(s)));
    patch.otherNames = others.size ? [...others].join(', ') : null;
    Object.assign(patch, nameKeyColumns({ ...keep, ...patch, givenName: keep.givenName }));
    const merged = await peopleRepo.update(tx.db, orgId, keep.id, keep.version, patch);
    if (!merged) throw new AppError('conflict', 409);
    await peopleRepo.copyConsents(tx.db, orgId, dup.id, keep.id);
    await peopleRepo.markMerged(tx.db, orgId, dup.id, keep.id);
    await audit(tx, { action: 'person.merge', entityType: 'person', entityId: keep.id, details: { mergedFrom: dup.id, filled } });
    return toPerson(tx, merged);
  });
}
