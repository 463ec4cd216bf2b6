import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { DEFAULT_ROLE_ACTIONS, type Role, ROLES } from '../../platform/authz/actions.ts';
import { memberships, organizations, recoveryCodes, rolePermissions, sessions, users } from './organizations.table.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export const orgRepo = {
  async insertOrg(db: DbOrTx, values: typeof organizations.$inferInsert) {
    const [org] = await db.insert(organizations).values(values).returning();
    await db.insert(rolePermissions).values(
      ROLES.flatMap((role) => DEFAULT_ROLE_ACTIONS[role].map((action) => ({ orgId: org.id, role, action }))),
    );
    return org;
  },
  async findOrg(db: DbOrTx, id: string) {
    const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
    return org ?? null;
  },
  async findOrgBySlug(db: DbOrTx, slug: string) {
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
    return org ?? null;
  },
  listOrgs(db: DbOrTx) {
    return db.select().from(organizations).orderBy(asc(organizations.kind), asc(organizations.name));
  },
  async updateOrg(db: DbOrTx, id: string, patch: Partial<typeof organizations.$inferInsert>) {
    const [org] = await db.update(organizations).set(patch).where(eq(organizations.id, id)).returning();
    return org;
  },

  async findUserByEmail(db: DbOrTx, email: string) {
    const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return user ?? null;
  },
  async findUser(db: DbOrTx, id: string) {
    const [user] = await db.select().from(users).where(eq(users.id, id));
    return user ?? null;
  },
  async insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
    const [user] = await db.insert(users).values({ ...values, email: values.email.toLowerCase() }).returning();
    return user;
  },
  async updateUser(db: DbOrTx, id: string, patch: Partial<typeof users.$inferInsert>) {
    const [user] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
    return user;
  },

  membershipsOfUser(db: DbOrTx, userId: string) {
    return db
      .select({ orgId: organizations.id, orgName: organizations.name, orgSlug: organizations.slug, orgKind: organizations.kind, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organizations.kind), asc(organizations.name));
  },
  async membership(db: DbOrTx, userId: string, orgId: string) {
    const [m] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
    return m ?? null;
  },
  membersOfOrg(db: DbOrTx, orgId: string) {
    return db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        role: memberships.role,
        totpEnabledAt: users.totpEnabledAt,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(asc(users.displayName));
  },
  async upsertMembership(db: DbOrTx, userId: string, orgId: string, role: string) {
    await db.insert(memberships).values({ userId, orgId, role }).onConflictDoUpdate({ target: [memberships.userId, memberships.orgId], set: { role } });
  },
  async deleteMembership(db: DbOrTx, userId: string, orgId: string) {
    const rows = await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId))).returning();
    return rows.length > 0;
  },
  async countRole(db: DbOrTx, orgId: string, role: string) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, role)));
    return row.n;
  },

  async actionsOf(db: DbOrTx, orgId: string, role: string): Promise<string[]> {
    const rows = await db
      .select({ action: rolePermissions.action })
      .from(rolePermissions)
      .where(and(eq(rolePermissions.orgId, orgId), eq(rolePermissions.role, role)));
    return rows.map((r) => r.action);
  },
  async grantsOf(db: DbOrTx, orgId: string): Promise<Record<string, string[]>> {
    const rows = await db.select().from(rolePermissions).where(eq(rolePermissions.orgId, orgId));
    const grants: Record<string, string[]> = Object.fromEntries(ROLES.map((r) => [r, [] as string[]]));
    for (const r of rows) (grants[r.role] ??= []).push(r.action);
    for (const list of Object.values(grants)) list.sort();
    return grants;
  },
  async setActions(db: DbOrTx, orgId: string, role: Role, actions: string[]) {
    await db.delete(rolePermissions).where(and(eq(rolePermissions.orgId, orgId), eq(rolePermissions.role, role)));
    if (actions.length) await db.insert(rolePermissions).values(actions.map((action) => ({ orgId, role, action })));
  },
  /** Two-factor off, recovery codes and sessions gone (see resetMemberMfa). */
  async resetMfa(db: DbOrTx, userId: string) {
    await db.update(users).set({ totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  async usersByIds(db: DbOrTx, ids: string[]) {
    return ids.length ? db.select().from(users).where(inArray(users.id, ids)) : [];
  },
};
