import type { SessionInfo } from '../../../contracts/auth.ts';
import type { DbOrTx } from '../../db/client.ts';
import { SENSITIVE_ACTIONS } from '../../platform/authz/actions.ts';
import { orgRepo, type UserRow } from '../organizations/index.ts';
import type { SessionRow } from './sessions.ts';

export interface SessionState {
  mfa: SessionInfo['mfa'];
  orgId: string | null;
  role: string | null;
  permissions: string[];
}

/**
 * Where a session stands: its org and role, what the role may do there, and whether
 * two-factor is still owed. A user who has two-factor must always pass it; a user who has
 * none must enrol when their org requires it for a role that can read sensitive data.
 */
export async function sessionState(db: DbOrTx, session: Pick<SessionRow, 'orgId' | 'mfaVerified'>, user: UserRow): Promise<SessionState> {
  let orgId = session.orgId;
  let role: string | null = null;
  let permissions: string[] = [];
  let mfaRequired = false;
  if (orgId) {
    const [membership, org] = await Promise.all([orgRepo.membership(db, user.id, orgId), orgRepo.findOrg(db, orgId)]);
    if (membership && org) {
      role = membership.role;
      permissions = await orgRepo.actionsOf(db, orgId, role);
      mfaRequired = org.mfaRequiredForSensitive && permissions.some((p) => (SENSITIVE_ACTIONS as readonly string[]).includes(p));
    } else {
      orgId = null; // membership was removed since the session chose this org
    }
  }
  const mfa: SessionInfo['mfa'] = user.totpEnabledAt ? (session.mfaVerified ? 'ok' : 'verify') : mfaRequired ? 'enrol' : 'ok';
  return { mfa, orgId, role, permissions: mfa === 'ok' ? permissions : [] };
}

export async function sessionInfo(db: DbOrTx, session: SessionRow, user: UserRow): Promise<SessionInfo> {
  const state = await sessionState(db, session, user);
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      mfaEnabled: Boolean(user.totpEnabledAt),
    },
    mfa: state.mfa,
    csrfToken: session.csrfToken,
    currentOrgId: state.orgId,
    role: state.role,
    permissions: state.permissions.sort(),
    memberships: await orgRepo.membershipsOfUser(db, user.id),
  };
}
