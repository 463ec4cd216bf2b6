import { type SQL, and, sql } from 'drizzle-orm';
import type { ConversationListQuery, ConversationPage } from '../../../contracts/hotline.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid } from '../../platform/errors.ts';
import { loadSummaries } from './inbox-query.ts';

/**
 * The inbox list: newest activity first, filtered, paged by a cursor (the last item's
 * activity time and id) so a page is one index range however deep the list. Items move
 * when a conversation gets a message; the realtime feed tells the inbox to refetch.
 * Not audited per page: it shows who wrote and when, not what (the thread read is audited).
 */
export async function listConversations({ ctx, input }: { ctx: Ctx; input: ConversationListQuery }): Promise<ConversationPage> {
  const orgId = requireOrg(ctx);
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const conds: SQL[] = [sql`c.status = ${input.status}`];
  if (input.lang) conds.push(sql`c.lang = ${input.lang}`);
  if (input.urgency) conds.push(sql`c.urgency = ${input.urgency}`);
  if (input.channel) conds.push(sql`c.channel = ${input.channel}`);
  if (input.category) conds.push(sql`c.category = ${input.category}`);
  // An API token is nobody: "mine" is empty for it.
  if (input.assigned === 'me') conds.push(ctx.actor?.userId ? sql`c.assigned_to = ${ctx.actor.userId}` : sql`false`);
  if (input.assigned === 'unassigned') conds.push(sql`c.assigned_to is null`);
  if (cursor) conds.push(sql`(c.last_activity_at, c.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  return inTx(ctx, async (tx) => {
    const { rows, items } = await loadSummaries(tx, orgId, and(...conds)!, input.limit + 1);
    const more = rows.length > input.limit;
    const page = items.slice(0, input.limit);
    const last = rows[input.limit - 1];
    return { items: page, nextCursor: more && last ? encodeCursor(last.activity_key, last.id) : null };
  });
}

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^[0-9 :.+-]{10,40}$/.test(at) || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid('invalid_cursor', 'cursor');
  return { at, id };
}
