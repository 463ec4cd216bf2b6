import type { Person, PersonSummary } from '../../../contracts/people.ts';
import type { Ctx } from '../../platform/context.ts';
import type { PersonRow } from './people.repository.ts';

export const canReadSensitive = (ctx: Ctx) => Boolean(ctx.actor?.permissions.has('people.read_sensitive'));

export const toSummary = (r: PersonRow): PersonSummary => ({
  id: r.id,
  givenName: r.givenName,
  familyName: r.familyName,
  nameKo: r.nameKo,
  otherNames: r.otherNames,
  phone: r.phoneE164,
  email: r.email,
  preferredLanguage: r.preferredLanguage,
  zip: r.zip,
  state: r.state,
  createdAt: r.createdAt.toISOString(),
});

/** The full record; sensitive fields are decrypted only for roles allowed to see them. */
export async function toPerson(ctx: Ctx, r: PersonRow): Promise<Person> {
  const { keyring } = ctx.deps;
  const sensitive = canReadSensitive(ctx)
    ? {
        dateOfBirth: await keyring.decryptNullable(ctx.db, r.orgId, r.dateOfBirthEnc),
        immigrationStatus: await keyring.decryptNullable(ctx.db, r.orgId, r.immigrationStatusEnc),
        aNumber: await keyring.decryptNullable(ctx.db, r.orgId, r.aNumberEnc),
      }
    : null;
  return {
    ...toSummary(r),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    mergedIntoId: r.mergedIntoId,
    sensitive,
  };
}
