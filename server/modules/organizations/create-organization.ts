import { z } from 'zod';
import { Lang } from '../../../contracts/common.ts';
import type { Ctx } from '../../platform/context.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTx, setTxOrg } from '../../platform/db-context.ts';
import { orgRepo } from './organizations.repository.ts';

export const CreateOrganizationInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(200),
  kind: z.enum(['network', 'affiliate']),
  parentId: z.uuid().nullable().default(null),
  statesServed: z.array(z.string().length(2)).default([]),
  timeZone: z.string().default('America/New_York'),
  languages: z.array(Lang).min(1).default(['ko', 'en', 'es']),
  mfaRequiredForSensitive: z.boolean().default(true),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

/** A new org with the default role→action rules and its own data key. Used by the CLI and the demo seed. */
export async function createOrganization({ ctx, input }: { ctx: Ctx; input: CreateOrganizationInput }) {
  const values = CreateOrganizationInput.parse(input);
  return inTx(ctx, async (tx) => {
    const org = await orgRepo.insertOrg(tx.db, values);
    await ctx.deps.keyring.ensureScope(tx.db, org.id);
    await setTxOrg(tx, org.id);
    await audit(tx, { action: 'organization.create', entityType: 'organization', entityId: org.id, orgId: org.id, details: { slug: org.slug } });
    return org;
  }, { orgId: null });
}
