import { and, asc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { invalid, AppError } from '../../platform/errors.ts';
import { organizations } from '../organizations/index.ts';
import { stateForZip } from './subscriber-places.ts';

/**
 * Who a sign-up belongs to: the affiliate serving the ZIP code's state (the oldest, when two
 * do), else the national office. Read before any org is known, so on the root handle
 * (organizations carry no personal data). A ZIP with no state (military, unassigned) is a
 * 400 on `zip`.
 */
export async function signupOrgForZip(deps: Deps, zip: string): Promise<{ id: string; name: string; state: string }> {
  const state = stateForZip(zip);
  if (!state) throw invalid('invalid_zip', 'zip', { value: zip });
  const db = deps.database.db;
  const cols = { id: organizations.id, name: organizations.name };
  const [affiliate] = await db
    .select(cols)
    .from(organizations)
    .where(and(eq(organizations.kind, 'affiliate'), sql`${state} = any(${organizations.statesServed})`))
    .orderBy(asc(organizations.createdAt))
    .limit(1);
  if (affiliate) return { ...affiliate, state };
  const [network] = await db.select(cols).from(organizations).where(eq(organizations.kind, 'network')).orderBy(asc(organizations.createdAt)).limit(1);
  if (!network) throw new AppError('unknown_org', 404, {}, 'zip');
  return { ...network, state };
}
