import type { RoleMatrix, SetRoleActionsInput } from '../../../contracts/organizations.ts';
import { ACTIONS, isAction, isRole, ROLES, SENSITIVE_ACTIONS } from '../../platform/authz/actions.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { orgRepo } from './organizations.repository.ts';

export async function getRoleMatrix({ ctx }: { ctx: Ctx; input?: undefined }): Promise<RoleMatrix> {
  const orgId = requireOrg(ctx);
  const org = await orgRepo.findOrg(ctx.db, orgId);
  return inTx(ctx, async (tx) => ({
    // The network administrator role exists only in the network office.
    roles: ROLES.filter((r) => r !== 'network_admin' || org?.kind === 'network'),
    actions: Object.entries(ACTIONS).map(([action, description]) => ({
      action,
      description,
      sensitive: (SENSITIVE_ACTIONS as readonly string[]).includes(action),
    })),
    grants: await orgRepo.grantsOf(tx.db, orgId),
  }));
}

/** Replace what one role may do in the current org. Audited with the before and after. */
export async function setRoleActions({ ctx, input }: { ctx: Ctx; input: SetRoleActionsInput & { role: string } }) {
  const orgId = requireOrg(ctx);
  if (!isRole(input.role)) throw notFound('role');
  const unknown = input.actions.find((a) => !isAction(a));
  if (unknown) throw invalid('unknown_action', 'actions', { action: unknown });
  const actions = [...new Set(input.actions)].sort();
  await inTx(ctx, async (tx) => {
    const before = await orgRepo.actionsOf(tx.db, orgId, input.role);
    await orgRepo.setActions(tx.db, orgId, input.role as (typeof ROLES)[number], actions);
    await audit(tx, { action: 'role.update', entityType: 'role', entityId: input.role, details: { before: before.sort(), after: actions } });
  });
  return getRoleMatrix({ ctx });
}
