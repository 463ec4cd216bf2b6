import type { PersonInput } from '../../../contracts/people.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { nameKeyColumns, type PersonRow } from './people.repository.ts';
import { canReadSensitive } from './person-view.ts';
import { toE164 } from './phone.ts';

const SENSITIVE = ['dateOfBirth', 'immigrationStatus', 'aNumber'] as const;

/**
 * Input fields → column values: phone to E.164, search and conflict keys rebuilt from the names,
 * sensitive fields encrypted with the org's data key. Only roles that may read sensitive
 * fields may write them (a volunteer cannot fill a field they could never check).
 */
export async function toColumns(ctx: Ctx, orgId: string, input: Partial<PersonInput>, current?: PersonRow) {
  for (const f of SENSITIVE) {
    if (input[f] != null && !canReadSensitive(ctx)) throw new AppError('forbidden', 403, {}, f);
  }
  const cols: Partial<PersonRow> = {};
  const copy = ['givenName', 'nameKo', 'otherNames', 'email', 'preferredLanguage', 'zip', 'state'] as const;
  for (const k of copy) if (input[k] !== undefined) (cols as Record<string, unknown>)[k] = input[k] === '' ? null : input[k];
  // Many people have one name only: the family name is stored as '' rather than missing.
  if (input.familyName !== undefined) cols.familyName = input.familyName ?? '';
  if (input.phone !== undefined) {
    if (input.phone === null || input.phone === '') cols.phoneE164 = null;
    else {
      const e164 = toE164(input.phone);
      if (!e164) throw invalid('invalid_phone', 'phone', { value: input.phone });
      cols.phoneE164 = e164;
    }
  }
  const { keyring } = ctx.deps;
  if (input.dateOfBirth !== undefined) cols.dateOfBirthEnc = await keyring.encryptNullable(ctx.db, orgId, input.dateOfBirth);
  if (input.immigrationStatus !== undefined) cols.immigrationStatusEnc = await keyring.encryptNullable(ctx.db, orgId, input.immigrationStatus);
  if (input.aNumber !== undefined) {
    const digits = input.aNumber?.replace(/\D/g, '') ?? null;
    cols.aNumberEnc = await keyring.encryptNullable(ctx.db, orgId, digits ? `A${digits}` : null);
  }
  Object.assign(
    cols,
    nameKeyColumns({
      givenName: cols.givenName ?? current?.givenName ?? '',
      familyName: cols.familyName !== undefined ? cols.familyName : current?.familyName,
      nameKo: cols.nameKo !== undefined ? cols.nameKo : current?.nameKo,
      otherNames: cols.otherNames !== undefined ? cols.otherNames : current?.otherNames,
    }),
  );
  return cols;
}

/** Field names that changed, for the audit log (names only, never values). */
export const changedFields = (input: Partial<PersonInput>) => Object.keys(input).filter((k) => k !== 'version').sort();
