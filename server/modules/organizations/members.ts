import type { AddMemberInput, ChangeRoleInput, Member } from '../../../contracts/organizations.ts';
import { isRole } from '../../platform/authz/actions.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { orgRepo } from './organizations.repository.ts';
import { issuePasswordLink, sendPasswordMail } from './password-links.ts';

const toMember = (m: { userId: string; email: string; displayName: string; role: string; totpEnabledAt: Date | null; joinedAt: Date }): Member => ({
  userId: m.userId,
  email: m.email,
  displayName: m.displayName,
  role: m.role,
  mfaEnabled: Boolean(m.totpEnabledAt),
  joinedAt: m.joinedAt.toISOString(),
});

export async function listMembers({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => ({ items: (await orgRepo.membersOfOrg(tx.db, orgId)).map(toMember) }));
}

async function memberOrThrow(ctx: Ctx, orgId: string, userId: string) {
  const found = (await orgRepo.membersOfOrg(ctx.db, orgId)).find((m) => m.userId === userId);
  if (!found) throw notFound('member');
  return toMember(found);
}

/**
 * Add someone to the current org. A new user gets an invitation link by email to set their
 * password; an existing user (a member elsewhere in the network) just gains the membership.
 */
/** network_admin belongs to the network office only; every other role to any org. */
async function assertRoleFits(ctx: Ctx, orgId: string, role: string) {
  if (!isRole(role)) throw invalid('unknown_role', 'role', { role });
  const org = await orgRepo.findOrg(ctx.db, orgId);
  if (role === 'network_admin' && org?.kind !== 'network') throw invalid('unknown_role', 'role', { role });
}

export async function addMember({ ctx, input }: { ctx: Ctx; input: AddMemberInput }) {
  const orgId = requireOrg(ctx);
  await assertRoleFits(ctx, orgId, input.role);
  const result = await inTx(ctx, async (tx) => {
    const existing = await orgRepo.findUserByEmail(tx.db, input.email);
    const user = existing ?? (await orgRepo.insertUser(tx.db, { email: input.email, displayName: input.displayName, language: input.language }));
    if (existing && (await orgRepo.membership(tx.db, existing.id, orgId))) {
      throw new AppError('email_taken', 409, { email: input.email }, 'email');
    }
    await orgRepo.upsertMembership(tx.db, user.id, orgId, input.role);
    const token = existing ? null : await issuePasswordLink(tx.db, user.id, 72 * 3600_000);
    await audit(tx, { action: 'member.add', entityType: 'user', entityId: user.id, details: { role: input.role, newUser: !existing } });
    const org = await orgRepo.findOrg(tx.db, orgId);
    return { member: await memberOrThrow(tx, orgId, user.id), token, user, orgName: org?.name ?? '' };
  });
  if (result.token) {
    await sendPasswordMail(ctx, 'invite', { email: result.user.email, language: result.user.language }, result.token, {
      org: result.orgName,
      inviter: ctx.actor?.label ?? '',
      role: input.role,
    });
  }
  return result.member;
}

export async function changeMemberRole({ ctx, input }: { ctx: Ctx; input: ChangeRoleInput & { userId: string } }) {
  const orgId = requireOrg(ctx);
  await assertRoleFits(ctx, orgId, input.role);
  return inTx(ctx, async (tx) => {
    const current = await orgRepo.membership(tx.db, input.userId, orgId);
    if (!current) throw notFound('member');
    await guardLastAdmin(tx, orgId, current.role, input.role);
    await orgRepo.upsertMembership(tx.db, input.userId, orgId, input.role);
    await audit(tx, { action: 'member.role_change', entityType: 'user', entityId: input.userId, details: { from: current.role, to: input.role } });
    return memberOrThrow(tx, orgId, input.userId);
  });
}

export async function removeMember({ ctx, input }: { ctx: Ctx; input: { userId: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const current = await orgRepo.membership(tx.db, input.userId, orgId);
    if (!current) throw notFound('member');
    await guardLastAdmin(tx, orgId, current.role, null);
    await orgRepo.deleteMembership(tx.db, input.userId, orgId);
    await audit(tx, { action: 'member.remove', entityType: 'user', entityId: input.userId, details: { role: current.role } });
    return { ok: true as const };
  });
}

const ADMIN_ROLES = ['affiliate_admin', 'network_admin'];

/** An org must not lose its last administrator, or nobody could manage it again. */
async function guardLastAdmin(ctx: Ctx, orgId: string, from: string, to: string | null) {
  if (!ADMIN_ROLES.includes(from) || (to && ADMIN_ROLES.includes(to))) return;
  const admins = (await orgRepo.countRole(ctx.db, orgId, 'affiliate_admin')) + (await orgRepo.countRole(ctx.db, orgId, 'network_admin'));
  if (admins <= 1) throw new AppError('last_admin', 409);
}

/**
 * A member lost their phone: an admin turns their two-factor off (they enrol again at next
 * sign-in if their role requires it) and ends their sessions. Audited.
 */
export async function resetMemberMfa({ ctx, input }: { ctx: Ctx; input: { userId: string } }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    if (!(await orgRepo.membership(tx.db, input.userId, orgId))) throw notFound('member');
    await orgRepo.resetMfa(tx.db, input.userId);
    await audit(tx, { action: 'member.mfa_reset', entityType: 'user', entityId: input.userId });
    return memberOrThrow(tx, orgId, input.userId);
  });
}
