import type { OrgSettings, OrgSettingsPatch } from '../../../contracts/organizations.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { OrganizationRow } from './organizations.repository.ts';
import { orgRepo } from './organizations.repository.ts';

const toSettings = (o: OrganizationRow): OrgSettings => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  kind: o.kind,
  statesServed: o.statesServed,
  timeZone: o.timeZone,
  languages: o.languages as OrgSettings['languages'],
  mfaRequiredForSensitive: o.mfaRequiredForSensitive,
});

export async function getOrgSettings({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  const org = await orgRepo.findOrg(ctx.db, orgId);
  if (!org) throw notFound('organization');
  return toSettings(org);
}

export async function updateOrgSettings({ ctx, input }: { ctx: Ctx; input: OrgSettingsPatch }) {
  const orgId = requireOrg(ctx);
  if (input.timeZone && !Intl.supportedValuesOf('timeZone').includes(input.timeZone)) throw invalid('invalid_time_zone', 'timeZone');
  return inTx(ctx, async (tx) => {
    const org = await orgRepo.updateOrg(tx.db, orgId, input);
    await audit(tx, { action: 'org.settings_update', entityType: 'organization', entityId: orgId, details: { changed: Object.keys(input) } });
    return toSettings(org);
  });
}

export async function listAffiliates({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgs = await orgRepo.listOrgs(ctx.db);
  return { items: orgs.map((o) => ({ id: o.id, name: o.name, slug: o.slug, kind: o.kind, statesServed: o.statesServed })) };
}
