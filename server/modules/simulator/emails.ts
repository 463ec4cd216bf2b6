import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SimulatorEmail, SimulatorEmailList } from '../../../contracts/simulator.ts';
import { simulatedEmails } from '../../integrations/email/email.table.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { memberships, users } from '../organizations/index.ts';

/**
 * The email simulator's outbox. It holds password-reset and invitation links, so a viewer
 * sees only mail addressed to their own login, unless they manage members (admins, who can
 * reset passwords anyway). Even then, mail to a Haven login that is not a member of the
 * admin's current org stays hidden: an admin of affiliate B must not pick up a reset link
 * for a user of affiliate A (tenancy first). Not tenant data otherwise: one deployment mailbox.
 */
const LIMIT = 200;

interface Scope {
  /** members.manage in the current org: every address but other orgs' logins. */
  all: boolean;
  orgId: string | null;
  /** The viewer's own login (lower-case); null for an API token, which has no mailbox. */
  email: string | null;
}

async function viewerScope(ctx: Ctx): Promise<Scope> {
  if (ctx.deps.email.name !== 'simulator') throw new AppError('simulator_off', 404);
  const all = !!ctx.actor?.orgId && ctx.actor.permissions.has('members.manage');
  const userId = ctx.actor?.userId;
  const [u] = userId ? await ctx.deps.database.db.select({ email: users.email }).from(users).where(eq(users.id, userId)) : [];
  return { all, orgId: ctx.actor?.orgId ?? null, email: u?.email.toLowerCase() ?? null };
}

/** Mail the scope may read, as SQL over simulated_emails. */
function visible(scope: Scope): SQL {
  const own = scope.email ? sql`lower(${simulatedEmails.to}) = ${scope.email}` : sql`false`;
  if (!scope.all) return own;
  const otherOrgsLogin = sql`exists (
    select 1 from ${users} where lower(${users.email}) = lower(${simulatedEmails.to})
      and not exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.orgId} = ${scope.orgId}))`;
  return sql`(${own} or not ${otherOrgsLogin})`;
}

export async function listEmails({ ctx }: { ctx: Ctx }): Promise<SimulatorEmailList> {
  const scope = await viewerScope(ctx);
  const rows = await ctx.deps.database.db
    .select({ id: simulatedEmails.id, to: simulatedEmails.to, subject: simulatedEmails.subject, createdAt: simulatedEmails.createdAt })
    .from(simulatedEmails)
    .where(visible(scope))
    .orderBy(desc(simulatedEmails.createdAt))
    .limit(LIMIT);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), allAddresses: scope.all };
}

export async function getEmail({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<SimulatorEmail> {
  const scope = await viewerScope(ctx);
  const [row] = await ctx.deps.database.db.select().from(simulatedEmails).where(and(eq(simulatedEmails.id, input.id), visible(scope)));
  // Mail the viewer may not read answers exactly like no mail: its existence is not for them.
  if (!row) throw notFound('email');
  const own = !!scope.email && row.to.toLowerCase() === scope.email;
  if (!own) {
    // An admin opening another person's mail (a live reset link) leaves a trace.
    await inTx(ctx, (tx) => audit(tx, { action: 'simulator.email_read', entityType: 'simulated_email', entityId: row.id }));
  }
  return {
    id: row.id, to: row.to, subject: row.subject, createdAt: row.createdAt.toISOString(), text: row.text, html: row.html,
    headers: Object.fromEntries(Object.entries((row.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
  };
}
