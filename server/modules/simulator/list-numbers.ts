import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { SimulatorNumberList } from '../../../contracts/simulator.ts';
import type { Ctx } from '../../platform/context.ts';
import { messagingAccounts, messagingSenders } from '../messaging/index.ts';
import { organizations } from '../organizations/index.ts';

/**
 * Haven's numbers a pretend member can text or call: every org's phone senders whose
 * provider is the simulator (no account row means the simulator). Read across orgs with
 * the system connection on purpose: the simulator is one carrier for the whole deployment,
 * and only numbers and org names leave here, never ids.
 */
export async function listSimulatorNumbers({ ctx }: { ctx: Ctx }): Promise<SimulatorNumberList> {
  const rows = await ctx.deps.database.db
    .select({ phone: messagingSenders.phoneE164, label: messagingSenders.label, orgName: organizations.name })
    .from(messagingSenders)
    .innerJoin(organizations, eq(organizations.id, messagingSenders.orgId))
    .leftJoin(messagingAccounts, eq(messagingAccounts.orgId, messagingSenders.orgId))
    .where(and(isNotNull(messagingSenders.phoneE164), or(isNull(messagingAccounts.orgId), eq(messagingAccounts.provider, 'simulator'))))
    .orderBy(asc(organizations.name), asc(messagingSenders.phoneE164));
  return { items: rows.map((r) => ({ phone: r.phone ?? '', label: r.label, orgName: r.orgName })) };
}
