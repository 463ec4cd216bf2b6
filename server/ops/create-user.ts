import { z } from 'zod';
import { Lang } from '../../contracts/common.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { issuePasswordLink, orgRepo } from '../modules/organizations/index.ts';
import { audit } from '../platform/audit/audit.ts';
import { ROLES } from '../platform/authz/actions.ts';
import type { Ctx } from '../platform/context.ts';
import { inTx, setTxOrg } from '../platform/db-context.ts';
import { knownSlugs } from './create-org.ts';
import { OpsError, parseOptions } from './ops-errors.ts';

/** Same lifetime as an invitation sent from the members page. */
const LINK_VALID_MS = 72 * 3600_000;

export const UserCreateOptions = z.object({
  email: z.email({ error: 'required, a valid email address' }).max(320),
  name: z.string({ error: 'required' }).trim().min(1, 'required').max(200),
  org: z.string({ error: 'required (the slug of the organization)' }).min(1),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  language: z.enum(Lang.options, { error: 'must be ko, en or es' }).default('en'),
  // The same rule as the set-password page.
  password: z.string().min(12, 'at least 12 characters').max(1024).optional(),
});
export type UserCreateOptions = z.input<typeof UserCreateOptions>;

export interface UserCreateResult {
  userId: string;
  email: string;
  orgSlug: string;
  orgName: string;
  role: string;
  newUser: boolean;
  /** One-time link to set a password, when the user has none. */
  link: string | null;
}

/**
 * Create a user with a membership, or give an existing user (one login across the
 * network) a membership in another org. Without --password, a new user gets a one-time
 * set-password link, printed for the operator to hand over. Audited as "cli".
 */
export async function createUserFromCli({ ctx, input }: { ctx: Ctx; input: UserCreateOptions }): Promise<UserCreateResult> {
  const o = parseOptions(UserCreateOptions, input);
  // Hash before the transaction: argon2 takes a while and PGlite is one session.
  const passwordHash = o.password ? await hashPassword(o.password) : null;
  return inTx(
    ctx,
    async (tx) => {
      const org = await orgRepo.findOrgBySlug(tx.db, o.org);
      if (!org) throw new OpsError(`--org: no organization with slug "${o.org}"${await knownSlugs(tx.db)}`);
      await setTxOrg(tx, org.id);
      const existing = await orgRepo.findUserByEmail(tx.db, o.email);
      if (existing) {
        const member = await orgRepo.membership(tx.db, existing.id, org.id);
        if (member) throw new OpsError(`${existing.email} is already a member of ${org.slug} (as ${member.role}); nothing changed`);
        if (o.password) {
          throw new OpsError(`--password: ${existing.email} already has an account, and this command does not change passwords; leave out --password to add the membership`);
        }
      }
      const user = existing ?? (await orgRepo.insertUser(tx.db, { email: o.email, displayName: o.name, language: o.language, passwordHash }));
      await orgRepo.upsertMembership(tx.db, user.id, org.id, o.role);
      // An existing user who never set a password (an unused invitation) gets a fresh link too.
      const token = user.passwordHash ? null : await issuePasswordLink(tx.db, user.id, LINK_VALID_MS);
      await audit(tx, {
        action: 'member.add',
        entityType: 'user',
        entityId: user.id,
        orgId: org.id,
        details: { role: o.role, newUser: !existing, passwordSet: Boolean(passwordHash), linkIssued: Boolean(token) },
      });
      return {
        userId: user.id,
        email: user.email,
        orgSlug: org.slug,
        orgName: org.name,
        role: o.role,
        newUser: !existing,
        link: token ? `${ctx.deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}` : null,
      };
    },
    { orgId: null },
  );
}
